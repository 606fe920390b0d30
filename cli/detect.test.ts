/**
 * `seqlab detect` end to end on a small simulated run: findings are valid GuardDuty findings that
 * use only the API model's field names (plus `seqlab`), identical across runs, every record is
 * accounted for, eval reads them, and anyone's own files (`--input`) go through the same pipeline.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findingSchema, type Finding } from "../schema/finding.ts";
import { readRealdata } from "../schema/realdata.ts";
import type { EvalReport } from "../eval/report.ts";
import { listFiles } from "../simulator/testing.ts";
import { simulate } from "../simulator/run.ts";
import { seqlab } from "./testing.ts";
import { UsageError } from "./errors.ts";

const base = mkdtempSync(join(tmpdir(), "seqlab-detect-"));
const run = join(base, "run");

const findingsOf = (dir: string, variant: string) => readFileSync(join(dir, "findings", `${variant}.ndjson`), "utf8");

/** A saved first-seen model that knows nothing, and a file that is no model. */
const firstSeenModel = join(base, "first-seen-model.json");
writeFileSync(firstSeenModel, JSON.stringify({ format: "seqlab-anomaly-model", version: 1, kind: "first-seen", tokens: [], actors: [], peerGroups: [] }));
const notAModel = join(base, "not-a-model.json");
writeFileSync(notAModel, '{"kind": "forest"}');

beforeAll(async () => {
  await simulate({ config: { seed: 11, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" }, outDir: run, workers: 1, command: "test" });
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every field path under `service.detection.sequence`, arrays as `[]`. */
function paths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) paths(v, `${prefix}[]`, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}.${k}${Array.isArray(v) ? "[]" : ""}`);
      paths(v, `${prefix}.${k}`, out);
    }
  }
  return out;
}

describe("seqlab detect on a simulated run", () => {
  let text: string;

  beforeAll(async () => {
    expect(await seqlab("detect", "--run", run, "--variant", "rules-only")).toBeUndefined();
    text = findingsOf(run, "rules-only");
  }, 120_000);

  it("writes valid GuardDuty findings, sequences among them, with only the API model's sequence fields", () => {
    const findings = text.trim().split("\n").map((l) => findingSchema.parse(JSON.parse(l)) as Finding);
    const sequences = findings.filter((f) => f.type.startsWith("AttackSequence:"));
    expect(sequences.length).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(sequences.length);
    const model = new Set((JSON.parse(readRealdata("guardduty/sequence_fields.json")) as { guardduty: { fields: { path: string }[] } }).guardduty.fields.map((f) => f.path));
    const used = new Set<string>();
    for (const f of sequences) paths(f.service.detection!.sequence, "service.detection.sequence", used);
    expect([...used].filter((p) => !model.has(p))).toEqual([]);
    for (const f of sequences) {
      expect(f.severity).toBeGreaterThanOrEqual(9);
      expect(f.seqlab.eventIds.length).toBeGreaterThan(0);
      if (f.seqlab.score >= f.seqlab.threshold) expect(f.seqlab.markers.length).toBeGreaterThan(0);
    }
  });

  it("accounts for every record and is reproducible byte for byte", async () => {
    const summary = JSON.parse(readFileSync(join(run, "findings", "rules-only.summary.json"), "utf8"));
    expect(summary.records.read).toBeGreaterThan(100_000);
    expect(summary.records.rejected).toBe(0);
    expect(summary.records.used).toBeLessThanOrEqual(summary.records.read);
    expect(await seqlab("detect", "--run", run, "--variant", "rules-only")).toBeUndefined();
    expect(findingsOf(run, "rules-only")).toBe(text);
  }, 120_000);

  it("runs several variants in one call, each on the whole input", async () => {
    const out = mkdtempSync(join(tmpdir(), "seqlab-detect-multi-"));
    try {
      cpSync(run, out, { recursive: true });
      expect(await seqlab("detect", "--run", out, "--variant", "first-seen", "rules-only")).toBeUndefined();
      expect(findingsOf(out, "rules-only")).toBe(text);
      const summaries = ["first-seen", "rules-only"].map((v) => JSON.parse(readFileSync(join(out, "findings", `${v}.summary.json`), "utf8")));
      expect(summaries[0].records).toEqual(summaries[1].records);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);

  it("finds the smoke suite's attacks when eval scores it", async () => {
    expect(await seqlab("eval", "--run", run, "--variant", "rules-only")).toBeUndefined();
    const report = JSON.parse(readFileSync(join(run, "eval", "rules-only.json"), "utf8")) as EvalReport;
    expect(report.sequence.attackCampaigns).toBeGreaterThan(0);
    expect(report.sequence.recall).toBeGreaterThanOrEqual(2 / 3);
    expect(report.alertReduction.foundationalFindings).toBeGreaterThan(report.alertReduction.sequenceFindings);
  }, 120_000);

  it("reads anyone's own files with --input, counting a broken line, and stops at it with --strict", async () => {
    const input = join(base, "export");
    const account = listFiles(join(run, "events", "AWSLogs"))[0]!.split("/")[0]!;
    cpSync(join(run, "events", "AWSLogs", account, "CloudTrail"), join(input, "CloudTrail"), { recursive: true });
    const first = JSON.parse(findingsOf(run, "rules-only").split("\n")[0]!) as Finding;
    writeFileSync(join(input, "extra.ndjson"), `{"eventVersion": "1.09", "broken\n`);
    const out = join(base, "mine");
    mkdirSync(out);
    expect(await seqlab("detect", "--input", input, "--out", out, "--variant", "rules-only")).toBeUndefined();
    const summary = JSON.parse(readFileSync(join(out, "findings", "rules-only.summary.json"), "utf8"));
    expect(summary.records.rejected).toBe(1);
    expect(summary.records.used).toBeGreaterThan(1000);
    expect(summary.split).toMatch(/first 50%/);
    expect(first.seqlab.variant).toBe("rules-only");
    const error = await seqlab("detect", "--input", input, "--out", out, "--variant", "rules-only", "--strict");
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain("extra.ndjson:1");
  }, 120_000);

  it.each([
    [["detect"], /either --run DIR/],
    [["detect", "--input", "x"], /--input needs --out/],
    [["detect", "--run", "/nonexistent"], /no events\/ folder/],
    [["detect", "--run", run, "--variant", "fulll"], /did you mean "full"/],
    [["detect", "--run", run, "--inventory", "/nonexistent.json"], /--inventory \/nonexistent\.json: no such file/],
    [["detect", "--run", run, "--variant", "rules-only", "full", "--model", firstSeenModel], /holds a "first-seen" model, but variant "full" learns a "embedding" one/],
    [["detect", "--run", run, "--model", notAModel], /--model .*not-a-model\.json: model file: kind/],
  ])("refuses %j with a clear message", async (args, message) => {
    const error = await seqlab(...args);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(message);
  });
});
