/**
 * A small streaming RFC 4180 tokenizer.
 *
 * Why not papaparse (a dev dependency, used only to cross-check tests): it can only be fed incrementally from
 * a File (through FileReader, which Node lacks) or a Node stream; a plain
 * string is parsed in one go. We read the Blob ourselves in slices (to choose
 * the encoding from the bytes and to report progress and cancel between
 * slices), so we need a parser that takes text slice by slice and tells us
 * where an unfinished record begins. It also has to accept CRLF, LF and lone
 * CR mixed in one file, which papaparse does not (it guesses one newline per
 * file). This tokenizer does exactly that and nothing more.
 *
 * Rules (as Excel reads a CSV):
 * - A field that starts with a quote is quoted: delimiters and newlines inside
 *   are data, "" is one quote. Text after the closing quote, up to the next
 *   delimiter, is kept as written ("ab"c → abc).
 * - A quote inside an unquoted field is an ordinary character.
 * - A record ends at CRLF, LF or CR.
 */
const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface TokenizeResult {
  /** Index in the text where the first unfinished record starts (text.length when all were finished). */
  consumed: number;
  /** The text ended inside a quoted field (only reported when `final`). */
  unclosedQuote: boolean;
}

export class CsvTokenizer {
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Calls `onRecord` for every complete record in `text`. When not `final`,
   * stops before a record that may continue in the next slice and reports
   * where it starts, so the caller can prepend it to the next slice.
   */
  tokenize(text: string, final: boolean, onRecord: (cells: string[]) => void): TokenizeResult {
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    let recordStart = 0;
    let row: string[] = [];
    while (i < n) {
      let cell: string;
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        // Quoted field: jump from quote to quote with indexOf (fast on long cells).
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1 || (q === n - 1 && !final)) {
            if (!final) return { consumed: recordStart, unclosedQuote: false };
            row.push(value + text.slice(from));
            onRecord(row);
            return { consumed: n, unclosedQuote: true };
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        let k = i;
        while (k < n && (c = text.charCodeAt(k)) !== d && c !== LF && c !== CR) k++;
        cell = k > i ? value + text.slice(i, k) : value;
        i = k;
      } else {
        let k = i;
        while (k < n && (c = text.charCodeAt(k)) !== d && c !== LF && c !== CR) k++;
        cell = text.slice(i, k);
        i = k;
      }
      row.push(cell);
      if (i >= n) {
        if (!final) return { consumed: recordStart, unclosedQuote: false };
        onRecord(row);
        return { consumed: n, unclosedQuote: false };
      }
      c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i === n) {
          if (!final) return { consumed: recordStart, unclosedQuote: false };
          row.push('');
          onRecord(row);
          return { consumed: n, unclosedQuote: false };
        }
        continue;
      }
      // End of record. A CR at the very end of a slice may be the first half of CRLF: wait for the next slice.
      if (c === CR) {
        if (i === n - 1 && !final) return { consumed: recordStart, unclosedQuote: false };
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      onRecord(row);
      row = [];
      recordStart = i;
    }
    return { consumed: n, unclosedQuote: false };
  }
}
