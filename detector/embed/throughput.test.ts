import { describe, expect, it } from "vitest";
import { selectBackend } from "./backend.ts";
import { measureTrainingThroughput } from "./throughput.ts";

describe("selectBackend", () => {
  it("settles on one backend and says which (wasm here: tfjs-node is not installed)", async () => {
    const name = await selectBackend();
    expect(["tensorflow", "wasm", "cpu"]).toContain(name);
    expect(await selectBackend()).toBe(name);
  });
});

describe("measureTrainingThroughput", () => {
  it("returns both rates and their ratio (speed itself is checked by npm run bench)", async () => {
    const r = await measureTrainingThroughput({ vocab: 100, dim: 8, batch: 32, steps: 3 });
    expect(r.tfjsExamplesPerSecond).toBeGreaterThan(0);
    expect(r.handLoopExamplesPerSecond).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.tfjsExamplesPerSecond / r.handLoopExamplesPerSecond, 10);
    expect(r).toMatchObject({ vocab: 100, dim: 8, batch: 32, negatives: 5 });
  });
});
