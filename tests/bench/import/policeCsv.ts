import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PolygonPointIndex } from '../../../src/geo/assign/pointIndex.ts';
import { authorityBoxes, randomPointsInBoxes, readLsoaFive, seededRandom } from '../assign/assignBench.ts';

const TYPES = ['Anti-social behaviour', 'Violence and sexual offences', 'Criminal damage and arson', 'Burglary', 'Vehicle crime', 'Shoplifting', 'Other theft', 'Public order'];

/**
 * A police.uk-shaped street-level CSV of `rows` crimes at seeded random points
 * inside the five authorities' small areas (12 standard columns), written to
 * `path` for the import benchmark. Returns its size in bytes.
 */
export async function writePoliceCsv(path: string, rows: number, seed = 7): Promise<number> {
  const features = readLsoaFive();
  const index = new PolygonPointIndex(features.map((f) => ({ code: f.properties.code, geometry: (f as Feature<Polygon | MultiPolygon>).geometry })));
  const boxes = authorityBoxes(features);
  const rand = seededRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n');
  let written = 0;
  let batch = 0;
  while (written < rows) {
    const { lon, lat } = randomPointsInBoxes(boxes, 50_000, seed + ++batch);
    let text = '';
    for (let i = 0; i < lon.length && written < rows; i++) {
      // Locate the point as written (6 dp), or rounding can carry an edge point outside.
      const x = Number(lon[i]!.toFixed(6));
      const y = Number(lat[i]!.toFixed(6));
      const at = index.locate(x, y);
      if (at < 0) continue;
      const f = features[at]!;
      const month = `202${3 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
      const type = TYPES[Math.floor(rand() * TYPES.length)]!;
      const id = type === 'Anti-social behaviour' ? '' : `${written.toString(16).padStart(12, '0')}bench${Math.floor(rand() * 1e9).toString(16)}`;
      text += `${id},${month},Bench Police,Bench Police,${x.toFixed(6)},${y.toFixed(6)},On or near Bench Street,${f.properties.code},${(f.properties as { name?: string }).name ?? ""},${type},Under investigation,\n`;
      written++;
    }
    await write(text);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
