import { useMemo } from 'react';
import { useReadyDatabase } from '../../session/handles.tsx';
import { useQuery, latestData } from '../../ui/useQuery.ts';
import { smallAreasNamed, wardList, wardsByCode, type SmallAreaRow, type WardListRow } from '../../db/queries/wardList.ts';
import type { Locality } from '../../localities/locality.ts';

/** Every ward in the place in view (for the picker and CSV matching); England's list waits for England's rows. */
export function usePlaceWards(place: string): { wards: WardListRow[] | null; problem: string | null } {
  const ready = useReadyDatabase();
  const state = useQuery(
    ready ? `wards:${place}` : null,
    async () => {
      if (place === 'england') await ready!.england;
      return wardList(ready!.db, place);
    },
    'Could not list the wards',
  );
  return { wards: latestData(state), problem: state.status === 'error' ? state.message : null };
}

/** The wards of the five built-in authorities, to recognise a ward from the wrong authority in a CSV. */
export function useFiveWards(): WardListRow[] | null {
  const ready = useReadyDatabase();
  return latestData(useQuery(ready ? 'wards:five' : null, () => wardList(ready!.db, 'five'), 'Could not list the wards'));
}

export interface MemberRows {
  wards: ReadonlyMap<string, WardListRow>;
  smallAreas: ReadonlyMap<string, SmallAreaRow>;
}

/** Names and sizes of every ward and small area used by the given localities (and drafts). */
export function useMemberRows(localities: readonly Pick<Locality, 'wards' | 'lsoas'>[]): MemberRows | null {
  const ready = useReadyDatabase();
  const wardCodes = [...new Set(localities.flatMap((l) => l.wards))].sort();
  const lsoaCodes = [...new Set(localities.flatMap((l) => l.lsoas))].sort();
  const key = ready ? `members:${wardCodes.join()}|${lsoaCodes.join()}` : null;
  const state = useQuery(
    key,
    async () => {
      const first = await Promise.all([wardsByCode(ready!.db, wardCodes), smallAreasNamed(ready!.db, lsoaCodes)]);
      // Codes outside the five authorities are found once England's rows are in.
      const missing = first[0].length < wardCodes.length || first[1].length < lsoaCodes.length;
      if (!missing) return first;
      await ready!.england;
      return Promise.all([wardsByCode(ready!.db, wardCodes), smallAreasNamed(ready!.db, lsoaCodes)]);
    },
    'Could not look up the localities’ wards',
  );
  const data = latestData(state);
  return useMemo(
    () => (data ? { wards: new Map(data[0].map((w) => [w.code, w])), smallAreas: new Map(data[1].map((a) => [a.code, a])) } : null),
    [data],
  );
}
