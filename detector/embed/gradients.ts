/**
 * Gradients of the few kernels the embedding loss uses. tfjs-core registers no gradients by
 * itself (the `@tensorflow/tfjs` umbrella does, and its ESM-only `register_all_gradients` cannot
 * be loaded by Node), so we register the ones we need, the same maths as tfjs's own, unless
 * something registered them already.
 */
import * as tf from "@tensorflow/tfjs-core";

/** dy summed over the axes `shape` was broadcast along, back to `shape`. */
function unbroadcast(grad: tf.Tensor, shape: number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(shape, grad.shape);
  return tf.reshape(axes.length > 0 ? tf.sum(grad, axes) : grad, shape);
}

const configs: tf.GradConfig[] = [
  {
    kernelName: tf.Multiply,
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const g = dy as tf.Tensor;
      return { a: () => unbroadcast(tf.mul(g, b), a.shape), b: () => unbroadcast(tf.mul(g, a), b.shape) };
    },
  },
  {
    kernelName: tf.Sum,
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as [tf.Tensor];
      const axes = tf.util.parseAxisParam((attrs as unknown as tf.SumAttrs).axis, x.shape);
      const kept = x.shape.map((size, i) => (axes.includes(i) ? 1 : size));
      return { x: () => tf.mul(tf.reshape(dy as tf.Tensor, kept), tf.ones(x.shape)) };
    },
  },
  {
    kernelName: tf.Softplus,
    inputsToSave: ["x"],
    gradFunc: (dy, saved) => {
      const [x] = saved as [tf.Tensor];
      return { x: () => tf.mul(dy as tf.Tensor, tf.sigmoid(x)) };
    },
  },
  { kernelName: tf.Neg, gradFunc: (dy) => ({ x: () => tf.neg(dy as tf.Tensor) }) },
  {
    kernelName: tf.Reshape,
    inputsToSave: ["x"],
    gradFunc: (dy, saved) => {
      const [x] = saved as [tf.Tensor];
      return { x: () => tf.reshape(dy as tf.Tensor, x.shape) };
    },
  },
];

/** Register the loss's gradients once (idempotent; never overrides a registered one). */
export function registerLossGradients(): void {
  for (const config of configs) if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
}
