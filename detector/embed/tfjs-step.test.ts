import * as tf from "@tensorflow/tfjs-core";
import alea from "seedrandom/lib/alea.js";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "./backend.ts";
import { batchBuffer } from "./batch.ts";
import { registerLossGradients } from "./gradients.ts";
import { handStep } from "./hand-step.ts";
import { lookupRows } from "./lookup.ts";
import { tfjsStep } from "./tfjs-step.ts";
import { initialTable } from "./train.ts";

beforeAll(async () => {
  await selectBackend();
  registerLossGradients();
});

describe("lookupRows", () => {
  it("has a gradient that scatters and sums the incoming rows, repeated indices included", () => {
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const indices = tf.tensor1d([2, 0, 2], "int32");
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(lookupRows(t as tf.Tensor2D, indices), tf.tensor2d([1, 1, 10, 10, 100, 100], [3, 2]))))(table);
    expect(Array.from(lookupRows(table, indices).dataSync())).toEqual([5, 6, 1, 2, 5, 6]);
    expect(Array.from(grad.dataSync())).toEqual([10, 10, 0, 0, 101, 101]);
  });
});

describe("tfjs step", () => {
  it("moves the table as the hand-written Float32Array step does (to float32 rounding)", () => {
    const rows = 200;
    const dim = 16;
    const shape = { batch: 64, negatives: 5 };
    const rng = alea("step-test");
    const init = initialTable(rows, dim, 3);
    const table = tf.variable(tf.tensor2d(init, [rows, dim]));
    const step = tfjsStep(table, shape);
    const hand = init.slice();
    const reference = handStep(hand, dim, shape);
    const batch = batchBuffer(shape);
    for (let s = 0; s < 5; s++) {
      // A small table so rows repeat within a batch, which the per-use scaling must handle alike.
      for (let i = 0; i < batch.length; i++) batch[i] = Math.floor(rng() * rows);
      step.run(batch, 0.5);
      reference.run(batch, 0.5);
    }
    const learned = table.dataSync();
    let worst = 0;
    for (let i = 0; i < learned.length; i++) worst = Math.max(worst, Math.abs(learned[i]! - hand[i]!));
    expect(worst).toBeLessThan(1e-5);
    expect(learned).not.toEqual(init);
    step.dispose();
    table.dispose();
  });

  it("leaks no tensors across steps", () => {
    const table = tf.variable(tf.tensor2d(initialTable(50, 8, 1), [50, 8]));
    const step = tfjsStep(table, { batch: 16, negatives: 2 });
    const before = tf.memory().numTensors;
    const batch = batchBuffer({ batch: 16, negatives: 2 }).map((_, i) => i % 50);
    for (let s = 0; s < 3; s++) step.run(batch, 0.1);
    expect(tf.memory().numTensors).toBe(before);
    step.dispose();
    table.dispose();
  });
});
