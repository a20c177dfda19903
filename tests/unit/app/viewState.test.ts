import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState } from '../../../src/app/viewState.ts';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const view = { ...DEFAULT_VIEW, place: 'E06000016', level: 'ward', indicator: 'iod25_crime', method: 'jenks', area: 'E05010459' } as const;
    expect(parseViewState(serializeViewState(view))).toEqual(view);
  });
  it('round-trips a hotspot view, and leaves defaults out of the link', () => {
    const view = { ...DEFAULT_VIEW, tab: 'hotspots', hotspot: 'housing', statistic: 'local-moran', fdr: false } as const;
    expect(parseViewState(serializeViewState(view))).toEqual(view);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('?place=five&level=lsoa&indicator=iod25_imd&method=deciles');
  });
  it('ignores an unknown section', () => {
    expect(parseViewState('?tab=admin').tab).toBe('areas');
  });
  it('falls back to defaults for anything malformed', () => {
    expect(parseViewState('?place=<script>&level=county&method=x&area=DROP&indicator=a;b')).toEqual(DEFAULT_VIEW);
  });

  it('accepts only the built-in authorities as places', () => {
    expect(parseViewState('?place=E06000001').place).toBe('five');
    expect(parseViewState('?place=E08000010').place).toBe('E08000010');
  });
});
