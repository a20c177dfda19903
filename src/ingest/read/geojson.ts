/**
 * GeoJSON: each feature becomes a row of its properties plus "longitude" and
 * "latitude". Points give their own coordinates; any other shape gives a
 * representative point that lies on it (turf pointOnFeature: inside an area,
 * on a line), and a note says so. Feature n (counting from 1) is row n + 1,
 * as if the properties were a sheet under a header row.
 *
 * JSON cannot be parsed a piece at a time with the platform's JSON.parse, so
 * the file is read whole (hence the 100 MB limit in limits.ts).
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { numberToPlainString, valueToCell } from './cells.ts';
import { RowChunker } from './chunker.ts';
import { makeHeaderUnique } from './header.ts';
import { ReadError, throwIfAborted, Yielder, type NamedBlob, type ReadSummary, type ReaderOptions } from './types.ts';

export async function readGeoJson(file: NamedBlob, options: ReaderOptions): Promise<ReadSummary> {
  const { signal, onProgress } = options;
  const notes = [...options.notes];
  const text = (await file.text()).replace(/^\uFEFF/, '');
  throwIfAborted(signal);
  onProgress?.(0.3);
  if (text.trim() === '') {
    throw new ReadError(`The file is empty: "${file.name}" has no GeoJSON in it. Check you chose the right file.`);
  }
  const features = featuresOf(parseJson(text, file.name), file.name);
  throwIfAborted(signal);
  onProgress?.(0.5);

  const keys = propertyNames(features);
  const unique = makeHeaderUnique([...keys, 'longitude', 'latitude']);
  if (unique.note) notes.push(unique.note);
  const crsNote = describeCrs(features.crs);
  if (crsNote) notes.push(crsNote);

  const chunker = new RowChunker(unique.header, options);
  const counts = { noGeometry: 0, represented: 0 };
  const list = features.list;
  const yielder = new Yielder(signal);
  for (let i = 0; i < list.length && !chunker.full; i++) {
    const feature = list[i]!;
    const properties = feature.properties ?? {};
    const cells = keys.map((key) => valueToCell(properties[key]));
    cells.push(...coordinatesOf(feature, counts));
    chunker.add(cells, i + 2);
    if (i % 5000 === 4999) {
      await chunker.drain();
      await yielder.maybe();
      onProgress?.(0.5 + (0.5 * i) / list.length);
    }
  }
  await chunker.finish();

  if (counts.represented > 0) {
    notes.push(
      `${plural(counts.represented, 'feature was a line or an area', 'features were lines or areas')} rather than a point, ` +
        'so a point on each shape (inside it, for an area) gave its longitude and latitude.',
    );
  }
  if (counts.noGeometry > 0) {
    notes.push(`${plural(counts.noGeometry, 'feature has', 'features have')} no location (no geometry), so longitude and latitude are blank.`);
  }
  if (list.length === 0) notes.push('The GeoJSON file has no features, so there are no rows.');
  onProgress?.(1);
  return { format: 'geojson', dataRows: chunker.dataRows, columns: unique.header.length, notes };
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const where = position === undefined ? '' : ` The problem is on line ${lineOf(text, Number(position))}.`;
    throw new ReadError(
      `"${name}" isn't valid JSON, so it can't be read as GeoJSON.${where} ` +
        'It may be cut short or edited by hand (look for a missing comma, quote or bracket). Export it again from the program that made it.',
    );
  }
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Features {
  list: Feature[];
  crs: unknown;
}

function featuresOf(json: unknown, name: string): Features {
  const notGeoJson = (detail: string): ReadError =>
    new ReadError(`"${name}" is JSON but not GeoJSON the app can read: ${detail} Export your data as a GeoJSON FeatureCollection, or as CSV.`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw notGeoJson('GeoJSON starts with { "type": "FeatureCollection", … }.');
  }
  const object = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (object.type === 'FeatureCollection') {
    if (!Array.isArray(object.features)) throw notGeoJson('its "features" list is missing.');
    const list = object.features.filter(isFeature);
    if (list.length !== object.features.length) throw notGeoJson('some entries in its "features" list are not features.');
    return { list, crs: object.crs };
  }
  if (isFeature(json)) return { list: [json], crs: object.crs };
  throw notGeoJson(typeof object.type === 'string' ? `it is a single "${object.type}" shape with no properties.` : 'it has no "type": "FeatureCollection".');
}

function isFeature(value: unknown): value is Feature {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Feature';
}

/** Property names in the order first met, over all features (features need not share properties). */
function propertyNames(features: Features): string[] {
  const names = new Set<string>();
  for (const feature of features.list) for (const key of Object.keys(feature.properties ?? {})) names.add(key);
  return [...names];
}

function coordinatesOf(feature: Feature, counts: { noGeometry: number; represented: number }): [string, string] {
  const geometry = feature.geometry as Geometry | null;
  if (!geometry) {
    counts.noGeometry++;
    return ['', ''];
  }
  if (geometry.type === 'Point') return pair(geometry.coordinates);
  counts.represented++;
  try {
    return pair(pointOnFeature(feature).geometry.coordinates);
  } catch {
    // Broken geometry (e.g. an empty polygon): leave the location blank for the validator to report.
    return ['', ''];
  }
}

function pair(position: readonly unknown[] | undefined): [string, string] {
  const [lon, lat] = position ?? [];
  return [typeof lon === 'number' ? numberToPlainString(lon) : '', typeof lat === 'number' ? numberToPlainString(lat) : ''];
}

/** Old GeoJSON may name another coordinate system (e.g. British National Grid): pass the numbers on, but say so. */
function describeCrs(crs: unknown): string | undefined {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string' || /CRS84|4326/i.test(name)) return undefined;
  const bng = /27700/.test(name) ? ' (British National Grid eastings and northings)' : '';
  return `The file says its coordinates are in ${name}${bng}, not longitude and latitude; they are passed on unchanged in the "longitude" and "latitude" columns.`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n.toLocaleString('en-GB')} ${many}`;
}
