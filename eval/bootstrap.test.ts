import { describe, expect, it } from "vitest";
import { bootstrapMean } from "./bootstrap.ts";

describe("bootstrapMean", () => {
  const values = [0.61, 0.72, 0.55, 0.8, 0.67];
  const opts = { seed: 7, stream: "full/sequence.recall", resamples: 2000 };

  it("is deterministic for a seed and stream, and differs for another seed", () => {
    const a = bootstrapMean(values, opts);
    expect(bootstrapMean(values, opts)).toEqual(a);
    expect(bootstrapMean(values, { ...opts, seed: 8 })).not.toEqual(a);
  });

  it("brackets the mean within the range of the values", () => {
    const e = bootstrapMean(values, opts);
    expect(e.mean).toBeCloseTo(0.67, 12);
    expect(e.ciLow!).toBeLessThan(e.mean!);
    expect(e.ciHigh!).toBeGreaterThan(e.mean!);
    expect(e.ciLow!).toBeGreaterThanOrEqual(0.55);
    expect(e.ciHigh!).toBeLessThanOrEqual(0.8);
  });

  it("narrows as the values agree", () => {
    const wide = bootstrapMean([0, 1, 0, 1, 0, 1], opts);
    const narrow = bootstrapMean([0.49, 0.51, 0.5, 0.5, 0.49, 0.51], opts);
    expect(narrow.ciHigh! - narrow.ciLow!).toBeLessThan((wide.ciHigh! - wide.ciLow!) / 10);
  });

  it("gives a point interval for one value and nulls for none", () => {
    expect(bootstrapMean([0.4], opts)).toEqual({ n: 1, mean: 0.4, ciLow: 0.4, ciHigh: 0.4 });
    expect(bootstrapMean([], opts)).toEqual({ n: 0, mean: null, ciLow: null, ciHigh: null });
  });
});
