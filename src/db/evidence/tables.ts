import { safeIdentifier, type Database } from '../database.ts';
import { EVIDENCE_TABLES, type EvidenceTable } from '../../ingest/schemas.ts';

type ColumnTypes = { [T in EvidenceTable]: Record<(typeof EVIDENCE_TABLES)[T][number], string> };

/**
 * DuckDB types of every evidence column (the type checker insists every
 * column of EVIDENCE_TABLES has one). Dates stay ISO text 'YYYY-MM-DD' and
 * months 'YYYY-MM', as the built-in `crimes` table keeps them: they sort and
 * compare correctly as text and come back to JavaScript as plain strings.
 */
export const EVIDENCE_COLUMN_TYPES: ColumnTypes = {
  survey_responses: {
    dataset: 'VARCHAR NOT NULL', source_row: 'INTEGER', id: 'VARCHAR', collected_on: 'VARCHAR',
    lon: 'DOUBLE', lat: 'DOUBLE', lsoa_code: 'VARCHAR', ward_code: 'VARCHAR', venue: 'VARCHAR', channel: 'VARCHAR',
    age_band: 'VARCHAR', sex: 'VARCHAR', ethnicity: 'VARCHAR', free_text: 'VARCHAR',
  },
  survey_choices: { dataset: 'VARCHAR NOT NULL', response_id: 'VARCHAR', theme: 'VARCHAR', rank: 'INTEGER' },
  street_rep_sites: {
    dataset: 'VARCHAR NOT NULL', site_id: 'VARCHAR', name: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE',
    lsoa_code: 'VARCHAR', ward_code: 'VARCHAR',
  },
  street_rep_visits: {
    dataset: 'VARCHAR NOT NULL', source_row: 'INTEGER', id: 'VARCHAR', site_id: 'VARCHAR', visited_on: 'VARCHAR',
    visit_time: 'VARCHAR', rep: 'VARCHAR',
  },
  street_rep_grades: {
    dataset: 'VARCHAR NOT NULL', visit_id: 'VARCHAR', issue: 'VARCHAR', heading: 'VARCHAR',
    grade: 'TINYINT CHECK (grade BETWEEN 0 AND 3)',
  },
  imported_crimes: {
    dataset: 'VARCHAR NOT NULL', source_row: 'INTEGER', id: 'VARCHAR', month: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE',
    lsoa_code: 'VARCHAR', ward_code: 'VARCHAR', lad_code: 'VARCHAR', crime_type: 'VARCHAR', source: 'VARCHAR',
  },
};

/** Columns holding a date: normalised to 'YYYY-MM-DD' whatever Arrow type they arrive as. */
export const DATE_COLUMNS: ReadonlySet<string> = new Set(['collected_on', 'visited_on']);

export const EVIDENCE_TABLE_NAMES = Object.keys(EVIDENCE_TABLES) as EvidenceTable[];

/** Plain-English names for messages. */
export const EVIDENCE_TABLE_LABELS: Record<EvidenceTable, string> = {
  survey_responses: 'survey responses',
  survey_choices: 'survey choices',
  street_rep_sites: 'street-rep sites',
  street_rep_visits: 'street-rep visits',
  street_rep_grades: 'street-rep grades',
  imported_crimes: 'police records',
};

/** Whether a table (or view) exists, e.g. the lazily loaded built-in `crimes`. */
export async function tableExists(db: Database, name: string): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'",
    [name],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Every row of one evidence table, whichever dataset it came from (tests and
 * the import bench check data is queryable). The name is checked against the
 * table list itself, not its prototype, so 'constructor' or 'toString' are refused.
 */
export async function countEvidenceRows(db: Database, table: string): Promise<number> {
  if (!Object.hasOwn(EVIDENCE_TABLES, table)) throw new Error(`Not an evidence table: ${table}`);
  const rows = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${safeIdentifier(table)}`);
  return rows[0]?.n ?? 0;
}
