/**
 * `seqlab demo` on a tiny run already in --out (simulating the default estate would take minutes):
 * it keeps the run, detects with the main variants, evaluates and writes the report; and it never
 * takes over a folder that is not a seqlab run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../simulator/run.ts";
import { listFiles } from "../simulator/testing.ts";
import { DEMO_DEFAULTS } from "./demo.ts";
import { seqlab } from "./testing.ts";
import { UsageError } from "./errors.ts";

const base = mkdtempSync(join(tmpdir(), "seqlab-demo-"));
const run = join(base, "run");

beforeAll(async () => {
  await simulate({ config: { seed: 3, days: 2, historyDays: 1, accounts: 4, suite: "smoke", start: "2026-10-05" }, outDir: run, workers: 2, command: "test" });
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("seqlab demo", () => {
  it("keeps the complete run in --out, detects with the main variants, evaluates and writes the report", async () => {
    const manifest = readFileSync(join(run, "manifest.json"));
    expect(await seqlab("demo", "--out", run)).toBeUndefined();
    expect(readFileSync(join(run, "manifest.json")).equals(manifest)).toBe(true);
    for (const variant of DEMO_DEFAULTS.variants) {
      expect(existsSync(join(run, "findings", `${variant}.provenance.json`))).toBe(true);
      expect(JSON.parse(readFileSync(join(run, "eval", `${variant}.json`), "utf8")).variant).toBe(variant);
    }
    const html = readFileSync(join(run, "report.html"), "utf8");
    for (const variant of DEMO_DEFAULTS.variants) expect(html).toContain(variant);
    expect(existsSync(join(run, "attack-navigator.json"))).toBe(true);
  });

  it("refuses a folder that is not a seqlab run and leaves it alone", async () => {
    const dir = join(base, "notes");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    const error = await seqlab("demo", "--out", dir);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(/not a seqlab run/);
    expect(listFiles(dir)).toEqual(["notes.txt"]);
  });
});
