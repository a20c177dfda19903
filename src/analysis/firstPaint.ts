import { severityColour } from '../map/palette.ts';

/** data/first-paint.json: official IMD 2025 deciles, so the map is coloured before DuckDB is ready. */
export interface FirstPaint {
  indicator: string;
  lsoa: Record<string, number>;
  ward: Record<string, number>;
}

/** The same colours "National deciles" gives once the database is up (decile 1 darkest). */
export function firstPaintColours(deciles: Record<string, number>): Map<string, string> {
  const colours = new Map<string, string>();
  for (const [code, d] of Object.entries(deciles)) colours.set(code, severityColour(1 - (d - 1) / 9));
  return colours;
}

/** data/first-paint-england.json: England's official IMD 2025 deciles, one character per LSOA ('0' = 10). */
export interface FirstPaintEngland {
  indicator: string;
  codes: string[];
  deciles: string;
}

export function englandFirstPaintDeciles(fp: FirstPaintEngland): Record<string, number> {
  const out: Record<string, number> = {};
  fp.codes.forEach((code, i) => {
    const d = Number(fp.deciles[i]);
    out[code] = d === 0 ? 10 : d;
  });
  return out;
}
