/**
 * The only source of randomness in the simulator: a seeded Alea generator with named child
 * streams. Each stream depends only on the root seed and its name, so output is identical
 * whatever order or worker the work runs in.
 */
import alea from "seedrandom/lib/alea.js";

// Two hex digits per byte value: building ids from a table is several times faster than toString(16).
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A seeded random stream with the draws the simulator needs. */
export class Rng {
  private readonly prng: () => number;

  /** A stream for `seed` and the stream `name` ("" for the root). */
  constructor(
    readonly seed: number,
    readonly name = "",
  ) {
    this.prng = alea(`seqlab:${seed}:${name}`);
  }

  /** An independent child stream; the same name always gives the same stream. */
  fork(name: string): Rng {
    return new Rng(this.seed, this.name ? `${this.name}/${name}` : name);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.prng() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.prng() * (hi - lo);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.prng() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error(`rng "${this.name}": pick from an empty list`);
    return items[Math.floor(this.prng() * items.length)]!;
  }

  /** One element with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.prng() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** `k` distinct elements in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.prng() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.prng()) * mean;
  }

  /** Standard normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.prng();
    const v = this.prng();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Poisson count with mean `lambda` (Knuth for small means, normal approximation above 50). */
  poisson(lambda: number): number {
    if (lambda > 50) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.prng();
    while (p > limit) {
      k++;
      p *= this.prng();
    }
    return k;
  }

  /** Zipf-like rank weights 1/(i+1)^s, for heavy-tailed habits. */
  static zipfWeights(n: number, s = 1.1): number[] {
    return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  }

  /** `n` random hex digits. */
  hex(n: number): string {
    let out = "";
    while (out.length < n) {
      const x = (this.prng() * 0x100000000) >>> 0;
      out += HEX_BYTE[x >>> 24]! + HEX_BYTE[(x >>> 16) & 255]! + HEX_BYTE[(x >>> 8) & 255]! + HEX_BYTE[x & 255]!;
    }
    return out.length === n ? out : out.slice(0, n);
  }

  /** `n` characters from `alphabet`. */
  chars(n: number, alphabet: string): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.prng() * alphabet.length)];
    return out;
  }

  /** A random (version 4) UUID drawn from this stream. */
  uuid(): string {
    const h = this.hex(32);
    const variant = "89ab"[Math.floor(this.prng() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
