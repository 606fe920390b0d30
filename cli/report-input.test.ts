/**
 * Loading report input from disk: a run directory's manifest, truth and every variant's findings
 * (evaluated exactly as `seqlab eval` does), a comparison directory's aggregate and runs, and a
 * clear usage error naming the path for everything that is not one.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../schema/manifest.ts";
import type { Truth } from "../schema/truth.ts";
import { makeFinding } from "../eval/testing.ts";
import { UsageError } from "./errors.ts";
import { evaluateFiles } from "./eval.ts";
import { loadComparisonReport, loadRunReport } from "./report-input.ts";

const base = mkdtempSync(join(tmpdir(), "seqlab-report-input-"));
const run = join(base, "run-s3");
const compare = join(base, "compare");

const TRUTH: Truth = {
  period: { start: "2026-10-05T00:00:00Z", evaluationStart: "2026-10-07T00:00:00Z", end: "2026-10-09T00:00:00Z" },
  accounts: ["111122223333"],
  campaigns: [
    {
      id: "c1", scenarioId: "leaked-key", kind: "attack", accounts: ["111122223333"], actors: [], start: "2026-10-07T10:00:00Z", end: "2026-10-07T12:00:00Z",
      expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
      stages: [
        { id: "discovery", tactic: "TA0007", technique: "T1087.004", start: "2026-10-07T10:00:00Z", end: "2026-10-07T10:30:00Z", eventIds: ["e1", "e2"] },
        { id: "impact", tactic: "TA0040", technique: "T1496", start: "2026-10-07T11:00:00Z", end: "2026-10-07T12:00:00Z", eventIds: ["e3"] },
      ],
    },
  ],
};

const MANIFEST: Manifest = {
  tool: "seqlab",
  kind: "simulation",
  config: { seed: 3, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" },
  scenarios: ["leaked-key"],
  command: "npm run simulate -- --out runs/s3 --seed 3",
  versions: {},
  gitCommit: null,
  counts: { events: 10, files: 1, bytes: 100, perSource: {}, perAccount: {}, campaigns: 1, principals: 5 },
  timings: { startedAt: "2026-10-05T00:00:00Z", seconds: 1, workers: 1 },
};

const ndjson = (values: unknown[]) => values.map((v) => JSON.stringify(v) + "\n").join("");

beforeAll(() => {
  mkdirSync(join(run, "findings"), { recursive: true });
  writeFileSync(join(run, "manifest.json"), JSON.stringify(MANIFEST));
  writeFileSync(join(run, "truth.json"), JSON.stringify(TRUTH));
  writeFileSync(join(run, "findings", "rules-only.ndjson"), ndjson([
    makeFinding({ id: "hit", variant: "rules-only", score: 5, threshold: 2, detectedAt: "2026-10-07T11:30:00Z", eventIds: ["e1", "e3"] }),
    makeFinding({ id: "noise", variant: "rules-only", score: 1, threshold: 2, detectedAt: "2026-10-08T11:30:00Z", eventIds: ["z1"] }),
  ]));
  writeFileSync(join(run, "findings", "first-seen.ndjson"), ndjson([makeFinding({ id: "fp", variant: "first-seen", score: 3, threshold: 2, detectedAt: "2026-10-08T01:00:00Z", eventIds: ["z2"] })]));
  mkdirSync(join(compare, "runs"), { recursive: true });
  cpSync(run, join(compare, "runs", "seed-3"), { recursive: true });
  cpSync(run, join(compare, "runs", "seed-4"), { recursive: true });
  // Left by an earlier, larger comparison in the same folder: neither is this comparison's.
  cpSync(run, join(compare, "runs", "seed-5"), { recursive: true });
  writeFileSync(join(compare, "runs", "seed-3", "findings", "frequency.ndjson"), "");
  const estimate = { n: 2, mean: 0.5, ciLow: 0, ciHigh: 1 };
  writeFileSync(join(compare, "comparison.json"), JSON.stringify({
    tool: "seqlab", kind: "aggregate", runs: ["runs/seed-3", "runs/seed-4"], variants: ["first-seen", "rules-only"], baseline: "first-seen", seed: 1, resamples: 2000, confidence: 0.95,
    metrics: [{ variant: "rules-only", metric: "sequence.recall", ...estimate }],
    paired: [{ variant: "rules-only", baseline: "first-seen", metric: "sequence.recall", ...estimate }],
    scenarios: [{ variant: "rules-only", scenarioId: "leaked-key", kind: "attack", campaigns: 2, detected: 2, rate: 1 }],
    command: "npm run compare -- --variants rules-only,first-seen --seeds 2 --out compare",
    suite: "smoke",
  }));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("loadRunReport", () => {
  it("reads every variant, evaluated as seqlab eval does, with the run's settings and the command that rebuilds it all", async () => {
    const input = await loadRunReport(run);
    expect(input).toMatchObject({ kind: "run", title: "seqlab run run-s3", generatedAt: null, aggregate: null });
    expect(input.command).toBe(
      `npm run simulate -- --out ${run} --seed 3 --days 4 --accounts 4 --suite smoke --start 2026-10-05 && npm run detect -- --run ${run} --variant first-seen rules-only && npm run report -- --run ${run}`,
    );
    const [r] = input.runs;
    expect(r).toMatchObject({ name: "run-s3", seed: 3, suite: "smoke", days: 4, accounts: 4, command: MANIFEST.command });
    expect(r!.campaigns).toEqual([{ id: "c1", scenarioId: "leaked-key", kind: "attack", stages: [{ tactic: "TA0007", technique: "T1087.004" }, { tactic: "TA0040", technique: "T1496" }] }]);
    expect(r!.variants.map((v) => v.variant)).toEqual(["first-seen", "rules-only"]);
    const rules = r!.variants[1]!;
    const { report } = await evaluateFiles(join(run, "truth.json"), join(run, "findings", "rules-only.ndjson"), join(run, "findings", "rules-only.summary.json"), false, "rules-only");
    expect(rules.eval).toEqual(report);
    expect(rules.summary).toBeNull();
    expect(rules.sequences.map((s) => [s.finding.id, s.verdict, s.truth?.stages.map((x) => x.covered)])).toEqual([["hit", "true-positive", [true, true]]]);
    expect(r!.variants[0]!.sequences.map((s) => [s.finding.id, s.verdict, s.truth])).toEqual([["fp", "false-positive", null]]);
  });

  it("passes a generation time through only when asked", async () => {
    expect((await loadRunReport(run, { generatedAt: "2026-10-10T00:00:00Z" })).generatedAt).toBe("2026-10-10T00:00:00Z");
  });

  it("reports a run without a manifest with unknown settings and only the report step", async () => {
    const bare = join(base, "bare");
    cpSync(run, bare, { recursive: true });
    rmSync(join(bare, "manifest.json"));
    const input = await loadRunReport(bare);
    expect(input.runs[0]).toMatchObject({ seed: null, suite: null, days: null, accounts: null, command: null });
    expect(input.command).toBe(`npm run report -- --run ${bare}`);
  });
});

describe("loadComparisonReport", () => {
  it("reads the aggregate and the runs and variants it compared, named as the aggregate names them", async () => {
    const input = await loadComparisonReport(compare);
    expect(input.runs.map((r) => r.variants.map((v) => v.variant))).toEqual([["first-seen", "rules-only"], ["first-seen", "rules-only"]]);
    expect(input).toMatchObject({ kind: "comparison", title: "seqlab comparison: first-seen, rules-only over 2 run(s), suite smoke", command: "npm run compare -- --variants rules-only,first-seen --seeds 2 --out compare" });
    expect(input.runs.map((r) => r.name)).toEqual(["runs/seed-3", "runs/seed-4"]);
    expect(input.aggregate).toMatchObject({ runs: ["runs/seed-3", "runs/seed-4"], baseline: "first-seen", resamples: 2000, confidence: 0.95 });
    expect(input.aggregate!.scenarios).toEqual([{ variant: "rules-only", scenarioId: "leaked-key", kind: "attack", campaigns: 2, detected: 2, rate: 1 }]);
  });
});

describe("report input errors", () => {
  const mk = (name: string, files: Record<string, string>) => {
    const dir = join(base, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it.each([
    ["a missing directory", () => loadRunReport(join(base, "nope")), /--run .*nope: no such directory; simulate one/],
    ["a folder that is no run", () => loadRunReport(mk("empty", { "notes.txt": "" })), /--run .*empty: no truth\.json there/],
    ["a run without findings", () => loadRunReport(mk("nofindings", { "truth.json": JSON.stringify(TRUTH) })), /no findings in .*nofindings.*npm run detect -- --run/],
    ["a broken truth", () => loadRunReport(mk("badtruth", { "truth.json": "{}", "findings/x.ndjson": "" })), /badtruth.*truth\.json: period/],
    ["a broken manifest", () => loadRunReport(mk("badmanifest", { "truth.json": JSON.stringify(TRUTH), "manifest.json": '{"tool":"seqlab"}', "findings/x.ndjson": "" })), /badmanifest.*manifest\.json: kind/],
    ["a comparison without comparison.json", () => loadComparisonReport(mk("nocomparison", { "runs/a/truth.json": "{}" })), /--compare .*nocomparison: no comparison\.json there; make one with npm run compare/],
    ["a comparison.json of another shape", () => loadComparisonReport(mk("badcomparison", { "comparison.json": '{"tool":"seqlab","kind":"aggregate"}' })), /badcomparison.*comparison\.json: runs: .*npm run compare/],
    ["a comparison without runs", () => loadComparisonReport(mk("noruns", { "comparison.json": JSON.stringify({ tool: "seqlab", kind: "aggregate", runs: [], variants: [], baseline: null, resamples: 100, confidence: 0.95, metrics: [], paired: [], scenarios: [] }) })), /noruns.*comparison\.json: it compares no runs/],
    ["a comparison missing a variant's findings", () => loadComparisonReport(mk("novariant", { "comparison.json": JSON.stringify({ tool: "seqlab", kind: "aggregate", runs: ["runs/a"], variants: ["full"], baseline: null, resamples: 100, confidence: 0.95, metrics: [], paired: [], scenarios: [] }), "runs/a/truth.json": JSON.stringify(TRUTH), "runs/a/findings/x.ndjson": "" })), /runs.a: no findings for full; rerun npm run compare/],
  ])("refuses %s with a usage error naming the path", async (_what, load, message) => {
    const error = await load().then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(message);
  });
});
