/**
 * Embedding lookup with a hand-written gradient. `tf.gather`'s own gradient goes through
 * unsortedSegmentSum, which is very slow on the cpu backend and missing on wasm; the gradient of
 * a row lookup is simply the incoming rows scattered back (and summed) into the table's shape.
 */
import * as tf from "@tensorflow/tfjs-core";

/** Rows `indices` of `table` ([rows, dim]); differentiable with respect to `table`. */
export function lookupRows(table: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  const lookup = tf.customGrad((...args) => {
    const t = args[0] as tf.Tensor2D;
    const at = tf.expandDims(indices, 1);
    return {
      // gatherND copies whole rows; tf.gather is ~40x slower on wasm for this shape.
      value: tf.gatherND(t, at),
      // scatterND sums the rows of repeated indices, as the gradient of a lookup must.
      gradFunc: (dy) => tf.scatterND(at, dy as tf.Tensor, t.shape),
    };
  });
  return lookup(table) as tf.Tensor2D;
}
