/**
 * Text → the row it first appeared on, for spotting repeated ids among a
 * million rows. A JS Map spends most of its time hashing 64-character
 * police.uk Crime IDs (≈0.6 µs a row); this open-addressing table hashes
 * only the last 16 characters (the ids are random hex, so that is plenty),
 * compares whole strings on a hash match, and keeps slots in typed arrays.
 */
export class RowIndex {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1 << 11);
  private rows: Int32Array<ArrayBuffer> = new Int32Array(1 << 11);
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The row the text was added with, or -1. */
  rowOf(text: string): number {
    const h = hash(text);
    const mask = this.slots.length - 1;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const k = this.slots[j]!;
      if (k === -1) return -1;
      if (this.hashes[k] === h && this.keys[k] === text) return this.rows[k]!;
    }
  }

  /** Record the text's row; call only after rowOf said it is new. */
  add(text: string, row: number): void {
    const k = this.keys.length;
    if (k === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.rows = grow(this.rows);
    }
    const h = hash(text);
    this.keys.push(text);
    this.hashes[k] = h;
    this.rows[k] = row;
    if ((k + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(k, h);
  }

  private place(k: number, h: number): void {
    const mask = this.slots.length - 1;
    let j = h & mask;
    while (this.slots[j] !== -1) j = (j + 1) & mask;
    this.slots[j] = k;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let k = 0; k < this.keys.length; k++) this.place(k, this.hashes[k]!);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** FNV-1a over the length and the last 16 UTF-16 units. */
function hash(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = Math.max(0, text.length - 16); i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
