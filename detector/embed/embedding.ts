/**
 * The embedding anomaly model: actors and behaviour tokens share one vector space learned on the
 * history period (pairs.ts, train.ts), so a token new to an actor but close to what it and its
 * peers do scores low, and a token foreign to both scores high. Scores are calibrated per actor
 * (calibration.ts); actors unseen in history borrow the mean vector of their peer group, else of
 * their account's actors, else of all actors. Scoring is plain Float32Array arithmetic: no tfjs.
 */
import alea from "seedrandom/lib/alea.js";
import type { IntelIndex } from "../intel.ts";
import type { ActorRef, AnomalyModel, AnomalyTrainer, Token } from "../model.ts";
import { selectBackend } from "./backend.ts";
import { type Anchors, anchorsOf, calibrate, dot, type TokenSpace } from "./calibration.ts";
import { countHistory, type HistoryCounts, tokenKind } from "./counts.ts";
import { trainingPairs } from "./pairs.ts";
import { DEFAULT_EMBEDDING_SETTINGS, type EmbeddingSettings, trainTable } from "./train.ts";

/** Everything an embedding model scores with (and what is saved). */
export interface EmbeddingModelData {
  dim: number;
  tokens: Token[];
  /** Row-major [tokens, dim]. */
  tokenVectors: Float32Array;
  /** Token kinds in the order anchors are indexed by. */
  kinds: string[];
  actors: ActorRef[];
  /** Per actor, per kind (see calibration.ts). */
  actorAnchors: Anchors[][];
  /** Row-major [actors, dim]. */
  actorVectors: Float32Array;
  /** Cold-start entries: `peer:<peerGroup>`, `account:<account>`, `global`. */
  groups: string[];
  groupAnchors: Anchors[][];
  /** Row-major [groups, dim]: the mean vector of the group's actors. */
  groupVectors: Float32Array;
}

/** The embedding model, with the data it was built from. */
export interface EmbeddingModel extends AnomalyModel {
  readonly kind: "embedding";
  readonly data: EmbeddingModelData;
}

/** Foreign tokens sampled per kind, per actor or group, to place its `foreign` anchors. */
const FOREIGN_SAMPLE = 64;
/** Cold-start resolutions kept; more distinct unseen actors are resolved each time. */
const COLD_CACHE_LIMIT = 100_000;

interface Resolved {
  vectors: Float32Array;
  offset: number;
  anchors: Anchors[];
}

/** Kind ids of `tokens`, indexing `kinds`; throws for a kind not listed (a corrupt model). */
function kindIds(tokens: Token[], kinds: string[]): Int32Array {
  const index = new Map(kinds.map((k, i) => [k, i]));
  return Int32Array.from(tokens, (t) => {
    const k = index.get(tokenKind(t));
    if (k === undefined) throw new Error(`embedding model: token "${t}" has a kind missing from kinds [${kinds.join(", ")}]`);
    return k;
  });
}

/** A model over `data`. */
export function embeddingModel(data: EmbeddingModelData): EmbeddingModel {
  const { dim, tokenVectors } = data;
  const tokenIndex = new Map(data.tokens.map((t, i) => [t, i]));
  const kindOf = kindIds(data.tokens, data.kinds);
  const byActor = new Map<string, Resolved>(data.actors.map((ref, i) => [ref.key, { vectors: data.actorVectors, offset: i * dim, anchors: data.actorAnchors[i]! }]));
  const byGroup = new Map<string, Resolved>(data.groups.map((key, i) => [key, { vectors: data.groupVectors, offset: i * dim, anchors: data.groupAnchors[i]! }]));
  const cold = new Map<string, Resolved>();
  const resolve = (actor: ActorRef): Resolved => {
    const known = byActor.get(actor.key) ?? cold.get(actor.key);
    if (known) return known;
    const borrowed = byGroup.get(`peer:${actor.peerGroup}`) ?? byGroup.get(`account:${actor.account}`) ?? byGroup.get("global");
    if (!borrowed) throw new Error("embedding model: no global entry; the model data is incomplete");
    if (cold.size < COLD_CACHE_LIMIT) cold.set(actor.key, borrowed);
    return borrowed;
  };
  return {
    name: "embedding",
    kind: "embedding",
    data,
    score(actor, token) {
      const t = tokenIndex.get(token);
      // Unseen in the whole history, so unseen by the actor's peers too.
      if (t === undefined) return 1;
      const r = resolve(actor);
      return calibrate(dot(r.vectors, r.offset, tokenVectors, t * dim, dim), r.anchors[kindOf[t]!]!);
    },
  };
}

