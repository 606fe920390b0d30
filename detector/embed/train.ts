/**
 * The training loop: seeded initial table, batches drawn with our own rng in a fixed order, plain
 * SGD steps in TensorFlow.js with a linearly decaying learning rate, and a bounded number of
 * examples so training time does not grow with the size of the history.
 */
import * as tf from "@tensorflow/tfjs-core";
import alea from "seedrandom/lib/alea.js";
import { batchBuffer } from "./batch.ts";
import type { TrainingPairs } from "./pairs.ts";
import { tfjsStep } from "./tfjs-step.ts";

/** Settings of the embedding model and its training. */
export interface EmbeddingSettings {
  /** Vector size of actors and tokens. */
  dim: number;
  /** Negative tokens per positive pair. */
  negatives: number;
  /** Largest batch; small histories use smaller ones to get enough steps. */
  batchSize: number;
  /** Start learning rate; it decays linearly to a tenth of this. */
  learningRate: number;
  epochs: number;
  /** Epoch size: this many draws per distinct positive pair, within the cap below. */
  drawsPerPair: number;
  /** Cap on examples over all epochs (bounds training time on big histories). */
  maxExamples: number;
  /** Share of draws that are token-token context pairs (API-API, API-network...); 0 disables. */
  contextShare: number;
}

/**
 * Defaults: at most 3 M examples (~15-25 s on the wasm backend on 2 cores, whatever the history
 * size); batches of 2048 amortise tfjs's per-kernel overhead better than 1024.
 */
export const DEFAULT_EMBEDDING_SETTINGS: EmbeddingSettings = {
  dim: 32,
  negatives: 5,
  batchSize: 2048,
  learningRate: 0.05,
  epochs: 8,
  drawsPerPair: 16,
  maxExamples: 3_000_000,
  contextShare: 0.3,
};

/** Small histories still get this many SGD steps per epoch: the batch shrinks (not below 32). */
const MIN_STEPS_PER_EPOCH = 128;
const MIN_BATCH = 32;

/** The batch size and epoch length (a whole number of batches) for `pairs` distinct positive pairs. */
export function epochPlan(pairs: number, s: EmbeddingSettings): { batch: number; examplesPerEpoch: number } {
  const wanted = Math.max(1, Math.min(pairs * s.drawsPerPair, Math.floor(s.maxExamples / s.epochs)));
  let batch = s.batchSize;
  while (batch > MIN_BATCH && wanted / batch < MIN_STEPS_PER_EPOCH) batch /= 2;
  batch = Math.max(1, Math.floor(batch));
  return { batch, examplesPerEpoch: Math.ceil(wanted / batch) * batch };
}

/** Initial table: uniform in ±0.5/√dim from our rng (tfjs initialisers are not seeded by us). */
export function initialTable(rows: number, dim: number, seed: number): Float32Array {
  const rng = alea(`seqlab:embed:init:${seed}`);
  const scale = 1 / Math.sqrt(dim);
  const table = new Float32Array(rows * dim);
  for (let i = 0; i < table.length; i++) table[i] = (rng() - 0.5) * scale;
  return table;
}

/** Fill `rows` (batch.ts layout) with `batch` positives and their negatives drawn by `rng`. */
export function drawBatch(pairs: TrainingPairs, rows: Int32Array, batch: number, negatives: number, rng: () => number): void {
  const width = 1 + negatives;
  for (let i = 0; i < batch; i++) {
    const p = pairs.positives.draw(rng());
    rows[i] = pairs.u[p]!;
    const o = batch + i * width;
    rows[o] = pairs.v[p]!;
    for (let j = 1; j < width; j++) rows[o + j] = pairs.tokenBase + pairs.negatives.draw(rng());
  }
}

/** Train the table on `pairs`; returns the learned rows (row-major [rows, dim]). */
export async function trainTable(
  pairs: TrainingPairs,
  s: EmbeddingSettings,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Float32Array> {
  const { batch, examplesPerEpoch } = epochPlan(pairs.u.length, s);
  const steps = (examplesPerEpoch / batch) * s.epochs;
  const rng = alea(`seqlab:embed:batches:${seed}`);
  const shape = { batch, negatives: s.negatives };
  const rows = batchBuffer(shape);
  const table = tf.variable(tf.tensor2d(initialTable(pairs.rows, s.dim, seed), [pairs.rows, s.dim]));
  const step = tfjsStep(table, shape);
  try {
    for (let i = 0; i < steps; i++) {
      drawBatch(pairs, rows, batch, s.negatives, rng);
      step.run(rows, s.learningRate * (1 - (0.9 * i) / steps));
      if (i % 64 === 63) {
        onProgress?.((i + 1) * batch, steps * batch);
        // Let progress bars and timers run between chunks of synchronous kernels.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.(steps * batch, steps * batch);
    return new Float32Array(table.dataSync());
  } finally {
    step.dispose();
    table.dispose();
  }
}
