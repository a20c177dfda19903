/**
 * Shapes the online form tools give their downloads, so a file from
 * Microsoft Forms, Google Forms, SmartSurvey or SurveyMonkey reads as it was
 * meant: SurveyMonkey writes a second header row under the questions
 * ('Response', 'Open-Ended Response', or each option's label).
 */

const SUB_HEADER_WORDS = new Set(['response', 'open-ended response', 'open ended response', 'other (please specify)', 'other please specify', 'comment', 'ranking']);

/**
 * True for SurveyMonkey's second header row: at least one cell is
 * 'Response' or 'Open-Ended Response', and no cell is a number or a date
 * (a real answer row has its respondent id and dates).
 */
export function isSubHeaderRow(row: readonly string[] | undefined): boolean {
  if (!row) return false;
  let words = 0;
  for (const raw of row) {
    const cell = raw.trim();
    if (cell === '') continue;
    if (/^[\d.,:/\- ]+$/.test(cell)) return false;
    if (SUB_HEADER_WORDS.has(cell.toLowerCase())) words++;
  }
  return words > 0;
}

export const SUB_HEADER_NOTE = "The row under the column names is the form tool's second header row ('Response', 'Open-Ended Response'…), not an answer, so it was skipped.";
