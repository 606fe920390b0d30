/**
 * `seqlab eval` end to end on a simulated run: the oracle (findings built from truth) scores
 * perfectly, look-alike findings are all counted as flagged hard negatives, an empty file has
 * recall 0 and undefined precision, bad lines are counted (or fatal with --strict), and the
 * aggregate writes JSON, CSV and Arrow.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Truth } from "../schema/truth.ts";
import type { EvalReport } from "../eval/report.ts";
import { oracleFindings } from "../eval/testing.ts";
import { simulate } from "../simulator/run.ts";
import { seqlab } from "./testing.ts";
import { UsageError } from "./errors.ts";

const base = mkdtempSync(join(tmpdir(), "seqlab-eval-"));
const run = join(base, "run");
let truth: Truth;

const ndjson = (values: unknown[]) => values.map((v) => JSON.stringify(v) + "\n").join("");
const readReport = (variant: string) => JSON.parse(readFileSync(join(run, "eval", `${variant}.json`), "utf8")) as EvalReport;

beforeAll(async () => {
  await simulate({ config: { seed: 11, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" }, outDir: run, workers: 1, command: "test" });
  truth = JSON.parse(readFileSync(join(run, "truth.json"), "utf8")) as Truth;
  mkdirSync(join(run, "findings"));
  writeFileSync(join(run, "findings", "oracle.ndjson"), ndjson(oracleFindings(truth)));
  writeFileSync(join(run, "findings", "lookalikes.ndjson"), ndjson(oracleFindings(truth, "benign").map((f) => ({ ...f, seqlab: { ...f.seqlab, variant: "lookalikes" } }))));
  writeFileSync(join(run, "findings", "empty.ndjson"), "");
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("seqlab eval on a simulated run", () => {
  it("scores the oracle perfectly", async () => {
    expect(await seqlab("eval", "--run", run, "--variant", "oracle")).toBeUndefined();
    const r = readReport("oracle");
    const attacks = truth.campaigns.filter((c) => c.kind === "attack" && c.start >= truth.period.evaluationStart).length;
    expect(attacks).toBeGreaterThan(0);
    expect(r.sequence).toMatchObject({ precision: 1, recall: 1, f1: 1, prAuc: 1, falsePositives: 0, duplicates: 0, detectedCampaigns: attacks, typeMatched: attacks });
    expect(r.stageCoverage.mean).toBe(1);
    expect(r.attribution).toMatchObject({ precision: 1, recall: 1 });
    expect(r.hardNegatives.flagged).toBe(0);
    expect(r.accounts).toEqual({ count: 4, source: "truth" });
  });

  it("flags every look-alike episode when findings hold their events", async () => {
    expect(await seqlab("eval", "--run", run, "--variant", "lookalikes")).toBeUndefined();
    const r = readReport("lookalikes");
    expect(r.hardNegatives.episodes).toBeGreaterThan(0);
    expect(r.hardNegatives.flagged).toBe(r.hardNegatives.episodes);
    expect(r.sequence).toMatchObject({ recall: 0, precision: 0, truePositives: 0 });
  });

  it("scores an empty findings file with recall 0 and precision null", async () => {
    expect(await seqlab("eval", "--run", run, "--variant", "empty")).toBeUndefined();
    const text = readFileSync(join(run, "eval", "empty.json"), "utf8");
    expect(JSON.parse(text).sequence).toMatchObject({ recall: 0, precision: null });
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it("counts bad lines as rejected with their line numbers, and stops at them with --strict", async () => {
    const [good] = oracleFindings(truth);
    const file = join(base, "bad.ndjson");
    writeFileSync(file, `${JSON.stringify(good)}\n{"truncated": \n\n${JSON.stringify({ ...good, seqlab: { ...good!.seqlab, score: "high" } })}\n`);
    const out = join(base, "bad-eval.json");
    expect(await seqlab("eval", "--truth", join(run, "truth.json"), "--findings", file, "--out", out)).toBeUndefined();
    const r = JSON.parse(readFileSync(out, "utf8")) as EvalReport;
    expect(r.input.findingsRead).toBe(3);
    expect(r.input.rejected.map((x) => x.line)).toEqual([2, 4]);
    expect(r.input.rejected[1]!.reason).toMatch(/^seqlab\.score: /);
    const error = await seqlab("eval", "--truth", join(run, "truth.json"), "--findings", file, "--out", out, "--strict");
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain(`${file}:2: not JSON`);
  });

  it("aggregates variants with paired differences, as JSON, CSV and Arrow", async () => {
    const dir = join(base, "aggregate");
    expect(await seqlab("eval", "--run", run, "--aggregate", dir, "--baseline", "empty", "--resamples", "200")).toBeUndefined();
    const json = JSON.parse(readFileSync(join(dir, "aggregate.json"), "utf8"));
    expect(json.variants).toEqual(["empty", "lookalikes", "oracle"]);
    const diff = json.paired.find((p: { variant: string; metric: string }) => p.variant === "oracle" && p.metric === "sequence.recall");
    expect(diff).toMatchObject({ baseline: "empty", n: 1, mean: 1, ciLow: 1, ciHigh: 1 });
    for (const name of ["values", "metrics", "paired", "scenarios"]) {
      expect(readFileSync(join(dir, `${name}.csv`), "utf8").split("\n")[0]).toMatch(/^variant|^run/);
      expect(aq.fromArrow(readFileSync(join(dir, `${name}.arrow`))).numRows()).toBeGreaterThan(0);
    }
  });

  it.each([
    [["eval"], /nothing to evaluate/],
    [["eval", "--truth", "t.json", "--findings", "f.ndjson"], /--truth, --findings and --out go together/],
    [["eval", "--run", "/nonexistent/run"], /no truth\.json there/],
    [["eval", "--run", run, "--variant", "missing"], /no such findings file/],
    [["eval", "--run", run, "--variant", "oracle", "--baseline", "oracle"], /add --aggregate/],
    [["eval", "--run", run, "--aggregate", "x", "--baseline", "nope", "--resamples", "100"], /unknown baseline variant "nope"/],
  ])("refuses %j with a clear message", async (args, message) => {
    const error = await seqlab(...args);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(message);
  });

  it("writes nothing for a run without findings", async () => {
    const bare = join(base, "bare");
    mkdirSync(bare);
    writeFileSync(join(bare, "truth.json"), JSON.stringify(truth));
    expect((await seqlab("eval", "--run", bare))!.message).toMatch(/no findings in .*npm run detect/);
    expect(existsSync(join(bare, "eval"))).toBe(false);
  });
});
