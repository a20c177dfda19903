import type { ReconcilableField } from '../importProtocol.ts';
import { CHOICE_FIELDS, columnFor, type Mapping, type MappableField } from '../map/fields.ts';
import type { DatasetKind } from '../schemas.ts';

/** How each reconcilable field is named in messages people read. */
export const RECONCILE_LABELS: Record<ReconcilableField, string> = {
  venue: 'venue', channel: 'channel', theme: 'theme', grade: 'grade', age_band: 'age band', sex: 'sex', ethnicity: 'ethnicity', issue: 'issue',
};

/** Which file columns feed one reconcilable field. */
export interface FieldSource {
  field: ReconcilableField;
  /** Column names as in the header, in file order of meaning (choice 1 before choice 2…). */
  columns: string[];
  /** Cells of these columns hold ranked lists of themes, split as the import splits them. */
  lists: string[];
  /** One column per option (SurveyMonkey): [column, option]; a tick mark in the cell stands for the option. */
  options?: [string, string][];
}

/** The reconcilable fields a kind of file has under this mapping, and their columns. */
export function fieldSources(kind: DatasetKind, mapping: Mapping): FieldSource[] {
  const one = (field: ReconcilableField, mapped: MappableField): FieldSource[] => {
    const column = columnFor(mapping, mapped);
    return column === undefined ? [] : [{ field, columns: [column], lists: [] }];
  };
  if (kind === 'survey') {
    const choiceColumns = CHOICE_FIELDS.map((f) => columnFor(mapping, f)).filter((c): c is string => c !== undefined);
    const list = columnFor(mapping, 'choices');
    const options = Object.entries(mapping.choiceColumns ?? {});
    const theme: FieldSource[] = choiceColumns.length > 0 || list || options.length > 0 ? [{ field: 'theme', columns: choiceColumns, lists: list ? [list] : [], ...(options.length > 0 ? { options } : {}) }] : [];
    return [...one('venue', 'venue'), ...one('channel', 'channel'), ...theme, ...one('age_band', 'age_band'), ...one('sex', 'sex'), ...one('ethnicity', 'ethnicity')];
  }
  if (kind === 'street-rep') {
    const wide = Object.keys(mapping.issueColumns ?? {});
    if (wide.length > 0) return [{ field: 'grade', columns: wide, lists: [] }];
    return [...one('issue', 'issue'), ...one('grade', 'grade')];
  }
  return [];
}

/** Location fields other than a venue: when none is mapped, a venue is a row's only possible place. */
export const POINT_OR_CODE_FIELDS: readonly MappableField[] = ['lon', 'lat', 'easting', 'northing', 'lsoa_code', 'ward_code', 'postcode'];
