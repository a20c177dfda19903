/** Bytes hashed per step: big enough that SHA-256 runs at full speed, small enough never to hold a large copy. */
const BLOCK = 8 * 1024 * 1024;

const hex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A fingerprint of a file's content, whatever it is called: SHA-256 of each
 * 8 MiB block in turn (Web Crypto, off the main thread), then SHA-256 of the
 * size and those digests. Only one block is in memory at a time, so a 168 MB
 * police file costs 8 MiB here, not a second copy of the file.
 */
export async function fileFingerprint(file: Blob, signal?: AbortSignal): Promise<string> {
  const blocks = Math.max(1, Math.ceil(file.size / BLOCK));
  const digests = new Uint8Array(blocks * 32);
  for (let i = 0; i < blocks; i++) {
    signal?.throwIfAborted();
    const block = await file.slice(i * BLOCK, Math.min(file.size, (i + 1) * BLOCK)).arrayBuffer();
    digests.set(new Uint8Array(await crypto.subtle.digest('SHA-256', block)), i * 32);
  }
  const size = new TextEncoder().encode(`${file.size}:`);
  const all = new Uint8Array(size.length + digests.length);
  all.set(size);
  all.set(digests, size.length);
  return `sha256-blocks:${hex(await crypto.subtle.digest('SHA-256', all))}`;
}

/**
 * A 64-bit hash of a few texts as 16 hex digits (two independent 32-bit
 * FNV-1a style lanes with a final mix), fed piece by piece so no joined
 * string is ever built: compact keys for the police rows that have no Crime
 * ID, a million rows a go. Not cryptographic; two different rows share a key
 * with a chance of about 1 in 10^19 per pair.
 */
export class TextHasher {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  /** Start a new key. */
  reset(): this {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
    return this;
  }

  /** Add one text and a separator, so ('ab', 'c') and ('a', 'bc') differ. */
  add(text: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = Math.imul(a ^ 0xffff, 0x01000193);
    this.b = Math.imul(b ^ 0xffff, 0x5bd1e995);
    return this;
  }

  key(): string {
    let a = this.a;
    let b = this.b;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
    b ^= b >>> 16;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}
