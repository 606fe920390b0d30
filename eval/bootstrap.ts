/** Percentile bootstrap confidence intervals for a mean, from a seeded stream of its own. */
import alea from "seedrandom/lib/alea.js";
import { mean } from "./stats.ts";

/** A mean with its bootstrap confidence interval; all null when there is no value. */
export interface Estimate {
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/**
 * Resample `values` with replacement `resamples` times and take the (1-level)/2 and (1+level)/2
 * percentiles of the resampled means. The stream is seeded from `seed` and `stream`, so each
 * estimate is reproducible on its own, whatever else is estimated and in what order.
 */
export function bootstrapMean(values: readonly number[], opts: { seed: number; stream: string; resamples: number; level?: number }): Estimate {
  const n = values.length;
  const m = mean(values);
  if (m === null) return { n, mean: null, ciLow: null, ciHigh: null };
  const random = alea(`${opts.seed}/${opts.stream}`);
  const means = new Float64Array(opts.resamples);
  for (let r = 0; r < opts.resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const level = opts.level ?? 0.95;
  const at = (q: number) => means[Math.min(opts.resamples - 1, Math.max(0, Math.round(q * (opts.resamples - 1))))]!;
  return { n, mean: m, ciLow: at((1 - level) / 2), ciHigh: at((1 + level) / 2) };
}
