/**
 * Training pairs of the embedding model, drawn from the history counts. One table holds actors
 * (rows 0..actors−1) and tokens (after them). Positive pairs are (actor, token) co-occurrences and
 * token-token context; each distinct pair is weighted by √count so habitual tokens do not drown
 * an actor's rarer but real habits. Negatives are tokens drawn by unigram^0.75, as in word2vec.
 */
import { type AliasTable, aliasTable } from "./alias.ts";
import { type HistoryCounts, PAIR_STRIDE } from "./counts.ts";

/** Distinct positive pairs (table rows) and samplers over them and over negative tokens. */
export interface TrainingPairs {
  /** Rows in the table: actors then tokens. */
  rows: number;
  /** First token row. */
  tokenBase: number;
  /** Distinct positive pairs: row u, row v. */
  u: Int32Array;
  v: Int32Array;
  /** Draws a positive pair index. */
  positives: AliasTable;
  /** Draws a negative token row − tokenBase. */
  negatives: AliasTable;
}

/**
 * Pairs of `counts`; `contextShare` ∈ [0, 1) is the share of draws given to token-token context
 * pairs (0 learns actor-token pairs only).
 */
export function trainingPairs(counts: HistoryCounts, contextShare: number): TrainingPairs {
  if (!(contextShare >= 0 && contextShare < 1)) throw new Error(`embedding: contextShare must be in [0, 1), got ${contextShare}`);
  const tokenBase = counts.actors.length;
  const u: number[] = [];
  const v: number[] = [];
  const weights: number[] = [];
  let actorWeight = 0;
  counts.actorTokens.forEach((tokens, actor) => {
    for (const [token, n] of tokens) {
      u.push(actor);
      v.push(tokenBase + token);
      const w = Math.sqrt(n);
      weights.push(w);
      actorWeight += w;
    }
  });
  if (u.length === 0) throw new Error("embedding: the history holds no activity to learn from");
  const firstContext = u.length;
  let contextWeight = 0;
  if (contextShare > 0) {
    for (const [key, n] of counts.contextPairs) {
      const a = Math.floor(key / PAIR_STRIDE);
      u.push(tokenBase + a);
      v.push(tokenBase + (key - a * PAIR_STRIDE));
      const w = Math.sqrt(n);
      weights.push(w);
      contextWeight += w;
    }
  }
  // Rescale context weights so they get `contextShare` of all draws whatever their raw counts.
  if (contextWeight > 0) {
    const scale = ((contextShare / (1 - contextShare)) * actorWeight) / contextWeight;
    for (let i = firstContext; i < weights.length; i++) weights[i] = weights[i]! * scale;
  }
  return {
    rows: tokenBase + counts.tokens.length,
    tokenBase,
    u: Int32Array.from(u),
    v: Int32Array.from(v),
    positives: aliasTable(weights),
    negatives: aliasTable(counts.tokenCounts.map((n) => n ** 0.75)),
  };
}
