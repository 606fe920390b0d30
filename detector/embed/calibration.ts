/**
 * Per-actor calibration of the raw embedding score. The raw score 1 − σ(a·t) is not comparable
 * across actors (a busy actor's vector is long, a quiet one's short), so each actor gets two
 * anchors on the logit a·t: `habitual`, the 10th percentile of its own history tokens' logits,
 * and `foreign`, the median logit of tokens neither it nor its peers used. The calibrated score
 * is 0 at or above `habitual`, 1 at or below `foreign`, linear between. A plain quantile of the
 * actor's own history scores would put half its habits at ≥ 0.5; two anchors put them near 0
 * and foreign behaviour near 1. (1 − σ is monotone in the logit, so anchoring the logit is
 * anchoring the raw score.)
 */

/** Where an actor's logits read as habitual and as foreign. */
export interface Anchors {
  habitual: number;
  foreign: number;
}

const HABITUAL_QUANTILE = 0.1;
const FOREIGN_QUANTILE = 0.5;
/** Smallest logit span between the anchors, so a poorly separated actor does not make every score 0 or 1. */
const MIN_SPAN = 1;
/** Span used when there is nothing foreign to compare with (the global fallback). */
const DEFAULT_SPAN = 4;

/** Dot product of `dim` floats at two offsets. */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let x = 0;
  for (let d = 0; d < dim; d++) x += a[ao + d]! * b[bo + d]!;
  return x;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))));
  return sorted[i]!;
}

/**
 * Anchors of the vector at `vector[offset]` given token ids it uses (`own`, not empty) and
 * token ids foreign to it and its peers (`foreign`, may be empty).
 */
export function anchorsOf(vector: Float32Array, offset: number, own: Iterable<number>, foreignIds: Iterable<number>, tokens: Float32Array, dim: number): Anchors {
  const logits = (ids: Iterable<number>) => [...ids].map((t) => dot(vector, offset, tokens, t * dim, dim)).sort((a, b) => a - b);
  const ownLogits = logits(own);
  const foreignLogits = logits(foreignIds);
  if (ownLogits.length === 0) throw new Error("calibration: an actor with no tokens of its own cannot be anchored");
  const habitual = quantile(ownLogits, HABITUAL_QUANTILE);
  if (foreignLogits.length === 0) return { habitual, foreign: habitual - DEFAULT_SPAN };
  const foreign = quantile(foreignLogits, FOREIGN_QUANTILE);
  if (habitual - foreign >= MIN_SPAN) return { habitual, foreign };
  const middle = (habitual + foreign) / 2;
  return { habitual: middle + MIN_SPAN / 2, foreign: middle - MIN_SPAN / 2 };
}

/** The calibrated score of logit `x`: 0 habitual … 1 foreign. */
export function calibrate(x: number, anchors: Anchors): number {
  const s = (anchors.habitual - x) / (anchors.habitual - anchors.foreign);
  return s <= 0 ? 0 : s >= 1 ? 1 : s;
}
