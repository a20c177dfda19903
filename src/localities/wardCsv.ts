/**
 * Reads a CSV or TSV a person already has — a list of ward codes or ward
 * names, perhaps with a "locality" column naming several localities in one
 * file — and matches it to the wards of the place in view, with a line for
 * every row saying what happened to it. Pure: text and ward lists in, report out.
 */
import { LEVELS } from '../geo/levels.ts';
import { sniffDelimiter, type Delimiter } from '../ingest/read/csv/delimiter.ts';
import { CsvTokenizer } from '../ingest/read/csv/tokenizer.ts';
import { fingerprint, nearKeys } from '../ingest/reconcile/keys.ts';

export interface WardRef {
  code: string;
  name: string;
  lad_name: string;
}

export type RowOutcome =
  | { status: 'matched'; ward: WardRef }
  | { status: 'duplicate'; ward: WardRef; firstRow: number }
  /** No ward of that name or code; `suggestion` is a ward whose name is a typing slip away. */
  | { status: 'unknown'; suggestion: WardRef | null }
  | { status: 'ambiguous'; wards: WardRef[] }
  /** A real ward, but in an authority outside the place in view. */
  | { status: 'elsewhere'; ward: WardRef }
  /** A title or header row, read as such and not as a ward. */
  | { status: 'skipped' };

export interface CsvRowReport {
  /** Record number in the file, counting from 1 (blank lines count, so it is the line a spreadsheet shows). */
  row: number;
  /** The ward cell as written. */
  read: string;
  /** The locality the row belongs to (null in a file without a locality column). */
  locality: string | null;
  outcome: RowOutcome;
  /** The outcome in plain English. */
  message: string;
}

export interface CsvLocalityGroup {
  /** From the file's locality column; null when the file has none. */
  name: string | null;
  /** Matched ward codes, in file order, each once. */
  wards: string[];
}

export interface WardCsvResult {
  groups: CsvLocalityGroup[];
  rows: CsvRowReport[];
  counts: Record<RowOutcome['status'], number>;
  /** Set when nothing in the file could be read as a list of wards. */
  problem: string | null;
}

export interface WardCsvOptions {
  /** Wards outside the place in view, to say "X is a ward in Barnsley" instead of "no ward called X". */
  elsewhere?: readonly WardRef[];
  /** The place in view, for messages ("in Cheshire West and Chester"). */
  placeName?: string;
  /** The file's name, so a .tsv prefers tabs. */
  fileName?: string;
}

/** Header words: a row made of these is a header, not a ward called "Ward". */
const WARD_HEADER = /^(wards?|ward ?names?|ward ?codes?|codes?|names?|area|wd\d\d(cd|nm)|electoral ward)$/;
const LOCALITY_HEADER = /^(localit(y|ies)|locality ?names?|group|area partnership)$/;
/** Rows above the header searched for it: a file may start with a title and a note. */
const HEADER_SCAN = 5;

const headerWord = (cell: string) => cell.trim().toLowerCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ');
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function records(text: string, delimiter: Delimiter): string[][] {
  const out: string[][] = [];
  new CsvTokenizer(delimiter).tokenize(text, true, (cells) => out.push(cells));
  return out;
}

