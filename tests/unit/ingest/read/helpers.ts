import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFile } from '../../../../src/ingest/read/readFile.ts';
import type { RawChunk, ReadOptions, ReadSummary } from '../../../../src/ingest/read/types.ts';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/ingest/', import.meta.url));

export type TestFile = Blob & { name: string };

/** A committed fixture from tests/fixtures/ingest as a named Blob, as the browser's File would be. */
export function fixture(name: string): TestFile {
  return named(new Blob([readFileSync(FIXTURES + name)]), name);
}

export function named(blob: Blob, name: string): TestFile {
  return Object.assign(blob, { name });
}

export function textFile(name: string, content: string | Uint8Array): TestFile {
  // Copy bytes into a fresh ArrayBuffer-backed array: Blob parts may not be SharedArrayBuffer views.
  return named(new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
}

export interface ReadResult {
  chunks: RawChunk[];
  summary: ReadSummary;
  /** Every data row with its file row number, across chunks. */
  rows: { row: number; cells: string[] }[];
}

export async function readAll(file: TestFile, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const chunks: RawChunk[] = [];
  const summary = await readFile(file, { ...options, onChunk: (chunk) => void chunks.push(chunk) });
  const rows = chunks.flatMap((chunk) => chunk.rows.map((cells, i) => ({ row: chunk.firstRow + i, cells })));
  return { chunks, summary, rows };
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to fail, but it succeeded');
}
