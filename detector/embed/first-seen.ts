/**
 * The "new terms" baseline: a token is 0 if the actor used it in history, 0.5 if only actors of
 * its peer group did, 1 if neither did. No learning, no similarity between tokens.
 */
import type { IntelIndex } from "../intel.ts";
import type { AnomalyModel, AnomalyTrainer, Token } from "../model.ts";
import { countHistory } from "./counts.ts";

/** What a first-seen model knows (and what is saved). */
export interface FirstSeenData {
  tokens: Token[];
  /** Per actor key: token ids it used. */
  actors: { key: string; tokens: number[] }[];
  /** Per peer group: token ids any of its actors used. */
  peerGroups: { key: string; tokens: number[] }[];
}

/** The first-seen model, with its data. */
export interface FirstSeenModel extends AnomalyModel {
  readonly kind: "first-seen";
  readonly data: FirstSeenData;
}

/** A model over `data`. */
export function firstSeenModel(data: FirstSeenData): FirstSeenModel {
  const tokenIndex = new Map(data.tokens.map((t, i) => [t, i]));
  const byActor = new Map(data.actors.map((a) => [a.key, new Set(a.tokens)]));
  const byPeers = new Map(data.peerGroups.map((g) => [g.key, new Set(g.tokens)]));
  return {
    name: "first-seen",
    kind: "first-seen",
    data,
    score(actor, token) {
      const t = tokenIndex.get(token);
      if (t === undefined) return 1;
      if (byActor.get(actor.key)?.has(t)) return 0;
      return byPeers.get(actor.peerGroup)?.has(t) ? 0.5 : 1;
    },
  };
}

/** Trains the first-seen baseline; tokens come from `intel` (ASNs). */
export function firstSeenTrainer(intel: IntelIndex): AnomalyTrainer {
  return {
    name: "first-seen",
    async train(history) {
      const counts = countHistory(history, intel);
      const peerGroups = new Map<string, Set<number>>();
      const actors = counts.actors.map((ref, a) => {
        const tokens = [...counts.actorTokens[a]!.keys()];
        let group = peerGroups.get(ref.peerGroup);
        if (!group) peerGroups.set(ref.peerGroup, (group = new Set()));
        for (const t of tokens) group.add(t);
        return { key: ref.key, tokens };
      });
      return firstSeenModel({ tokens: counts.tokens, actors, peerGroups: [...peerGroups].map(([key, tokens]) => ({ key, tokens: [...tokens] })) });
    },
  };
}
