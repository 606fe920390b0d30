/**
 * One SGD step of the embedding model in TensorFlow.js: look the batch's rows up (custom
 * gradient), score each example against its positive and negatives, sum the softplus losses,
 * and move each row against its gradient divided by the row's uses in the batch. Without that
 * division a frequent token (a region, a user agent) sums hundreds of stale gradients in one
 * step and training diverges; with it every row moves like one online-SGD step.
 */
import * as tf from "@tensorflow/tfjs-core";
import { type BatchShape, pairSigns } from "./batch.ts";
import { registerLossGradients } from "./gradients.ts";
import { lookupRows } from "./lookup.ts";

/** A reusable step over one table variable; `dispose` frees its constant tensors. */
export interface TfjsStep {
  run(rows: Int32Array, learningRate: number): void;
  dispose(): void;
}

/** Build the step for `table` ([rows, dim]) and batches of `shape` (see batch.ts for the layout). */
export function tfjsStep(table: tf.Variable<tf.Rank.R2>, shape: BatchShape): TfjsStep {
  const { batch } = shape;
  const width = 1 + shape.negatives;
  const dim = table.shape[1];
  const signs = tf.keep(tf.tensor2d(pairSigns(shape), [batch, width]));
  const ones = tf.keep(tf.ones([batch * (1 + width)]));
  registerLossGradients();
  const loss = (examples: tf.Tensor1D, pairs: tf.Tensor1D) => (): tf.Scalar => {
    const u = tf.reshape(lookupRows(table, examples), [batch, 1, dim]);
    const v = tf.reshape(lookupRows(table, pairs), [batch, width, dim]);
    const logits = tf.sum(tf.mul(u, v), 2);
    return tf.sum(tf.softplus(tf.mul(signs, tf.neg(logits))));
  };
  return {
    run(rows, learningRate) {
      tf.tidy(() => {
        const examples = tf.tensor1d(rows.subarray(0, batch), "int32");
        const pairs = tf.tensor1d(rows.subarray(batch), "int32");
        const { grads } = tf.variableGrads(loss(examples, pairs), [table]);
        const grad = grads[table.name];
        if (!grad) throw new Error("embedding step: no gradient for the table");
        const uses = tf.scatterND(tf.expandDims(tf.tensor1d(rows, "int32"), 1), ones, [table.shape[0]]);
        const perUse = tf.div(tf.scalar(learningRate), tf.reshape(tf.maximum(uses, 1), [table.shape[0], 1]));
        table.assign(tf.sub(table, tf.mul(grad, perUse)));
      });
    },
    dispose() {
      signs.dispose();
      ones.dispose();
    },
  };
}
