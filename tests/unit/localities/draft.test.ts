import { describe, expect, it } from 'vitest';
import { draftOf, draftProblem, emptyDraft, localityOfDraft, toggleMember } from '../../../src/localities/draft.ts';
import type { Locality } from '../../../src/localities/locality.ts';
import { DEFAULT_SESSION } from '../../../src/session/document.ts';
import { updateSession } from '../../../src/session/updaters.ts';
import { planLocalityImport } from '../../../src/localities/localityFile.ts';

const chester: Locality = { id: 'Lchest01', name: 'Chester West', wards: ['E05012209', 'E05012221'], lsoas: [] };

describe('editing a locality', () => {
  it('toggles wards and small areas as the map or list is clicked, ignoring anything else', () => {
    let d = emptyDraft();
    d = toggleMember(d, 'E05012209');
    d = toggleMember(d, 'E05012221');
    d = toggleMember(d, 'E01018345');
    d = toggleMember(d, 'E06000050');
    d = toggleMember(d, 'E05012209');
    expect(d).toEqual({ id: null, name: '', wards: ['E05012221'], lsoas: ['E01018345'] });
  });

  it('says what is missing before it can be saved', () => {
    expect(draftProblem(emptyDraft(), [])).toBe('Give the locality a name.');
    expect(draftProblem({ ...emptyDraft(), name: '  North  ' }, [])).toBe('Choose at least one ward.');
    expect(draftProblem({ ...emptyDraft(), name: 'chester west', wards: ['E05012244'] }, [chester])).toMatch(/already have a locality called/);
    // Renaming itself is not a clash.
    expect(draftProblem(draftOf(chester), [chester])).toBeNull();
  });

  it('gives a new locality a fresh id and keeps an edited one’s id', () => {
    const made = localityOfDraft({ ...emptyDraft(), name: ' Ellesmere   Port ', wards: ['E05012244'] }, [chester]);
    expect(made).toMatchObject({ name: 'Ellesmere Port', wards: ['E05012244'], lsoas: [] });
    expect(made.id).toMatch(/^L[0-9a-z]{6}$/);
    expect(localityOfDraft({ ...draftOf(chester), name: 'Chester South' }, [chester]).id).toBe('Lchest01');
  });
});

describe('the session actions the panel relies on', () => {
  it('saves a new locality, replaces it when edited, removes it and brings it back with Undo', () => {
    let s = updateSession(DEFAULT_SESSION, { type: 'saveLocality', locality: chester });
    s = updateSession(s, { type: 'saveLocality', locality: { ...chester, name: 'Chester South' } });
    expect(s.localities).toEqual([{ ...chester, name: 'Chester South' }]);
    s = updateSession(s, { type: 'select', code: chester.id });
    expect(s).toMatchObject({ level: 'locality', area: chester.id });
    s = updateSession(s, { type: 'removeLocality', id: chester.id });
    expect(s).toMatchObject({ localities: [], area: null, level: 'ward' });
    s = updateSession(s, { type: 'saveLocality', locality: chester });
    expect(s.localities).toEqual([chester]);
  });

  it('imports a file’s localities through mergeLocalities without touching the ones already here', () => {
    const s = updateSession(DEFAULT_SESSION, { type: 'saveLocality', locality: chester });
    const other = { ...chester, name: 'Someone else’s Chester' };
    const plan = planLocalityImport(s.localities, [chester, other]);
    const after = updateSession(s, { type: 'mergeLocalities', localities: plan.add });
    expect(after.localities.map((l) => l.name)).toEqual(['Chester West', 'Someone else’s Chester']);
    expect(new Set(after.localities.map((l) => l.id)).size).toBe(2);
  });
});
