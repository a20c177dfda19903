/**
 * Census 2021 figures for the chosen wards, summed from their LSOAs in the
 * built-in census table: the ethnic mix the synthetic respondents are skewed
 * away from, and the 15–24 share the README compares the sample with.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { ETHNIC_GROUPS, type EthnicGroup } from '../../src/ingest/schemas.ts';
import type { Ward } from './geo.ts';

const ETHNIC_COLUMN: Record<EthnicGroup, string> = {
  Asian: 'ethnic_asian',
  Black: 'ethnic_black',
  Mixed: 'ethnic_mixed',
  White: 'ethnic_white',
  Other: 'ethnic_other',
};
const UNDER_15 = ['age_00_04', 'age_05_09', 'age_10_14'];
const AGED_15_24 = ['age_15_19', 'age_20_24'];

export interface WardCensus {
  /** Residents per ethnic group (ETHNIC_GROUPS order) for each ward code. */
  ethnic: Map<string, number[]>;
  /** Residents aged 15–24 as a share of residents aged 15 and over, across all the wards. */
  youngShare: number;
}

export function readWardCensus(censusPath: string, wards: readonly Ward[]): WardCensus {
  const table = tableFromIPC(readFileSync(censusPath));
  const column = (name: string): { get(row: number): unknown } => {
    const found = table.getChild(name);
    if (!found) throw new Error(`${censusPath} has no ${name} column`);
    return found;
  };
  const codes = column('lsoa_code');
  const sum = (names: readonly string[], row: number): number => names.reduce((total, name) => total + Number(column(name).get(row) ?? 0), 0);

  const wardOfLsoa = new Map<string, string>();
  for (const ward of wards) for (const lsoa of ward.lsoas) wardOfLsoa.set(lsoa.properties.code, ward.code);
  const ethnic = new Map<string, number[]>(wards.map((w) => [w.code, ETHNIC_GROUPS.map(() => 0)]));
  let young = 0;
  let over15 = 0;
  for (let row = 0; row < table.numRows; row++) {
    const ward = wardOfLsoa.get(String(codes.get(row)));
    if (!ward) continue;
    const counts = ethnic.get(ward)!;
    ETHNIC_GROUPS.forEach((group, i) => (counts[i]! += sum([ETHNIC_COLUMN[group]], row)));
    young += sum(AGED_15_24, row);
    over15 += sum(['population'], row) - sum(UNDER_15, row);
  }
  for (const ward of wards) {
    if (ethnic.get(ward.code)!.every((n) => n === 0)) throw new Error(`No census rows for ward ${ward.name} (${ward.code})`);
  }
  return { ethnic, youngShare: young / over15 };
}
