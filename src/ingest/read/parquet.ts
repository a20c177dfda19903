/**
 * Parquet through hyparquet (+ hyparquet-compressors for gzip/zstd/brotli/lz4).
 * The file is never loaded whole: hyparquet asks for byte ranges and we answer
 * with blob.slice(), one row group at a time, so memory stays near one row
 * group. Values become strings (dates → ISO, BigInt → decimal, nested values
 * → JSON). Row n of the table (counting from 1) is file row n + 1, as if the
 * column names were a header row.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { valueToCell } from './cells.ts';
import { RowChunker } from './chunker.ts';
import { makeHeaderUnique } from './header.ts';
import { ReadError, throwIfAborted, Yielder, type NamedBlob, type ReadSummary, type ReaderOptions } from './types.ts';

export async function readParquet(file: NamedBlob, options: ReaderOptions): Promise<ReadSummary> {
  const { signal, onProgress } = options;
  const notes = [...options.notes];
  const buffer: AsyncBuffer = {
    byteLength: file.size,
    slice: (start, end) => file.slice(start, end).arrayBuffer(),
  };
  const metadata = await damagedIfThrows(file.name, () => parquetMetadataAsync(buffer));
  throwIfAborted(signal);

  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  const unique = makeHeaderUnique(names);
  if (unique.note) notes.push(unique.note);
  const chunker = new RowChunker(unique.header, options);

  const groupBytes = metadata.row_groups.map((group) => Number(group.total_compressed_size ?? group.total_byte_size));
  const totalBytes = groupBytes.reduce((sum, bytes) => sum + bytes, 0) || 1;
  let doneBytes = 0;
  let groupStart = 0;
  const yielder = new Yielder(signal);
  for (const [index, group] of metadata.row_groups.entries()) {
    throwIfAborted(signal);
    const groupRows = Number(group.num_rows);
    const groupEnd = groupStart + groupRows;
    const rowEnd = options.maxRows === undefined ? groupEnd : Math.min(groupEnd, groupStart + options.maxRows - chunker.dataRows);
    const rows = await readRows(file.name, buffer, metadata, groupStart, rowEnd);
    throwIfAborted(signal);
    for (const [offset, row] of rows.entries()) {
      chunker.add(row.map(valueToCell), groupStart + offset + 2);
      if (offset % 20_000 === 19_999) {
        await chunker.drain();
        await yielder.maybe();
      }
    }
    await chunker.drain();
    await yielder.maybe();
    doneBytes += groupBytes[index] ?? 0;
    onProgress?.(doneBytes / totalBytes);
    groupStart = groupEnd;
    if (chunker.full) break;
  }
  await chunker.finish();
  if (chunker.dataRows === 0) notes.push('The file has column names but no rows.');
  onProgress?.(1);
  return { format: 'parquet', dataRows: chunker.dataRows, columns: unique.header.length, notes };
}

async function readRows(name: string, file: AsyncBuffer, metadata: FileMetaData, rowStart: number, rowEnd: number): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  await damagedIfThrows(name, () =>
    parquetRead({ file, metadata, rowStart, rowEnd, compressors, rowFormat: 'array', onComplete: (data) => (rows = data) }),
  );
  return rows;
}

async function damagedIfThrows<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ReadError(
      `"${name}" could not be read as a Parquet file; it may be damaged or cut short. Export it again, or save it as CSV and import that. ` +
        `(Details: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
