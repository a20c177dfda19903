import { describe, expect, it } from 'vitest';
import { LIST_HEADERS, noHotspotMessage } from '../../../../src/features/hotspots/hotspotWords.ts';

describe('noHotspotMessage', () => {
  it('says so in words at ward level and points to small areas', () => {
    expect(noHotspotMessage({ level: 'ward', statistic: 'gi-star', hot: 0, cold: 0, outliers: 0 })).toBe(
      'No ward is a hot or cold spot at 90 % confidence or more. Small areas can show concentrations that whole wards average out — try Show: Small areas.',
    );
  });

  it('does not suggest small areas when small areas are already shown', () => {
    expect(noHotspotMessage({ level: 'lsoa', statistic: 'gi-star', hot: 0, cold: 0, outliers: 0 })).toBe('No small area is a hot or cold spot at 90 % confidence or more.');
  });

  it('names outliers for local Moran’s I only when there are none either', () => {
    expect(noHotspotMessage({ level: 'lsoa', statistic: 'local-moran', hot: 0, cold: 0, outliers: 0 })).toBe('No small area is a hot or cold spot or an outlier at 90 % confidence or more.');
    expect(noHotspotMessage({ level: 'lsoa', statistic: 'local-moran', hot: 0, cold: 0, outliers: 3 })).toBe('No small area is a hot or cold spot at 90 % confidence or more.');
  });

  it('says nothing when there is a hot or cold spot to list', () => {
    expect(noHotspotMessage({ level: 'ward', statistic: 'gi-star', hot: 1, cold: 0, outliers: 0 })).toBeNull();
    expect(noHotspotMessage({ level: 'ward', statistic: 'gi-star', hot: 0, cold: 2, outliers: 0 })).toBeNull();
  });
});

describe('list headers', () => {
  it('lead with plain words and keep the symbol in brackets', () => {
    expect(Object.values(LIST_HEADERS).every((h) => /^[A-Z][a-z]+ .*\((z|p|adjusted p)\)$/.test(h))).toBe(true);
  });
});
