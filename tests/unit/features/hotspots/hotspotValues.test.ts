import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../../src/analysis/themes/definitions.ts';
import { themeScores } from '../../../../src/analysis/themes/themeScores.ts';
import type { ThemeInputs } from '../../../../src/db/queries/themeInputs.ts';
import type { Indicator } from '../../../../src/db/queries/indicatorCatalogue.ts';
import { runDelay, valuesToTest, WEIGHT_DEBOUNCE_MS, type LoadedValues } from '../../../../src/features/hotspots/hotspotValues.ts';

const housing = THEMES.find((t) => t.id === 'housing')!;
const codes = ['A', 'B', 'C', 'D'];
const inputs: ThemeInputs = {
  place: 'E06000016',
  level: 'lsoa',
  codes,
  names: ['Area A', 'Area B', 'Area C', 'Area D'],
  components: [
    { id: 'wider_barriers', values: [1, 2, 3, 4], counts: null, reasons: [null, null, null, null], notes: [] },
    { id: 'indoors', values: [40, 10, 30, 20], counts: null, reasons: [null, null, null, null], notes: [] },
    { id: 'survey_housing', values: [null, null, null, null], counts: [0, 0, 0, 0], reasons: ['No responses', 'No responses', 'No responses', 'No responses'], notes: [] },
  ],
};
const theme: LoadedValues = { kind: 'theme', key: 'E06000016|lsoa|housing|1', place: 'E06000016', level: 'lsoa', ms: 12, theme: housing, inputs };

describe('valuesToTest', () => {
  it('scores a theme under the given weights from the values already read', () => {
    const onlyBarriers = valuesToTest(theme, { wider_barriers: 1, indoors: 0, survey_housing: 0 });
    const onlyIndoors = valuesToTest(theme, { wider_barriers: 0, indoors: 1, survey_housing: 0 });
    expect(onlyBarriers.codes).toEqual(codes);
    expect(onlyBarriers.names).toEqual(inputs.names);
    // One measure at full weight: its z-scores (population sd), so the two orders differ.
    const z = [-1.5, -0.5, 0.5, 1.5].map((d) => d / Math.sqrt(1.25));
    onlyBarriers.values.forEach((v, i) => expect(v).toBeCloseTo(z[i]!, 12));
    expect(onlyIndoors.values[0]).toBeCloseTo(1.5 / Math.sqrt(1.25), 12);
    expect(onlyBarriers.scores!.scores).toEqual(themeScores(housing, inputs, { wider_barriers: 1, indoors: 0, survey_housing: 0 }).scores);
  });

  it('passes one measure’s values through unchanged, with no theme scores', () => {
    const measure: LoadedValues = {
      kind: 'measure',
      key: 'k',
      place: 'five',
      level: 'ward',
      ms: 3,
      indicator: { code: 'x' } as Indicator,
      codes: ['W1', 'W2'],
      names: ['Ward 1', 'Ward 2'],
      values: [0.5, null],
    };
    expect(valuesToTest(measure, { anything: 1 })).toEqual({ codes: ['W1', 'W2'], names: ['Ward 1', 'Ward 2'], values: [0.5, null], scores: null });
  });
});

describe('runDelay', () => {
  it('debounces only a change of weights', () => {
    expect(runDelay(null, { loaded: theme, test: 'gi-star|true' })).toBe(0);
    expect(runDelay({ loaded: theme, test: 'gi-star|true' }, { loaded: theme, test: 'gi-star|true' })).toBe(WEIGHT_DEBOUNCE_MS);
    expect(WEIGHT_DEBOUNCE_MS).toBe(300);
    expect(runDelay({ loaded: theme, test: 'gi-star|true' }, { loaded: theme, test: 'gi-star|false' })).toBe(0);
    expect(runDelay({ loaded: { ...theme }, test: 'gi-star|true' }, { loaded: theme, test: 'gi-star|true' })).toBe(0);
  });
});
