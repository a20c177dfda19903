import { validateMapping } from '../../../ingest/map/validateMapping.ts';
import { FIELD_LABELS, fieldsOf, type MappableField } from '../../../ingest/map/fields.ts';
import type { WizardState } from './wizard.ts';

/** One problem on a step: the message and the id of the field it is about (the summary links to it). */
export interface FieldError {
  id: string;
  message: string;
}

/** The DOM id of a column select in the columns step. */
export const fieldId = (f: string): string => `import-map-${f}`;
export const VENUE_FILE_ID = 'import-venue-file';
export const HEADER_ROW_ID = 'import-header-row';
export const KIND_ID = 'import-kind-survey';

const LOCATION_FIELDS: readonly MappableField[] = ['lat', 'lon', 'easting', 'northing', 'lsoa_code', 'ward_code', 'venue'];

/**
 * Which select a mapping problem is about: the field whose chosen column the
 * message quotes, else the field it names, else the first location field for a
 * missing location, else the field the missing column should feed.
 */
export function problemField(problem: string, fields: readonly MappableField[], mapping: Partial<Record<MappableField, string>>): MappableField {
  const lower = problem.toLowerCase();
  const quoted = fields.find((f) => mapping[f] !== undefined && problem.includes(`'${mapping[f]}'`) && lower.includes(FIELD_LABELS[f].toLowerCase()));
  if (quoted) return quoted;
  const missing = /is chosen but (.+?) isn't/.exec(lower)?.[1];
  const half = missing ? fields.find((f) => FIELD_LABELS[f].toLowerCase() === missing) : undefined;
  if (half) return half;
  if (lower.startsWith('no location')) return fields.find((f) => LOCATION_FIELDS.includes(f)) ?? fields[0]!;
  if (lower.startsWith('no theme')) return fields.includes('choices') ? 'choice_1' : fields[0]!;
  if (lower.startsWith('no grades')) return fields.includes('issue') ? 'issue' : fields[0]!;
  // The longest label named wins ('LSOA code' over 'code'; 'date of visit' over 'date').
  const named = [...fields].sort((a, b) => FIELD_LABELS[b].length - FIELD_LABELS[a].length).find((f) => lower.includes(FIELD_LABELS[f].toLowerCase()));
  return named ?? fields[0]!;
}

/** Problems that keep the person on a step, each tied to the field to fix. */
export function stepErrors(s: WizardState): FieldError[] {
  const preview = s.preview;
  if (!preview) return [];
  switch (s.step) {
    case 'header': {
      const row = preview.headerCandidates.find((c) => c.row === (s.headerRow ?? preview.headerRow));
      if (row && row.cells.every((c) => c.trim() === '')) return [{ id: HEADER_ROW_ID, message: `Row ${row.row} is empty: choose the row that names the columns.` }];
      return [];
    }
    case 'kind':
      return s.kind ? [] : [{ id: KIND_ID, message: 'Choose what the file holds.' }];
    case 'columns': {
      if (!s.kind) return [];
      const fields = fieldsOf(s.kind);
      const errors = validateMapping(s.kind, s.mapping, preview.chunk.header, preview.chunk.rows).map((message) => ({
        id: fieldId(problemField(message, fields, s.mapping)),
        message,
      }));
      const m = s.mapping;
      if (s.kind === 'survey' && m.venue && !m.lat && !m.easting && !m.lsoa_code && !m.ward_code && !s.venues?.venues.length) {
        errors.push({ id: VENUE_FILE_ID, message: 'Responses are placed by venue only: add a venue list (Venue, Latitude, Longitude).' });
      }
      if (s.venues && s.venues.problems.length && !s.venues.venues.length) errors.push({ id: VENUE_FILE_ID, message: s.venues.problems.join(' ') });
      return errors;
    }
    default:
      return [];
  }
}

/** Errors are shown only once the person has pressed Continue on the step (GOV.UK: validate on submit). */
export const shownErrors = (s: WizardState): FieldError[] => (s.tried.includes(s.step) ? stepErrors(s) : []);
