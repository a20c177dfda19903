import { useCallback, useEffect, useState } from 'react';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { crimeTypes } from '../../db/queries/crimeCounts.ts';
import { BUILT_IN_PLACES } from '../../geo/places.ts';

/** Shown first when the place is not one authority (Leicester has a full run of police data). */
const DEFAULT_AUTHORITY = 'E06000016';

export interface CrimeFilterState {
  /** True when the place in view is one authority: the authority then follows it and is not chosen here. */
  single: boolean;
  lad: string;
  setLad(code: string): void;
  /** One crime type, or '' for all crime and anti-social behaviour. */
  type: string;
  setType(type: string): void;
  /** The authority's crime types, commonest first (the order the dot colours follow). */
  types: string[];
  /** Why the crime types could not be read, if they could not. */
  typesProblem: string | null;
}

/**
 * The authority and crime type the crime views are filtered to, shared by
 * the crime section and the emerging hot spot view, kept in the session
 * (session.crime). The authority follows
 * the place in view when it is one authority; a crime type the authority
 * does not record falls back to all crime.
 */
export function useCrimeFilters(db: Database, dataVersion: number): CrimeFilterState {
  const { place, crime } = useSession();
  const dispatch = useDispatch();
  const single = BUILT_IN_PLACES.some((p) => p.code === place);
  const lad = single ? place : crime.lad || DEFAULT_AUTHORITY;
  const chosenType = crime.type;
  const setLad = useCallback((code: string) => dispatch({ type: 'setCrime', patch: { lad: code } }), [dispatch]);
  const setType = useCallback((type: string) => dispatch({ type: 'setCrime', patch: { type } }), [dispatch]);
  const [read, setRead] = useState<{ lad: string; types: string[]; problem: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    crimeTypes(db, lad)
      .then((rows) => {
        if (live) setRead({ lad, types: [...rows].sort((x, y) => y.crimes - x.crimes || x.crime_type.localeCompare(y.crime_type)).map((x) => x.crime_type), problem: null });
      })
      .catch((e: unknown) => {
        if (live) setRead({ lad, types: [], problem: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [db, lad, dataVersion]);
  const current = read?.lad === lad ? read : null;
  const type = current && !current.problem && chosenType && !current.types.includes(chosenType) ? '' : chosenType;
  return { single, lad, setLad, type, setType, types: current?.types ?? [], typesProblem: current?.problem ?? null };
}
