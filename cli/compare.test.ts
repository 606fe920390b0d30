/**
 * `seqlab compare` end to end on tiny runs (smoke suite, 2 days, 4 accounts, 2 seeds, 2 fast
 * variants): the comparison layout with the same tables `eval --aggregate` writes, byte-identical
 * results whether detection runs one or two processes at a time, runs and detections reused when
 * current and redone when incomplete or overwritten, and usage errors that write nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonJson } from "./compare.ts";
import { listFiles } from "../simulator/testing.ts";
import { seqlab } from "./testing.ts";
import { UsageError } from "./errors.ts";

const base = mkdtempSync(join(tmpdir(), "seqlab-compare-"));
const out = join(base, "compare");
const tiny = ["--variants", "rules-only,first-seen", "--seeds", "2", "--suite", "smoke", "--days", "2", "--accounts", "4"];
const compare = (...args: string[]) => seqlab("compare", ...tiny, "--out", out, ...args);

const readComparison = () => JSON.parse(readFileSync(join(out, "comparison.json"), "utf8")) as ComparisonJson;
const runFile = (seed: number, path: string) => join(out, "runs", `seed-${seed}`, path);

/**
 * Every output that must not depend on how detection was scheduled: all files but the events
 * (checked by the simulator's own tests), the detector summaries (they hold its timings) and
 * comparison.json, compared without its timings.
 */
function outputs(): Map<string, string> {
  const files = listFiles(out).filter((f) => !f.includes("/events/") && !f.endsWith(".summary.json") && f !== "comparison.json" && !f.endsWith("manifest.json"));
  const bytes = new Map(files.map((f) => [f, readFileSync(join(out, f)).toString("base64")]));
  const { timings: _timings, ...comparison } = readComparison();
  bytes.set("comparison.json", JSON.stringify(comparison));
  return bytes;
}

beforeAll(async () => {
  expect(await compare("--workers", "1")).toBeUndefined();
}, 300_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("seqlab compare", () => {
  it("writes runs per seed, evaluations, comparison.json, the tables and the report", () => {
    const c = readComparison();
    expect(c).toMatchObject({ tool: "seqlab", kind: "aggregate", runs: ["runs/seed-1", "runs/seed-2"], variants: ["first-seen", "rules-only"], baseline: "rules-only", seeds: [1, 2], suite: "smoke" });
    expect(c.command).toBe(`npm run compare -- ${tiny.join(" ")} --baseline rules-only --out ${out}`);
    expect(Object.keys(c.timings)).toEqual(["simulate", "detect", "eval", "aggregate", "report", "total"]);
    expect(c.timings.simulate).toBeGreaterThan(0);
    expect(c.timings.detect).toBeGreaterThan(0);
    const recall = c.metrics.filter((m) => m.metric === "sequence.recall");
    expect(recall.map((m) => [m.variant, m.n])).toEqual([["first-seen", 2], ["rules-only", 2]]);
    expect(new Set(c.paired.map((p) => `${p.variant}-${p.baseline}`))).toEqual(new Set(["first-seen-rules-only"]));
    for (const seed of [1, 2]) {
      expect(JSON.parse(readFileSync(runFile(seed, "manifest.json"), "utf8")).config).toMatchObject({ seed, days: 2, accounts: 4, suite: "smoke" });
      for (const variant of ["rules-only", "first-seen"]) {
        expect(existsSync(runFile(seed, `findings/${variant}.ndjson`))).toBe(true);
        expect(JSON.parse(readFileSync(runFile(seed, `eval/${variant}.json`), "utf8")).variant).toBe(variant);
      }
    }
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("first-seen");
    expect(existsSync(join(out, "attack-navigator.json"))).toBe(true);
  });

  it("writes the tables exactly as eval --aggregate does", async () => {
    const agg = join(base, "aggregate");
    expect(await seqlab("eval", "--run", join(out, "runs", "seed-1"), join(out, "runs", "seed-2"), "--aggregate", agg, "--baseline", "rules-only")).toBeUndefined();
    // values.* name the runs, as each command was given them; the other tables do not.
    for (const file of ["metrics.csv", "metrics.arrow", "paired.csv", "paired.arrow", "scenarios.csv", "scenarios.arrow"]) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(agg, file))), file).toBe(true);
    }
    const aggregate = JSON.parse(readFileSync(join(agg, "aggregate.json"), "utf8"));
    expect(readComparison().metrics).toEqual(aggregate.metrics);
    expect(readFileSync(join(out, "values.csv"), "utf8").split("\n")[0]).toBe("run,variant,metric,value");
  });

  it("gives the same bytes with two detection processes, rebuilding an incomplete run and reusing a complete one", async () => {
    const sequential = outputs();
    const seed1Manifest = readFileSync(runFile(1, "manifest.json"));
    rmSync(runFile(1, "findings"), { recursive: true });
    rmSync(runFile(2, "manifest.json"));
    expect(await compare("--workers", "2")).toBeUndefined();
    expect(readFileSync(runFile(1, "manifest.json")).equals(seed1Manifest)).toBe(true);
    expect(existsSync(runFile(2, "manifest.json"))).toBe(true);
    expect(readComparison().timings.simulate).toBeGreaterThan(0);
    expect(outputs()).toEqual(sequential);
  });

  it("detects again only what was overwritten", async () => {
    const before = outputs();
    const mtime = (seed: number, variant: string) => statSync(runFile(seed, `findings/${variant}.ndjson`)).mtimeMs;
    const untouched = mtime(2, "first-seen");
    writeFileSync(runFile(1, "findings/rules-only.ndjson"), "");
    expect(await compare()).toBeUndefined();
    expect(mtime(2, "first-seen")).toBe(untouched);
    expect(outputs()).toEqual(before);
  });

  it.each([
    [["--variants", "full,rules-olny"], /--variants: unknown variant "rules-olny" \(did you mean "rules-only"\?\)/],
    [["--variants", "full,full"], /"full" is listed twice/],
    [["--seeds", "0"], /--seeds must be from 1 to 1000, got 0/],
    [["--variants", "full,first-seen", "--baseline", "rules-only"], /--baseline: unknown baseline variant "rules-only"; choose one of: full, first-seen/],
    [["--suite", "smoke", "--days", "1"], /--days must be from 2/],
  ])("refuses %j with a clear message and writes nothing", async (args, message) => {
    const dir = join(base, "refused");
    const error = await seqlab("compare", "--out", dir, ...args);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses an --out folder that is not a comparison", async () => {
    const dir = join(base, "notes");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    const error = await seqlab("compare", ...tiny, "--out", dir);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(/not a seqlab comparison/);
    expect(listFiles(dir)).toEqual(["notes.txt"]);
  });
});
