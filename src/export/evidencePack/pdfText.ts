/**
 * jsPDF's built-in Helvetica writes WinAnsi (Windows-1252) text: ’ – — … £ •
 * and accented letters come out right, but anything outside that set (≥, −,
 * →, ✓, thin spaces) prints as junk. Every string drawn in the evidence pack
 * passes through pdfSafe, which keeps what WinAnsi has and spells the rest out.
 */

/** Windows-1252's characters above Latin-1's control range (0x80–0x9F), as Unicode. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Characters people's text and the app's wording use that WinAnsi lacks, in words or ASCII. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '→': '->',
  '←': '<-',
  '↑': 'up',
  '↓': 'down',
  '≈': '~',
  '≠': '!=',
  'Ł': 'L',
  'ł': 'l',
  'χ': 'chi',
  '▲': '',
  '▼': '',
  '✓': 'yes',
  '✔': 'yes',
  '✗': 'no',
  '✘': 'no',
  '′': "'",
  '″': '"',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\t': ' ',
};

function winAnsi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRAS.has(ch);
}

/** `text` with every character Helvetica (WinAnsi) cannot print replaced by a safe equivalent; line breaks kept. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n') out += ch;
    else if (winAnsi(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (ch === '\r') continue;
    else {
      // An accented letter WinAnsi lacks (ő, ł…) loses its accent rather than the letter.
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== ch && [...bare].every(winAnsi) ? bare : '?';
    }
  }
  return out;
}
