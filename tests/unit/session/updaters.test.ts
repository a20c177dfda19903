import { describe, expect, it } from 'vitest';
import { updateSession, NAVIGATIONS } from '../../../src/session/updaters.ts';
import { DEFAULT_SESSION, MAX_COMPARED, type Session } from '../../../src/session/document.ts';

const s0 = DEFAULT_SESSION;
const north = { id: 'L1', name: 'North', wards: ['E05012001'], lsoas: [] };
const south = { id: 'L2', name: 'South', wards: ['E05012002'], lsoas: [] };

describe('session updaters', () => {
  it('never change the state they are given', () => {
    const frozen = structuredClone(s0);
    updateSession(s0, { type: 'setWeight', theme: 'housing', weights: { a: 1 } });
    updateSession(s0, { type: 'saveLocality', locality: north });
    expect(s0).toEqual(frozen);
  });

  it('select follows the level of the code chosen', () => {
    expect(updateSession(s0, { type: 'select', code: 'E05012001' })).toMatchObject({ area: 'E05012001', level: 'ward' });
    expect(updateSession({ ...s0, level: 'ward' }, { type: 'select', code: 'E01018001' })).toMatchObject({ area: 'E01018001', level: 'lsoa' });
    const withLocality = updateSession(s0, { type: 'saveLocality', locality: north });
    expect(updateSession(withLocality, { type: 'select', code: 'L1' })).toMatchObject({ area: 'L1', level: 'locality' });
    expect(updateSession({ ...s0, area: 'E01018001' }, { type: 'select', code: null })).toMatchObject({ area: null, level: 'lsoa' });
  });

  it('a profile opened from the hotspots section goes back to it', () => {
    const hot: Session = { ...s0, tab: 'hotspots', hotspot: { ...s0.hotspot, measure: 'housing' } };
    const open = updateSession(hot, { type: 'openProfile', code: 'E01018001', from: 'hotspots' });
    expect(open).toMatchObject({ tab: 'areas', area: 'E01018001', profileFrom: 'hotspots' });
    const back = updateSession(open, { type: 'backFromProfile' });
    expect(back).toMatchObject({ tab: 'hotspots', profileFrom: null, hotspot: { measure: 'housing' } });
    // Opening a ward's profile shows wards; Back returns to the level the section showed.
    const fromTarget = updateSession({ ...s0, tab: 'target', level: 'lsoa' }, { type: 'openProfile', code: 'E05012209', from: 'target' });
    expect(fromTarget).toMatchObject({ level: 'ward', returnLevel: 'lsoa' });
    expect(updateSession(fromTarget, { type: 'backFromProfile' })).toMatchObject({ tab: 'target', level: 'lsoa', returnLevel: null });
    expect(updateSession(open, { type: 'closeProfile' })).toMatchObject({ area: null, profileFrom: null, tab: 'areas' });
    expect(updateSession(open, { type: 'setTab', tab: 'crime' }).profileFrom).toBeNull();
  });

  it('keeps and resets theme weights per theme', () => {
    const a = updateSession(s0, { type: 'setWeight', theme: 'housing', weights: { x: 2 } });
    const b = updateSession(a, { type: 'setWeight', theme: 'safety', weights: { y: 0 } });
    expect(b.hotspot.weights).toEqual({ housing: { x: 2 }, safety: { y: 0 } });
    expect(updateSession(b, { type: 'resetWeights', theme: 'housing' }).hotspot.weights).toEqual({ safety: { y: 0 } });
  });

  it('merges filters into their section only', () => {
    const a = updateSession(s0, { type: 'setSurvey', patch: { venue: 'Library', groupBy: 'venue' } });
    expect(a.survey).toMatchObject({ venue: 'Library', groupBy: 'venue', dataset: '' });
    expect(updateSession(a, { type: 'resetSurvey' }).survey).toEqual({ ...s0.survey, groupBy: 'venue' });
    expect(updateSession(s0, { type: 'setCrime', patch: { type: 'Burglary' } }).crime).toEqual({ lad: '', type: 'Burglary', dots: false });
    expect(updateSession(s0, { type: 'setEmerging', patch: { source: 'street-reps' } }).hotspot.emerging.source).toBe('street-reps');
    expect(updateSession(s0, { type: 'setStreetReps', patch: { site: 'NOR-06' } }).streetReps.site).toBe('NOR-06');
  });

  it('saves, replaces, merges and removes localities, tidying every reference to a removed one', () => {
    let s = updateSession(s0, { type: 'saveLocality', locality: north });
    s = updateSession(s, { type: 'saveLocality', locality: { ...north, name: 'North West' } });
    expect(s.localities).toEqual([{ ...north, name: 'North West' }]);
    s = updateSession(s, { type: 'mergeLocalities', localities: [north, south] });
    expect(s.localities.map((l) => l.name)).toEqual(['North West', 'South']);
    s = { ...s, level: 'locality', area: 'L1', compare: ['L1', 'L2'], target: { theme: 'housing', level: 'locality' } };
    s = updateSession(s, { type: 'removeLocality', id: 'L1' });
    expect(s).toMatchObject({ area: null, compare: ['L2'], level: 'locality' });
    s = updateSession(s, { type: 'removeLocality', id: 'L2' });
    expect(s).toMatchObject({ localities: [], level: 'ward', target: { level: 'ward' } });
  });

  it('compares at most five areas, each once', () => {
    const codes = ['E05000001', 'E05000002', 'E05000003', 'E05000004', 'E05000005', 'E05000006'];
    expect(updateSession(s0, { type: 'setCompare', codes: [...codes, 'E05000001'] }).compare).toHaveLength(MAX_COMPARED);
    let s = s0;
    for (const code of codes) s = updateSession(s, { type: 'toggleCompare', code });
    expect(s.compare).toEqual(codes.slice(0, 5));
    expect(updateSession(s, { type: 'toggleCompare', code: 'E05000002' }).compare).toEqual(['E05000001', 'E05000003', 'E05000004', 'E05000005']);
  });

  it('a measure the catalogue does not have falls back to the default, in the measure box and the hotspot test alike', () => {
    const s = { ...s0, indicator: 'no_such_measure', hotspot: { ...s0.hotspot, measure: 'nor_this' } };
    const known = updateSession(s, { type: 'catalogueKnown', codes: ['iod25_imd', 'iod25_crime'], themes: ['housing', 'safety', 'communal'] });
    expect(known.indicator).toBe('iod25_imd');
    expect(known.hotspot.measure).toBe('safety');
    const fine = { ...s0, indicator: 'iod25_crime' };
    expect(updateSession(fine, { type: 'catalogueKnown', codes: ['iod25_imd', 'iod25_crime'], themes: ['housing'] })).toBe(fine);
  });

  it('moves to another view as a history entry, refines a view in place', () => {
    expect(NAVIGATIONS.has('setTab')).toBe(true);
    expect(NAVIGATIONS.has('openProfile')).toBe(true);
    expect(NAVIGATIONS.has('setSurvey')).toBe(false);
    expect(NAVIGATIONS.has('setWeight')).toBe(false);
  });
});
