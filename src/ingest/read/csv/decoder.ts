/**
 * Turns the bytes of a text file into text, slice by slice, choosing between
 * UTF-8 and Windows-1252 (what Excel on Windows writes for "CSV (Comma
 * delimited)").
 *
 * The rule, decided from the bytes as they stream (no second pass):
 * - Decode as UTF-8 while the bytes are valid UTF-8.
 * - At the first invalid slice: if every byte before it was plain ASCII
 *   (identical in both encodings, so nothing already passed on was wrong),
 *   switch to Windows-1252 for that slice and the rest of the file. This
 *   covers an export that is all ASCII until a "£" or "é" on row 600,000.
 * - If real UTF-8 characters came before, the file is mixed: stay with UTF-8,
 *   show the bad bytes as "�", and let the reader note the first such row.
 *
 * Slices must end on a character boundary (the reader cuts them after a line
 * break), so no decoder state runs from one slice to the next.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

const REPLACEMENT = '\uFFFD';
const C1_CONTROLS = /[\u0080-\u009f]/;
const C1_CONTROLS_ALL = /[\u0080-\u009f]/g;
/** WHATWG windows-1252 for bytes 80–9F (81, 8D, 8F, 90 and 9D stay as they are). */
const WINDOWS_1252_80_9F = [
  '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
  '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
  '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
  '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178',
];

export class ProgressiveDecoder {
  // The lenient decoder is the fast path; the strict one only confirms a slice that shows U+FFFD.
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly windows1252 = new TextDecoder('windows-1252');
  private allAscii = true;
  encoding: TextEncoding = 'utf-8';
  /** Set when bad UTF-8 was met after good UTF-8: the reader turns it into a note with a row number. */
  replacedInvalidBytes = false;

  decode(bytes: Uint8Array): string {
    if (this.encoding === 'windows-1252') return this.decodeWindows1252(bytes);
    const text = this.utf8.decode(bytes);
    if (text.includes(REPLACEMENT) && !this.isValidUtf8(bytes)) {
      if (this.allAscii) {
        this.encoding = 'windows-1252';
        return this.decodeWindows1252(bytes);
      }
      this.replacedInvalidBytes = true;
    }
    // Non-ASCII UTF-8 always yields fewer UTF-16 units than bytes, so equal lengths mean pure ASCII.
    if (text.length !== bytes.length) this.allAscii = false;
    return text;
  }

  /**
   * Node's TextDecoder (at least up to v22) decodes 'windows-1252' as Latin-1,
   * so bytes 80–9F (€ ‘ ’ “ ” – — …, common in Excel text) come out as control
   * characters. Browsers follow the WHATWG table; mapping 80–9F here makes both agree.
   */
  private decodeWindows1252(bytes: Uint8Array): string {
    const text = this.windows1252.decode(bytes);
    return C1_CONTROLS.test(text) ? text.replace(C1_CONTROLS_ALL, (ch) => WINDOWS_1252_80_9F[ch.charCodeAt(0) - 0x80]!) : text;
  }

  /** A "�" may be a real character in the file: only invalid bytes make the strict decoder throw. */
  private isValidUtf8(bytes: Uint8Array): boolean {
    try {
      this.strictUtf8.decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
}

/** UTF-8 byte-order mark EF BB BF. */
export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Where to end a slice so it holds whole lines and whole characters: just
 * after the last line feed (a byte that is never part of a multi-byte UTF-8
 * character), else after the last carriage return, else (a line longer than
 * the slice) before any UTF-8 character that may be cut short.
 */
export function safeCut(bytes: Uint8Array): number {
  const lf = bytes.lastIndexOf(0x0a);
  if (lf >= 0) return lf + 1;
  const cr = bytes.lastIndexOf(0x0d);
  if (cr >= 0) return cr + 1;
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return end > 0 ? end : bytes.length;
}

/**
 * UTF-16 text (Excel's "Unicode Text" export: tab-separated, usually
 * little-endian with a byte-order mark). Slices may end anywhere on an even
 * byte: the decoder keeps a cut-off surrogate pair for the next slice.
 * Big-endian bytes are swapped and decoded as little-endian, which every
 * TextDecoder supports.
 */
export class Utf16Decoder {
  private readonly decoder = new TextDecoder('utf-16le');
  replacedInvalidBytes = false;

  constructor(readonly encoding: 'utf-16le' | 'utf-16be') {}

  decode(bytes: Uint8Array, final = false): string {
    let le = bytes;
    if (this.encoding === 'utf-16be') {
      le = new Uint8Array(bytes.length);
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        le[i] = bytes[i + 1]!;
        le[i + 1] = bytes[i]!;
      }
    }
    const text = this.decoder.decode(le, { stream: !final });
    if (text.includes(REPLACEMENT)) this.replacedInvalidBytes = true;
    return text;
  }
}

/** UTF-16 byte-order mark for the given byte order (FF FE little-endian, FE FF big-endian). */
export function startsWithUtf16Bom(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const [a, b] = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bytes.length >= 2 && bytes[0] === a && bytes[1] === b;
}
