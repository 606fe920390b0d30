/**
 * Detection provenance: findings are reused only when the variant config, the run and the
 * findings file are the ones stamped; a run's timings do not count.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadVariant } from "../detector/variant.ts";
import { detectorFingerprint, isDetectionCurrent, stampDetection } from "./detection-provenance.ts";

let run: string;
const variant = loadVariant("rules-only");
const manifest = { tool: "seqlab", config: { seed: 1, days: 2 }, counts: { events: 10 }, command: "npm run simulate -- --out a", timings: { seconds: 1.5 } };
const write = (file: string, text: string) => writeFileSync(join(run, file), text);

beforeEach(async () => {
  run = mkdtempSync(join(tmpdir(), "seqlab-provenance-"));
  mkdirSync(join(run, "findings"));
  write("manifest.json", JSON.stringify(manifest));
  write("findings/rules-only.ndjson", '{"id":"a"}\n');
  write("findings/rules-only.summary.json", "{}\n");
  await stampDetection(run, variant);
});

afterEach(() => rmSync(run, { recursive: true, force: true }));

describe("detection provenance", () => {
  it("holds the variant, its config, the detector, the run and the findings as hashes", () => {
    const stamp = JSON.parse(readFileSync(join(run, "findings", "rules-only.provenance.json"), "utf8"));
    expect(stamp.variant).toBe("rules-only");
    expect(stamp.detector).toBe(detectorFingerprint());
    for (const key of ["variantConfig", "detector", "run", "findings"]) expect(stamp[key]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reuses stamped findings, also after the run's timings and command changed", () => {
    expect(isDetectionCurrent(run, variant)).toBe(true);
    write("manifest.json", JSON.stringify({ ...manifest, command: "npm run simulate -- --out b", timings: { seconds: 9 } }));
    expect(isDetectionCurrent(run, variant)).toBe(true);
  });

  it("detects again when the findings were overwritten", () => {
    write("findings/rules-only.ndjson", '{"id":"b"}\n');
    expect(isDetectionCurrent(run, variant)).toBe(false);
  });

  it("detects again when the run was made differently", () => {
    write("manifest.json", JSON.stringify({ ...manifest, counts: { events: 11 } }));
    expect(isDetectionCurrent(run, variant)).toBe(false);
  });

  it("detects again when the variant config changed", () => {
    expect(isDetectionCurrent(run, { ...variant, threshold: variant.threshold + 1 })).toBe(false);
  });

  it("detects again without a summary, a stamp, or with a torn stamp", () => {
    rmSync(join(run, "findings", "rules-only.summary.json"));
    expect(isDetectionCurrent(run, variant)).toBe(false);
    write("findings/rules-only.summary.json", "{}\n");
    write("findings/rules-only.provenance.json", '{"variant":');
    expect(isDetectionCurrent(run, variant)).toBe(false);
    rmSync(join(run, "findings", "rules-only.provenance.json"));
    expect(isDetectionCurrent(run, variant)).toBe(false);
  });
});
