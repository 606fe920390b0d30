/**
 * The shape of one training batch, shared by the TensorFlow.js step and the hand-written loop:
 * `batch` examples, each a row `u` (an actor or a token), its positive row `v` and `negatives`
 * sampled rows. Loss per example: softplus(−u·v) + Σ softplus(u·n), i.e. −log σ(u·v) − Σ log σ(−u·n),
 * written with softplus because the gradient of tf.logSigmoid crashes in tfjs 4.22.
 */

/** Sizes of a batch. */
export interface BatchShape {
  batch: number;
  negatives: number;
}

/**
 * Row ids of one batch in one buffer: first the `batch` example rows, then per example its
 * positive followed by its negatives (`batch × (1 + negatives)`).
 */
export function batchBuffer(shape: BatchShape): Int32Array {
  return new Int32Array(shape.batch * (2 + shape.negatives));
}

/** +1 for each example's positive column, −1 for its negatives, row-major [batch, 1 + negatives]. */
export function pairSigns(shape: BatchShape): Float32Array {
  const width = 1 + shape.negatives;
  const signs = new Float32Array(shape.batch * width).fill(-1);
  for (let i = 0; i < shape.batch; i++) signs[i * width] = 1;
  return signs;
}
