/**
 * The smoothed-frequency baseline. Within a token kind (`api`, `asn`, `agent`, `region`, ...),
 * the actor's rate of a token is smoothed towards its peer group's rate, itself smoothed towards
 * the whole history's:
 *
 *   q(t) = (c_peers(t) + β·g(t)) / (n_peers(kind) + β),   g(t) = c_all(t) / n_all(kind)
 *   p(t) = (c_actor(t) + α·q(t)) / (n_actor(kind) + α)
 *
 * and the score is the surprisal scaled to [0, 1]: ln p / ln P_MIN, clamped (p = 1 → 0; p ≤ P_MIN
 * → 1; p = 1% → 0.5). A token never seen in history has p = 0 and scores 1. Frequent tokens
 * score low even when foreign to the actor, rare habits score high: that is the baseline's bias.
 */
import type { IntelIndex } from "../intel.ts";
import type { AnomalyModel, AnomalyTrainer, Token } from "../model.ts";
import { countHistory, tokenKind } from "./counts.ts";

/** Pseudo-counts of the peer rate in the actor's, and of the global rate in the peers'. */
const ALPHA = 10;
const BETA = 10;
/** Rate at which a token scores 1. */
const P_MIN = 1e-4;

/** What a frequency model knows (and what is saved): token counts by actor and peer group. */
export interface FrequencyData {
  tokens: Token[];
  /** Occurrences of each token in the whole history. */
  tokenCounts: number[];
  /** Per actor: flat `[tokenId, count, tokenId, count, ...]`. */
  actors: { key: string; counts: number[] }[];
  peerGroups: { key: string; counts: number[] }[];
}

/** The frequency model, with its data. */
export interface FrequencyModel extends AnomalyModel {
  readonly kind: "frequency";
  readonly data: FrequencyData;
}

interface Tally {
  counts: Map<number, number>;
  /** Total count per kind id. */
  totals: number[];
}

/** A model over `data`. */
export function frequencyModel(data: FrequencyData): FrequencyModel {
  const tokenIndex = new Map(data.tokens.map((t, i) => [t, i]));
  const kinds = new Map<string, number>();
  const kindOfToken = data.tokens.map((t) => {
    const k = tokenKind(t);
    if (!kinds.has(k)) kinds.set(k, kinds.size);
    return kinds.get(k)!;
  });
  const tally = (flat: number[]): Tally => {
    const counts = new Map<number, number>();
    const totals = new Array<number>(kinds.size).fill(0);
    for (let i = 0; i < flat.length; i += 2) {
      counts.set(flat[i]!, flat[i + 1]!);
      totals[kindOfToken[flat[i]!]!]! += flat[i + 1]!;
    }
    return { counts, totals };
  };
  const all = tally(data.tokenCounts.flatMap((n, t) => [t, n]));
  const byActor = new Map(data.actors.map((a) => [a.key, tally(a.counts)]));
  const byPeers = new Map(data.peerGroups.map((g) => [g.key, tally(g.counts)]));
  const smoothed = (tallied: Tally | undefined, t: number, kind: number, prior: number, weight: number) =>
    tallied ? ((tallied.counts.get(t) ?? 0) + weight * prior) / (tallied.totals[kind]! + weight) : prior;
  return {
    name: "frequency",
    kind: "frequency",
    data,
    score(actor, token) {
      const t = tokenIndex.get(token);
      if (t === undefined) return 1;
      const kind = kindOfToken[t]!;
      const global = all.counts.get(t)! / all.totals[kind]!;
      const peers = smoothed(byPeers.get(actor.peerGroup), t, kind, global, BETA);
      const p = smoothed(byActor.get(actor.key), t, kind, peers, ALPHA);
      const s = Math.log(p) / Math.log(P_MIN);
      return s <= 0 ? 0 : s >= 1 ? 1 : s;
    },
  };
}

/** Trains the frequency baseline; tokens come from `intel` (ASNs). */
export function frequencyTrainer(intel: IntelIndex): AnomalyTrainer {
  return {
    name: "frequency",
    async train(history) {
      const counts = countHistory(history, intel);
      const peerGroups = new Map<string, Map<number, number>>();
      const actors = counts.actors.map((ref, a) => {
        let group = peerGroups.get(ref.peerGroup);
        if (!group) peerGroups.set(ref.peerGroup, (group = new Map()));
        const flat: number[] = [];
        for (const [t, n] of counts.actorTokens[a]!) {
          flat.push(t, n);
          group.set(t, (group.get(t) ?? 0) + n);
        }
        return { key: ref.key, counts: flat };
      });
      return frequencyModel({
        tokens: counts.tokens,
        tokenCounts: counts.tokenCounts,
        actors,
        peerGroups: [...peerGroups].map(([key, group]) => ({ key, counts: [...group].flat() })),
      });
    },
  };
}
