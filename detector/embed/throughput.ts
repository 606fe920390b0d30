/**
 * Training throughput of the TensorFlow.js step against the same step written by hand over a
 * Float32Array, at one model size, in this process — what `npm run bench` reports.
 */
import * as tf from "@tensorflow/tfjs-core";
import alea from "seedrandom/lib/alea.js";
import { selectBackend } from "./backend.ts";
import { type BatchShape, batchBuffer } from "./batch.ts";
import { handStep } from "./hand-step.ts";
import { tfjsStep } from "./tfjs-step.ts";
import { initialTable } from "./train.ts";

/** Model size and run length of the measurement. */
export interface ThroughputOptions {
  /** Table rows (actors + tokens). */
  vocab?: number;
  dim?: number;
  batch?: number;
  negatives?: number;
  /** Timed steps of each implementation (after two warm-up steps). */
  steps?: number;
  seed?: number;
}

/** Examples per second of both implementations; `ratio` = tfjs / hand loop. */
export interface ThroughputResult {
  backend: string;
  vocab: number;
  dim: number;
  batch: number;
  negatives: number;
  tfjsExamplesPerSecond: number;
  handLoopExamplesPerSecond: number;
  ratio: number;
}

/** Time both steps on the same pre-drawn batches (drawing is not timed). */
export async function measureTrainingThroughput(opts: ThroughputOptions = {}): Promise<ThroughputResult> {
  const { vocab = 5000, dim = 32, batch = 1024, negatives = 5, steps = 40, seed = 1 } = opts;
  const backend = await selectBackend();
  const shape: BatchShape = { batch, negatives };
  const rng = alea(`seqlab:embed:throughput:${seed}`);
  const batches = Array.from({ length: 8 }, () => {
    const rows = batchBuffer(shape);
    for (let i = 0; i < rows.length; i++) rows[i] = Math.floor(rng() * vocab);
    return rows;
  });
  const init = initialTable(vocab, dim, seed);
  const time = (run: (rows: Int32Array) => void, finish: () => void) => {
    for (let i = 0; i < 2; i++) run(batches[i]!);
    finish();
    const start = performance.now();
    for (let i = 0; i < steps; i++) run(batches[i % batches.length]!);
    finish();
    return (steps * batch) / ((performance.now() - start) / 1000);
  };
  const table = tf.variable(tf.tensor2d(init, [vocab, dim]));
  const tfjs = tfjsStep(table, shape);
  let tfjsRate: number;
  try {
    tfjsRate = time((rows) => tfjs.run(rows, 0.05), () => table.dataSync());
  } finally {
    tfjs.dispose();
    table.dispose();
  }
  const hand = handStep(init.slice(), dim, shape);
  const handRate = time((rows) => hand.run(rows, 0.05), () => undefined);
  return { backend, vocab, dim, batch, negatives, tfjsExamplesPerSecond: tfjsRate, handLoopExamplesPerSecond: handRate, ratio: tfjsRate / handRate };
}
