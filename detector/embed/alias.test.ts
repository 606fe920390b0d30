import { describe, expect, it } from "vitest";
import alea from "seedrandom/lib/alea.js";
import { aliasTable } from "./alias.ts";

describe("aliasTable", () => {
  it("draws indices in proportion to their weights", () => {
    const table = aliasTable([1, 0, 3, 6]);
    const rng = alea("alias");
    const seen = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) seen[table.draw(rng())]!++;
    expect(seen[1]).toBe(0);
    expect(seen[0]! / 100_000).toBeCloseTo(0.1, 2);
    expect(seen[2]! / 100_000).toBeCloseTo(0.3, 2);
    expect(seen[3]! / 100_000).toBeCloseTo(0.6, 2);
  });

  it("rejects weights it cannot sample from, naming the problem", () => {
    expect(() => aliasTable([0, 0])).toThrow(/sum to 0/);
    expect(() => aliasTable([1, Number.NaN])).toThrow(/weight 1 is NaN/);
  });
});
