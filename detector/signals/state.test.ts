import { describe, expect, it } from "vitest";
import { Latch, SignalState, SlidingWindows, TimedMap } from "./state.ts";

const MIN = 60_000;

describe("SlidingWindows", () => {
  it("counts, sums and distinct tags over the window only", () => {
    const w = new SlidingWindows(15 * MIN);
    w.add("k", 0, "a", 10, "x");
    w.add("k", 5 * MIN, "b", 5, "y");
    const v = w.add("k", 10 * MIN, "c", 1, "x");
    expect([v.count, v.sum, v.distinct, [...v.ids]]).toEqual([3, 16, 2, ["a", "b", "c"]]);
    const later = w.add("k", 21 * MIN, "d", 1, "z");
    expect([later.count, later.sum, later.ids]).toEqual([2, 2, ["c", "d"]]);
    expect(w.peek("k", 40 * MIN).count).toBe(0);
  });

  it("keeps at most maxIds ids and sweeps idle keys", () => {
    const w = new SlidingWindows(MIN, 3);
    let v = w.add("k", 0, "0");
    for (let i = 1; i < 10; i++) v = w.add("k", i, String(i));
    expect([...v.ids]).toEqual(["7", "8", "9"]);
    expect([...w.peek("k", 9).ids]).toEqual(["7", "8", "9"]);
    expect(v.count).toBe(10);
    w.sweep(2 * MIN);
    expect(w.size).toBe(0);
  });
});

describe("Latch and TimedMap", () => {
  it("latch fires once per key per period", () => {
    const l = new Latch(MIN);
    expect([l.first("a", 0), l.first("a", 30_000), l.first("a", MIN), l.first("b", 0)]).toEqual([true, false, true, true]);
    l.sweep(10 * MIN);
    expect(l.size).toBe(0);
  });

  it("timed entries expire", () => {
    const m = new TimedMap<number>(MIN);
    m.set("a", 1, 0);
    expect([m.get("a", 1000), m.get("a", MIN)]).toEqual([1, undefined]);
  });

  it("state keeps kinds apart under one name", () => {
    const s = new SignalState();
    expect(s.windows("r", MIN)).toBe(s.windows("r", MIN));
    expect(s.latch("r", MIN)).toBeInstanceOf(Latch);
  });
});
