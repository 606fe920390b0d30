import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import type { Truth } from "../schema/truth.ts";
import type { EvalReport } from "./report.ts";
import { aggregate, aggregateJson, type RunEvaluation } from "./aggregate.ts";
import { evaluate } from "./evaluate.ts";

const TRUTH: Truth = {
  period: { start: "2026-10-01T00:00:00Z", evaluationStart: "2026-10-02T00:00:00Z", end: "2026-10-03T00:00:00Z" },
  campaigns: [],
};
const BASE = evaluate({ truth: TRUTH, findings: [], summary: null, variant: "x", files: { truthFile: "t", findingsFile: "f", summaryFile: null }, read: 0, rejected: [] });

/** A report whose recall and precision are pinned (the rest as an empty evaluation). */
const report = (variant: string, recall: number | null, precision: number | null): EvalReport => ({ ...BASE, variant, sequence: { ...BASE.sequence, recall, precision } });
const evaluations: RunEvaluation[] = [
  { run: "seed-1", report: report("full", 0.5, 0.9) },
  { run: "seed-2", report: report("full", 0.7, null) },
  { run: "seed-3", report: report("full", 0.9, 0.7) },
  { run: "seed-1", report: report("first-seen", 0.4, 0.5) },
  { run: "seed-2", report: report("first-seen", 0.5, 0.6) },
  { run: "seed-3", report: report("first-seen", 0.9, null) },
];
const OPTS = { seed: 3, resamples: 1000, baseline: "first-seen" };

const row = (t: aq.ColumnTable, variant: string, metric: string) => (t.objects() as Record<string, unknown>[]).find((r) => r.variant === variant && r.metric === metric)!;

describe("aggregate", () => {
  const a = aggregate(evaluations, OPTS);

  it("averages each metric over the runs that define it, with a bootstrap interval", () => {
    const recall = row(a.metrics, "full", "sequence.recall");
    expect(recall).toMatchObject({ n: 3 });
    expect(recall.mean).toBeCloseTo(0.7, 12);
    expect(recall.ciLow as number).toBeGreaterThanOrEqual(0.5);
    expect(recall.ciHigh as number).toBeLessThanOrEqual(0.9);
    const precision = row(a.metrics, "full", "sequence.precision");
    expect(precision).toMatchObject({ n: 2 });
    expect(precision.mean).toBeCloseTo(0.8, 12);
    expect(row(a.metrics, "full", "sequence.f1")).toMatchObject({ n: 0, mean: null, ciLow: null, ciHigh: null });
  });

  it("pairs differences against the baseline run by run, on runs where both are defined", () => {
    const recall = row(a.paired, "full", "sequence.recall");
    expect(recall).toMatchObject({ baseline: "first-seen", n: 3 });
    expect(recall.mean).toBeCloseTo((0.1 + 0.2 + 0) / 3, 12);
    const precision = row(a.paired, "full", "sequence.precision");
    expect(precision.n).toBe(1); // seed-1 only: full lacks seed-2, first-seen lacks seed-3
    expect(precision.mean).toBeCloseTo(0.4, 12);
    expect((a.paired.objects() as { variant: string }[]).every((r) => r.variant !== "first-seen")).toBe(true);
  });

  it("is reproducible, whatever the order of its input", () => {
    const json = JSON.stringify(aggregateJson(a));
    expect(JSON.stringify(aggregateJson(aggregate([...evaluations].reverse(), OPTS)))).toBe(json);
    expect(JSON.stringify(aggregateJson(aggregate(evaluations, { ...OPTS, seed: 4 })))).not.toBe(json);
  });

  it("exports tables to CSV and Arrow IPC that read back", () => {
    const back = aq.fromArrow(a.metrics.toArrowIPC());
    expect(back.objects()).toEqual(a.metrics.objects());
    const csv = a.values.toCSV();
    expect(csv.split("\n")[0]).toBe("run,variant,metric,value");
    expect(csv.split("\n").filter(Boolean)).toHaveLength(1 + evaluations.length * a.values.numRows() / evaluations.length);
  });

  it("refuses a baseline that was not evaluated", () => {
    expect(() => aggregate(evaluations, { ...OPTS, baseline: "rules-only" })).toThrow(/baseline variant "rules-only".*first-seen, full/);
  });
});
