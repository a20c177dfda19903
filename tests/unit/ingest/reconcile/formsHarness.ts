import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportChoices, ValueChoices, ValueProfile } from '../../../../src/ingest/importProtocol.ts';
import { createNormaliser, type NormalisedDataset } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { readFile } from '../../../../src/ingest/read/readFile.ts';
import type { NamedBlob } from '../../../../src/ingest/read/types.ts';
import { STUB_AREAS } from '../normalise/stubAreas.ts';

/** Shared by the form-tool export tests: the fixtures in tests/fixtures/ingest/forms/ and the import as runImport does it. */
const DIR = fileURLToPath(new URL('../../../fixtures/ingest/forms/', import.meta.url));
export const named = (bytes: Uint8Array, name: string): NamedBlob => Object.assign(new Blob([new Uint8Array(bytes)]), { name });
export const fixture = (name: string): NamedBlob => named(readFileSync(DIR + name), name);

/** The import itself, as runImport does it, with the two pretend areas of the normaliser tests. */
export async function run(file: NamedBlob, choices: ImportChoices): Promise<NormalisedDataset> {
  let normaliser: ReturnType<typeof createNormaliser> | null = null;
  await readFile(file, {
    sheet: choices.sheet,
    headerRow: choices.headerRow,
    onChunk: (chunk) => {
      normaliser ??= createNormaliser({
        datasetId: 'ds', kind: 'survey', mapping: choices.mapping, header: chunk.header, dateOrder: choices.dateOrder,
        venues: new Map(choices.venues), values: choices.values, keepImpossibleDatesUndated: choices.keepImpossibleDatesUndated, ...STUB_AREAS,
      });
      normaliser.push(chunk);
    },
  });
  return normaliser!.finish();
}

/** Every proposal accepted, the ones marked "check" too (what a person does after checking them). */
export function acceptAll(profile: ValueProfile): ValueChoices {
  const out: ValueChoices = {};
  for (const g of profile.groups) if (g.proposed !== null) for (const m of g.members) (out[g.field] ??= {})[m.raw] = g.proposed;
  return out;
}
