import { z } from 'zod';
import { IcerError } from '../errors.js';

/** A seed: any finite number or string. Strings are hashed, so `"user-42"` is as good a seed as `42`. */
export const SeedSchema = z.union([z.number().finite(), z.string()]);
/** A seed: any finite number or string. */
export type Seed = z.output<typeof SeedSchema>;

const FNV_PRIME = 0x01000193;
// FNV-1a over "n:" or "s:" as it begins every seed's text: where a seed's own characters start from.
const AFTER_NUMBER_PREFIX = fnv(fnv(0x811c9dc5, 0x6e), 0x3a);
const AFTER_STRING_PREFIX = fnv(fnv(0x811c9dc5, 0x73), 0x3a);

function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

// FNV-1a over the UTF-16 code units of "n:<number>" or "s:<string>", then a murmur3 finaliser: cheap, stable across
// runtimes, well mixed. The prefix is hashed once, not written out before every seed (a fork per turn makes many).
function hashSeed(seed: Seed): number {
  const text = typeof seed === 'number' ? String(seed) : seed;
  let h = typeof seed === 'number' ? AFTER_NUMBER_PREFIX : AFTER_STRING_PREFIX;
  for (let i = 0; i < text.length; i++) h = fnv(h, text.charCodeAt(i));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A small, fast, seeded pseudo-random source (sfc32). All randomness in icer flows through one of these, so the
 * same seed gives the same output on every runtime.
 *
 * @example
 * ```ts
 * const rng = new SeededRandom(7);
 * rng.next(); // a float in [0, 1)
 * rng.fork('user-1').int(0, 10); // an independent stream for one user
 * ```
 */
export class SeededRandom {
  // Four 32-bit words of sfc32 state; kept private so that the stream can only advance through `next()`.
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  /** The seed this source was created from. */
  readonly seed: Seed;

  constructor(seed: Seed) {
    if (typeof seed === 'number' && !Number.isFinite(seed)) {
      throw new IcerError('INVALID_ARGUMENT', `A seed must be a finite number or a string, got ${seed}.`);
    }
    this.seed = seed;
    const h = hashSeed(seed);
    this.#a = h;
    this.#b = h ^ 0x9e3779b9;
    this.#c = h ^ 0x243f6a88;
    this.#d = 1;
    // Discard the first outputs: sfc32 needs a few rounds to mix a low-entropy seed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A standard normal sample (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new IcerError('INVALID_ARGUMENT', 'Cannot pick from an empty list.');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `k` distinct elements in random order (or all of them, shuffled, if `k` ≥ length). */
  sample<T>(items: readonly T[], k: number): T[] {
    // Partial Fisher–Yates: k draws, however long the list.
    const out = items.slice();
    const count = Math.min(Math.max(0, k), out.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (out.length - i));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    out.length = count;
    return out;
  }

  /**
   * An independent stream derived from this source's seed and a label. Forks do not advance this source, so
   * adding a fork never changes what other forks produce: user 42's profile is the same whatever else is built.
   */
  fork(label: Seed): SeededRandom {
    return new SeededRandom(`${String(this.seed)}/${String(label)}`);
  }
}
