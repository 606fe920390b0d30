/**
 * The anomaly trainers by name, as variants select them: the embedding model and its two
 * baselines, all behind the same AnomalyTrainer interface.
 */
import type { IntelIndex } from "../intel.ts";
import type { AnomalyTrainer } from "../model.ts";
import { embeddingTrainer } from "./embedding.ts";
import { firstSeenTrainer } from "./first-seen.ts";
import { frequencyTrainer } from "./frequency.ts";
import type { EmbeddingSettings } from "./train.ts";

/** Names of the anomaly models. */
export const MODEL_KINDS = ["embedding", "first-seen", "frequency"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** What trainers need: the intel feed (tokens name ASNs) and, for the embedding, its settings. */
export interface TrainerOptions {
  intel: IntelIndex;
  embedding?: Partial<EmbeddingSettings>;
}

/** The trainer of `kind`; an unknown kind is an error listing the known ones. */
export function trainerFor(kind: ModelKind, opts: TrainerOptions): AnomalyTrainer {
  switch (kind) {
    case "embedding":
      return embeddingTrainer(opts.intel, opts.embedding);
    case "first-seen":
      return firstSeenTrainer(opts.intel);
    case "frequency":
      return frequencyTrainer(opts.intel);
    default:
      throw new Error(`unknown anomaly model "${String(kind)}"; known: ${MODEL_KINDS.join(", ")}`);
  }
}

export { loadModel, saveModel } from "./save.ts";
