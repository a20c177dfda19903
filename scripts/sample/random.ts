/**
 * A small seeded pseudo-random generator (mulberry32) so the synthetic sample
 * is reproducible byte for byte: same seed → same files on any machine.
 * Only +, *, bit operations and comparisons are used on the generator's
 * output, never Math.random.
 */

/** mulberry32: a 32-bit state, period 2^32, good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Roughly normal noise (Irwin–Hall sum of four uniforms): mean 0, given sd. */
  noise(sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    // Sum of four U(0,1) has mean 2 and variance 1/3.
    return (sum - 2) * sd * Math.sqrt(3);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new Error('weights must sum to more than zero');
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)]!;
  }

  /**
   * Ranked draw without replacement (Plackett–Luce): each next pick is
   * proportional to the weights of what is left. Returns indices in rank order.
   */
  rankedDraw(weights: readonly number[], count: number): number[] {
    const left = [...weights];
    const order: number[] = [];
    for (let k = 0; k < Math.min(count, weights.length); k++) {
      const i = this.weightedIndex(left);
      order.push(i);
      left[i] = 0;
    }
    return order;
  }

  /** A fresh generator derived from this one, so one part's draws don't shift another's. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
