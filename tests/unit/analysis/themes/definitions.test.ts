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

  it('gives every measure a short plain label, not an internal name', () => {
    for (const c of THEMES.flatMap((t) => t.components)) {
      expect(c.shortLabel, c.id).not.toMatch(/\bIoD\b|domain|sub-domain|wider barriers|indoors|outdoors\b(?! \()|survey:/i);
      expect(c.shortLabel.replace(/\(.*\)/, '').trim().split(/\s+/).length, c.shortLabel).toBeLessThanOrEqual(6);
    }
  });

  it('labels each official measure with what the catalogue says it measures', () => {
    const catalogue = tableFromIPC(readFileSync(resolve(ROOT, 'data/tables/catalogue.arrows')));
    const codes = catalogue.getChild('code')!.toArray() as string[];
    const descriptions = catalogue.getChild('description')!.toArray() as string[];
    const description = (code: string) => descriptions[codes.indexOf(code)]!.toLowerCase();
    // Each label word stands for something the catalogue description names.
    const expected: Record<string, [string, string[]]> = {
      wider_barriers: ['housing costs, crowding and homelessness', ['affordability', 'overcrowding', 'homelessness']],
      indoors: ['poor-quality homes', ['housing in poor condition']],
      iod_crime: ['crime risk (official index)', ['risk of personal and material victimisation']],
      outdoors: ['air quality and road accidents (context)', ['air quality', 'road traffic accidents']],
    };
    const indicators = THEMES.flatMap((t) => t.components).filter((c) => c.kind === 'indicator');
    expect(indicators.map((c) => c.id).sort()).toEqual(Object.keys(expected).sort());
    for (const c of indicators) {
      const [label, words] = expected[c.id]!;
      expect(c.shortLabel).toBe(label);
      for (const w of words) expect(description(c.indicatorCode), `${c.indicatorCode}: ${w}`).toContain(w);
    }
  });

  it('keeps the outdoors measure as low-weight context for communal areas', () => {
    const outdoors = themeById('communal').components.find((c) => c.id === 'outdoors')!;
    expect(outdoors.contextOnly).toBe(true);
    expect(outdoors.defaultWeight).toBeLessThan(Math.min(...themeById('communal').components.filter((c) => !c.contextOnly).map((c) => c.defaultWeight)));
  });
});