function listNames(wards: readonly WardRef[]): string {
  const places = [...new Set(wards.map((w) => w.lad_name))];
  if (places.length === 2) return `both ${places[0]} and ${places[1]}`;
  if (places.length <= 4) return `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
  return `${places.slice(0, 3).join(', ')} and ${places.length - 3} other authorities`;
}

export function readWardCsv(text: string, wards: readonly WardRef[], options: WardCsvOptions = {}): WardCsvResult {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(body.slice(0, 64 * 1024), true, /\.tsv$/i.test(options.fileName ?? '') ? '\t' : ',');
  const rows = records(body, delimiter);
  const where = options.placeName ? ` in ${options.placeName}` : '';

  // The header, if any: the first of the opening non-blank rows made of header words.
  let headerAt = -1;
  let wardColumns: number[] = [0];
  let localityColumn = -1;
  const opening = rows.map((cells, i) => ({ cells, i })).filter((r) => !isBlank(r.cells)).slice(0, HEADER_SCAN);
  for (const { cells, i } of opening) {
    const words = cells.map(headerWord);
    const wardCols = words.flatMap((w, c) => (WARD_HEADER.test(w) ? [c] : []));
    if (wardCols.length === 0) continue;
    headerAt = i;
    wardColumns = wardCols;
    localityColumn = words.findIndex((w) => LOCALITY_HEADER.test(w));
    break;
  }
  if (headerAt < 0) {
    // No header: the first column is the ward; a second column, if used, names localities.
    const data = rows.filter((cells) => !isBlank(cells));
    if (data.some((cells) => (cells[1] ?? '').trim() !== '')) localityColumn = 1;
  }

  const byCode = new Map(wards.map((w) => [w.code, w]));
  const byKey = new Map<string, WardRef[]>();
  for (const w of wards) byKey.set(fingerprint(w.name), [...(byKey.get(fingerprint(w.name)) ?? []), w]);
  const outside = options.elsewhere ?? [];
  const outsideByCode = new Map(outside.map((w) => [w.code, w]));
  const outsideByKey = new Map<string, WardRef>();
  for (const w of outside) if (!byCode.has(w.code)) outsideByKey.set(fingerprint(w.name), w);

  const report: CsvRowReport[] = [];
  const groups: CsvLocalityGroup[] = [];
  const firstSeen = new Map<string, number>();
  let locality: string | null = null;

  const find = (read: string): RowOutcome => {
    const code = read.replace(/\s+/g, '').toUpperCase();
    if (LEVELS.ward.code.test(code)) {
      const ward = byCode.get(code);
      if (ward) return { status: 'matched', ward };
      const away = outsideByCode.get(code);
      return away ? { status: 'elsewhere', ward: away } : { status: 'unknown', suggestion: null };
    }
    const key = fingerprint(read);
    const same = byKey.get(key) ?? [];
    if (same.length === 1) return { status: 'matched', ward: same[0]! };
    if (same.length > 1) return { status: 'ambiguous', wards: same };
    const away = outsideByKey.get(key);
    if (away) return { status: 'elsewhere', ward: away };
    const near = wards.filter((w) => nearKeys(key, fingerprint(w.name)));
    return { status: 'unknown', suggestion: near.length === 1 ? near[0]! : null };
  };

  rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const row = i + 1;
    if (i <= headerAt) {
      const read = cells.filter((c) => c.trim()).join(', ');
      report.push({ row, read, locality: null, outcome: { status: 'skipped' }, message: i === headerAt ? 'Header row' : 'Title row, above the header' });
      return;
    }
    if (localityColumn >= 0) {
      // A blank locality cell belongs to the locality above (as in a sheet with merged cells).
      const named = (cells[localityColumn] ?? '').replace(/\s+/g, ' ').trim();
      if (named) locality = named;
    }
    const cellsRead = wardColumns.map((c) => (cells[c] ?? '').trim()).filter((c) => c !== '');
    // Where a file has both a code and a name column, the code decides.
    const read = cellsRead.find((c) => LEVELS.ward.code.test(c.replace(/\s+/g, '').toUpperCase())) ?? cellsRead[0] ?? '';
    if (!read) {
      report.push({ row, read, locality, outcome: { status: 'unknown', suggestion: null }, message: 'No ward given on this row' });
      return;
    }
    let outcome = find(read);
    if (outcome.status === 'matched') {
      const seenKey = `${locality ?? ''}\u0000${outcome.ward.code}`;
      const first = firstSeen.get(seenKey);
      if (first !== undefined) outcome = { status: 'duplicate', ward: outcome.ward, firstRow: first };
      else {
        firstSeen.set(seenKey, row);
        let group = groups.find((g) => g.name === locality);
        if (!group) groups.push((group = { name: locality, wards: [] }));
        group.wards.push(outcome.ward.code);
      }
    }
    report.push({ row, read, locality, outcome, message: describe(read, outcome, where) });
  });

  const counts = { matched: 0, duplicate: 0, unknown: 0, ambiguous: 0, elsewhere: 0, skipped: 0 };
  for (const r of report) counts[r.outcome.status]++;
  const problem =
    report.length === 0
      ? 'The file is empty: it has no rows to read.'
      : counts.matched === 0
        ? `No row of the file names a ward${where}. It should list ward names or ward codes (E05…), one a row.`
        : null;
  return { groups, rows: report, counts, problem };
}

function describe(read: string, outcome: RowOutcome, where: string): string {
  switch (outcome.status) {
    case 'matched':
      return read === outcome.ward.name || read.toUpperCase() === outcome.ward.code ? `${outcome.ward.name}` : `${outcome.ward.name} (written “${read}”)`;
    case 'duplicate':
      return `${outcome.ward.name} again: already on row ${outcome.firstRow}, counted once`;
    case 'unknown':
      if (LEVELS.lsoa.code.test(read.trim().toUpperCase())) return `${read} is a small-area code, not a ward: add small areas on the map`;
      if (LEVELS.ward.code.test(read.replace(/\s+/g, '').toUpperCase())) return `No ward with code ${read}${where}`;
      return outcome.suggestion ? `No ward called “${read}”${where} — did you mean ${outcome.suggestion.name}?` : `No ward called “${read}”${where}`;
    case 'ambiguous':
      return `Ambiguous: ${read} is a ward in ${listNames(outcome.wards)} — use its ward code instead`;
    case 'elsewhere':
      return `${outcome.ward.name} is a ward in ${outcome.ward.lad_name}, not${where || ' in the place in view'}: left out`;
    case 'skipped':
      return 'Skipped';
  }
}
