/**
 * Per-actor calibration of the raw embedding score. The raw score 1 − σ(a·t) is not comparable
 * across actors (a busy actor's vector is long, a quiet one's short) nor across token kinds (an
 * actor has one region and hundreds of APIs), so each actor gets, per token kind, two anchors on
 * the logit a·t: `habitual`, below which only 10% of its own history activity falls (weighted by
 * use), and `foreign`, the median logit of tokens of that kind neither it nor its peers used. The
 * calibrated score is 0 at or above `habitual`, 1 at or below `foreign`, linear between. A plain
 * quantile of the actor's own history scores would put half its habits at ≥ 0.5; two anchors
 * put them near 0 and foreign behaviour near 1. (1 − σ is monotone in the logit, so anchoring the
 * logit is anchoring the raw score.)
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

/** The value below which a `q` share of the total weight lies. */
function weightedQuantile(values: { x: number; w: number }[], q: number): number {
  values.sort((a, b) => a.x - b.x);
  const total = values.reduce((s, v) => s + v.w, 0);
  let seen = 0;
  for (const v of values) {
    seen += v.w;
    if (seen >= q * total) return v.x;
  }
  return values[values.length - 1]!.x;
}

function anchorPair(own: { x: number; w: number }[], foreign: { x: number; w: number }[]): Anchors {
  const habitual = weightedQuantile(own, HABITUAL_QUANTILE);
  if (foreign.length === 0) return { habitual, foreign: habitual - DEFAULT_SPAN };
  const f = weightedQuantile(foreign, FOREIGN_QUANTILE);
  if (habitual - f >= MIN_SPAN) return { habitual, foreign: f };
  const middle = (habitual + f) / 2;
  return { habitual: middle + MIN_SPAN / 2, foreign: middle - MIN_SPAN / 2 };
}

/** Token vectors and the kind id of each token. */
export interface TokenSpace {
  vectors: Float32Array;
  dim: number;
  kindOf: ArrayLike<number>;
  kinds: number;
}

/**
 * Anchors per token kind of the vector at `vector[offset]`, given the token ids it uses with
 * their counts (`own`, not empty) and token ids foreign to it and its peers (may be empty). A kind
 * it never used gets its anchors over all kinds.
 */
export function anchorsOf(vector: Float32Array, offset: number, own: Map<number, number>, foreign: number[], space: TokenSpace): Anchors[] {
  if (own.size === 0) throw new Error("calibration: an actor with no tokens of its own cannot be anchored");
  const byKind = (ids: Iterable<[number, number]>) => {
    const all: { x: number; w: number }[] = [];
    const kinds = Array.from({ length: space.kinds }, () => [] as { x: number; w: number }[]);
    for (const [t, w] of ids) {
      const v = { x: dot(vector, offset, space.vectors, t * space.dim, space.dim), w };
      all.push(v);
      kinds[space.kindOf[t]!]!.push(v);
    }
    return { all, kinds };
  };
  const mine = byKind(own);
  const theirs = byKind(foreign.map((t) => [t, 1]));
  const overall = anchorPair(mine.all, theirs.all);
  return mine.kinds.map((ownOfKind, k) => {
    if (ownOfKind.length === 0) return overall;
    const foreignOfKind = theirs.kinds[k]!;
    return anchorPair(ownOfKind, foreignOfKind.length > 0 ? foreignOfKind : theirs.all);
  });
}

/** The calibrated score of logit `x`: 0 habitual … 1 foreign. */
export function calibrate(x: number, anchors: Anchors): number {
  const s = (anchors.habitual - x) / (anchors.habitual - anchors.foreign);
  return s <= 0 ? 0 : s >= 1 ? 1 : s;
}
