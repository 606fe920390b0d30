/** The linear-time (time, id) sort gives exactly what a stable comparison sort gives. */
import alea from "seedrandom/lib/alea.js";
import { describe, expect, it } from "vitest";
import type { Activity } from "../activity.ts";
import { byTimeThenId, sortByTimeThenId } from "./time-order.ts";

const T0 = Date.UTC(2026, 9, 5, 10);

/** Minimal activities: only time, id and source matter to the order; `tag` tells copies apart. */
function activity(time: number, id: string, tag: number): Activity {
  return { id, source: tag % 2 ? "cloudtrail" : "vpc-flow", time, account: "", region: "", actor: `${tag}`, actorType: "IAMUser", actorAccount: "", action: "", readOnly: true, resources: [] };
}

/** `n` activities over `spanMs`, with many equal times (flow logs start on the second) and equal ids across sources. */
function randomActivities(seed: string, n: number, spanMs: number): Activity[] {
  const rng = alea(seed);
  return Array.from({ length: n }, (_, tag) => {
    const onSecond = rng() < 0.5;
    const t = T0 + Math.floor(rng() * spanMs);
    return activity(onSecond ? t - (t % 1000) : t, `id-${Math.floor(rng() * n)}`, tag);
  });
}

const tags = (list: Activity[]) => list.map((a) => a.actor);
const comparisonSorted = (list: Activity[]) => [...list].sort(byTimeThenId);

describe("sortByTimeThenId", () => {
  it("orders an hour of activities exactly as a stable comparison sort does, ties kept in input order", () => {
    for (const seed of ["a", "b", "c"]) {
      const input = randomActivities(seed, 5000, 3_600_000);
      expect(tags(sortByTimeThenId([...input]))).toEqual(tags(comparisonSorted(input)));
    }
  });

  it("handles busy seconds (sorted by comparison) as well as quiet ones", () => {
    const input = randomActivities("busy", 3000, 20_000);
    const sorted = sortByTimeThenId([...input]);
    expect(tags(sorted)).toEqual(tags(comparisonSorted(input)));
    expect(sorted.every((a, i) => i === 0 || byTimeThenId(sorted[i - 1]!, a) <= 0)).toBe(true);
  });

  it("keeps equal (time, id) pairs from different sources in input order", () => {
    const input = [...Array.from({ length: 100 }, (_, i) => activity(T0 + 1000 * (99 - i), "same", i)), activity(T0, "same", 500)];
    const sorted = sortByTimeThenId([...input]);
    expect(tags(sorted).slice(0, 2)).toEqual(["99", "500"]);
    expect(tags(sorted)).toEqual(tags(comparisonSorted(input)));
  });

  it("falls back to a comparison sort for spans far wider than the count, and for times that are not numbers", () => {
    const sparse = randomActivities("sparse", 200, 365 * 86_400_000);
    expect(tags(sortByTimeThenId([...sparse]))).toEqual(tags(comparisonSorted(sparse)));
    const broken = randomActivities("nan", 200, 3_600_000);
    broken[17] = activity(Number.NaN, "x", 17);
    expect(tags(sortByTimeThenId([...broken]))).toEqual(tags(comparisonSorted(broken)));
  });
});
