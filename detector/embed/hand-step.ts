/**
 * The same SGD step as tfjs-step.ts written by hand over a Float32Array: the reference the
 * TensorFlow.js trainer's throughput is measured against, and a check of its gradients.
 */
import type { BatchShape } from "./batch.ts";

/** A reusable step over one table; keeps its gradient buffer between calls. */
export interface HandStep {
  run(rows: Int32Array, learningRate: number): void;
}

/** Build the step for `table` (row-major [rows, dim]) and batches of `shape`. */
export function handStep(table: Float32Array, dim: number, shape: BatchShape): HandStep {
  const { batch } = shape;
  const width = 1 + shape.negatives;
  const grad = new Float32Array(table.length);
  const uses = new Uint32Array(table.length / dim);
  const touched: number[] = [];
  return {
    run(rows, learningRate) {
      touched.length = 0;
      for (let i = 0; i < batch; i++) {
        const u = rows[i]! * dim;
        touched.push(rows[i]!);
        for (let j = 0; j < width; j++) {
          const vRow = rows[batch + i * width + j]!;
          const v = vRow * dim;
          touched.push(vRow);
          let x = 0;
          for (let d = 0; d < dim; d++) x += table[u + d]! * table[v + d]!;
          // d/dx softplus(−s·x) = −s·σ(−s·x)
          const s = j === 0 ? 1 : -1;
          const g = -s / (1 + Math.exp(s * x));
          for (let d = 0; d < dim; d++) {
            grad[u + d] = grad[u + d]! + g * table[v + d]!;
            grad[v + d] = grad[v + d]! + g * table[u + d]!;
          }
        }
      }
      // Apply after the whole batch, as a minibatch step does, each row's gradient divided by its uses.
      for (const row of touched) uses[row]!++;
      for (const row of touched) {
        if (uses[row] === 0) continue;
        const o = row * dim;
        const rate = learningRate / uses[row]!;
        for (let d = 0; d < dim; d++) {
          table[o + d] = table[o + d]! - rate * grad[o + d]!;
          grad[o + d] = 0;
        }
        uses[row] = 0;
      }
    },
  };
}
