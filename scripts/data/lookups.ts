import { field, readCsv } from './csv.ts';
import { RAW } from './raw-paths.ts';

export interface LsoaLookup {
  lsoaCode: string;
  lsoaName: string;
  wardCode: string;
  wardName: string;
  ladCode: string;
  ladName: string;
}

/** LSOA 2021 → ward 2024 → LAD 2024 best-fit lookup, England rows only. */
export function loadWardLookup(): Map<string, LsoaLookup> {
  const m = new Map<string, LsoaLookup>();
  for (const r of readCsv(RAW.lookupWard24)) {
    const lsoaCode = field(r, 'lsoa21_code');
    if (!lsoaCode.startsWith('E01')) continue;
    if (m.has(lsoaCode)) throw new Error(`duplicate LSOA ${lsoaCode} in ward lookup`);
    m.set(lsoaCode, {
      lsoaCode,
      lsoaName: field(r, 'lsoa21_name'),
      wardCode: field(r, 'ward24_code'),
      wardName: field(r, 'ward24_name'),
      ladCode: field(r, 'ltla24_code'),
      ladName: field(r, 'ltla24_name'),
    });
  }
  return m;
}

export interface Lookup11to21Row {
  lsoa11: string;
  lsoa21: string;
  change: string;
}

export function loadLookup11to21(): Lookup11to21Row[] {
  return readCsv(RAW.lookup11to21).map((r) => ({
    lsoa11: field(r, 'lsoa11_code'),
    lsoa21: field(r, 'lsoa21_code'),
    change: field(r, 'change_code'),
  }));
}
