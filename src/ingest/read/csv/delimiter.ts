/**
 * Finds the column separator from the start of the text. For each candidate
 * the sample is split (quotes respected) and the number of separators per
 * record compared: the real one gives the same count on (nearly) every
 * record, header included. Ties go to the separator the file name suggests.
 */
import { CsvTokenizer } from './tokenizer.ts';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_RECORDS = 50;

interface Score {
  delimiter: Delimiter;
  /** Fraction of sampled records whose separator count equals the most common count. */
  consistency: number;
  /** The most common separator count per record. */
  mode: number;
}

export function sniffDelimiter(sample: string, complete: boolean, preferred: Delimiter): Delimiter {
  const order: Delimiter[] = [preferred, ...DELIMITERS.filter((d) => d !== preferred)];
  let best: Score | undefined;
  for (const delimiter of order) {
    const score = scoreDelimiter(sample, complete, delimiter);
    if (score.mode === 0) continue;
    if (!best || score.consistency > best.consistency || (score.consistency === best.consistency && score.mode > best.mode)) {
      best = score;
    }
  }
  return best?.delimiter ?? preferred;
}

function scoreDelimiter(sample: string, complete: boolean, delimiter: Delimiter): Score {
  const counts: number[] = [];
  const tokenizer = new CsvTokenizer(delimiter);
  try {
    tokenizer.tokenize(sample, complete, (cells) => {
      if (cells.length === 1 && cells[0] === '') return;
      counts.push(cells.length - 1);
      // Enough evidence: stop splitting the rest of the sample.
      if (counts.length >= SAMPLE_RECORDS) throw STOP;
    });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (counts.length === 0) return { delimiter, consistency: 0, mode: 0 };
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let mode = 0;
  let modeFrequency = 0;
  for (const [count, times] of frequency) {
    if (times > modeFrequency || (times === modeFrequency && count > mode)) {
      mode = count;
      modeFrequency = times;
    }
  }
  return { delimiter, consistency: modeFrequency / counts.length, mode };
}

const STOP = Symbol('enough records');

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'commas',
  '\t': 'tabs',
  ';': 'semicolons',
  '|': 'vertical bars (|)',
};