/** Trains the embedding model; tokens come from `intel` (ASNs). */
export function embeddingTrainer(intel: IntelIndex, settings: Partial<EmbeddingSettings> = {}): AnomalyTrainer {
  const s = checkSettings({ ...DEFAULT_EMBEDDING_SETTINGS, ...settings });
  return {
    name: "embedding",
    async train(history, { seed, onProgress }) {
      await selectBackend();
      const counts = countHistory(history, intel);
      const table = await trainTable(trainingPairs(counts, s.contextShare), s, seed, onProgress);
      return embeddingModel(modelData(counts, table, s.dim, seed));
    },
  };
}

function checkSettings(s: EmbeddingSettings): EmbeddingSettings {
  for (const key of ["dim", "negatives", "batchSize", "epochs", "drawsPerPair", "maxExamples"] as const) {
    if (!(Number.isInteger(s[key]) && s[key] >= 1)) throw new Error(`embedding settings: ${key} must be an integer >= 1, got ${s[key]}`);
  }
  if (!(s.learningRate > 0 && Number.isFinite(s.learningRate))) throw new Error(`embedding settings: learningRate must be > 0, got ${s.learningRate}`);
  return s;
}

/** Split the learned table into actor and token vectors, and compute anchors and cold-start entries. */
function modelData(counts: HistoryCounts, table: Float32Array, dim: number, seed: number): EmbeddingModelData {
  const actorCount = counts.actors.length;
  const actorVectors = table.slice(0, actorCount * dim);
  const tokenVectors = table.slice(actorCount * dim);
  const kinds = [...new Set(counts.tokens.map(tokenKind))];
  const space: TokenSpace = { vectors: tokenVectors, dim, kindOf: kindIds(counts.tokens, kinds), kinds: kinds.length };
  // Tokens of each kind in one seeded order; a foreign sample is the first ones outside a group.
  const rng = alea(`seqlab:embed:calibration:${seed}`);
  const orders = kinds.map(() => [] as number[]);
  counts.tokens.forEach((_, t) => orders[space.kindOf[t]!]!.push(t));
  for (const order of orders) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const foreignTo = (used: Map<number, number>) => {
    const out: number[] = [];
    for (const order of orders) {
      let taken = 0;
      for (let i = 0; i < order.length && taken < FOREIGN_SAMPLE; i++) {
        if (!used.has(order[i]!)) {
          out.push(order[i]!);
          taken++;
        }
      }
    }
    return out;
  };

  // Cold-start groups: member actor ids and the tokens they used, with counts.
  const members = new Map<string, { actors: number[]; tokens: Map<number, number> }>();
  const join = (key: string, actor: number) => {
    let g = members.get(key);
    if (!g) members.set(key, (g = { actors: [], tokens: new Map() }));
    g.actors.push(actor);
    for (const [t, n] of counts.actorTokens[actor]!) g.tokens.set(t, (g.tokens.get(t) ?? 0) + n);
  };
  counts.actors.forEach((ref, a) => {
    join(`peer:${ref.peerGroup}`, a);
    join(`account:${ref.account}`, a);
    join("global", a);
  });

  const actorAnchors = counts.actors.map((ref, a) =>
    anchorsOf(actorVectors, a * dim, counts.actorTokens[a]!, foreignTo(members.get(`peer:${ref.peerGroup}`)!.tokens), space),
  );
  const groups = [...members.keys()];
  const groupVectors = new Float32Array(groups.length * dim);
  const groupAnchors = groups.map((key, g) => {
    const { actors, tokens } = members.get(key)!;
    for (const a of actors) for (let d = 0; d < dim; d++) groupVectors[g * dim + d]! += actorVectors[a * dim + d]! / actors.length;
    return anchorsOf(groupVectors, g * dim, tokens, foreignTo(tokens), space);
  });
  return { dim, tokens: counts.tokens, tokenVectors, kinds, actors: counts.actors, actorAnchors, actorVectors, groups, groupAnchors, groupVectors };
}
