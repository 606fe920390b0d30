/**
 * Walker's alias method: draw an index with probability proportional to its weight in O(1), so
 * sampling millions of training pairs and negatives stays cheap.
 */

/** A prepared discrete distribution. */
export interface AliasTable {
  size: number;
  /** Draw an index using a uniform number in [0, 1). */
  draw(uniform: number): number;
}

/** Build the table; weights must be finite, non-negative and not all zero. */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`alias table: weight ${i} is ${w}, expected a finite number >= 0`);
    total += w;
  }
  if (!(total > 0)) throw new Error(`alias table: the ${n} weights sum to ${total}, expected > 0`);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i]! * n) / total;
    (prob[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    alias[s] = l;
    prob[l] = prob[l]! + prob[s]! - 1;
    if (prob[l]! < 1) small.push(large.pop()!);
  }
  // Leftovers are 1 up to rounding.
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return {
    size: n,
    draw(uniform) {
      const x = uniform * n;
      const i = Math.min(n - 1, Math.floor(x));
      return x - i < prob[i]! ? i : alias[i]!;
    },
  };
}
