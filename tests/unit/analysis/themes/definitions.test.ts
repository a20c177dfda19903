import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { THEMES, defaultWeights, themeById } from '../../../../src/analysis/themes/definitions.ts';
import { STREET_REP_HEADINGS, SURVEY_THEMES } from '../../../../src/ingest/schemas.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const column = (table: string, name: string) =>
  new Set(tableFromIPC(readFileSync(resolve(ROOT, `data/tables/${table}.arrows`))).getChild(name)!.toArray() as string[]);

describe('theme definitions', () => {
  it('has the three highlighted themes with weights that add up to 1', () => {
    expect(THEMES.map((t) => t.id)).toEqual(['housing', 'safety', 'communal']);
    for (const t of THEMES) {
      const total = Object.values(defaultWeights(t)).reduce((s, w) => s + w, 0);
      expect(total).toBeCloseTo(1, 12);
      expect(new Set(t.components.map((c) => c.id)).size).toBe(t.components.length);
    }
    expect(defaultWeights(themeById('safety'))).toEqual({ iod_crime: 0.4, police_rate: 0.3, survey_safety: 0.15, rep_peace: 0.15 });
  });

  it('names only catalogue codes, crime types, survey themes and headings that exist', () => {
    const codes = column('catalogue', 'code');
    const crimeTypes = column('crimes', 'crime_type');
    for (const c of THEMES.flatMap((t) => t.components)) {
      if (c.kind === 'indicator') expect(codes.has(c.indicatorCode), c.indicatorCode).toBe(true);
      if (c.kind === 'crime-rate') for (const type of c.crimeTypes) expect(crimeTypes.has(type), type).toBe(true);
      if (c.kind === 'survey-share') expect(SURVEY_THEMES).toContain(c.surveyTheme);
      if (c.kind === 'street-rep') expect(Object.keys(STREET_REP_HEADINGS)).toContain(c.heading);
    }
  });

  it('keeps the outdoors measure as low-weight context for communal areas', () => {
    const outdoors = themeById('communal').components.find((c) => c.id === 'outdoors')!;
    expect(outdoors.contextOnly).toBe(true);
    expect(outdoors.defaultWeight).toBeLessThan(Math.min(...themeById('communal').components.filter((c) => !c.contextOnly).map((c) => c.defaultWeight)));
  });
});
