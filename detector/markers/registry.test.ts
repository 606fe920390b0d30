/**
 * The marker registry: one marker per file with id = file name, every marker file registered, no
 * stale or duplicate ids, sane weights and indicator keys, and "did you mean" for unknown ids.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { MarkerDefinition } from "../marker.ts";
import { MARKERS, markerById } from "./registry.ts";

const here = dirname(fileURLToPath(import.meta.url));
// A marker file is one that declares a marker; helpers (calls, evidence, catalogue, registry, score, testing) do not.
const markerFiles = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && readFileSync(join(here, f), "utf8").includes("defineMarker({"))
  .sort();

describe("marker registry", () => {
  it("has at least 12 markers, at least one of them dampening", () => {
    expect(MARKERS.length).toBeGreaterThanOrEqual(12);
    expect(MARKERS.some((m) => m.weight < 0)).toBe(true);
  });

  it.each(markerFiles)("%s default-exports a registered marker whose id is its file name, with tests beside it", async (file) => {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: MarkerDefinition };
    expect(mod.default, `${file} has no default export`).toBeDefined();
    expect(mod.default!.id).toBe(basename(file, ".ts"));
    expect(MARKERS).toContain(mod.default);
    expect(readdirSync(here)).toContain(`${basename(file, ".ts")}.test.ts`);
  });

  it("registers no stale or duplicate ids", () => {
    const ids = MARKERS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(markerFiles.map((f) => basename(f, ".ts")));
  });

  it.each(MARKERS.map((m) => [m.id, m] as const))("%s has a finite non-zero weight, a title and UPPER_SNAKE indicator keys", (_id, m) => {
    expect(Number.isFinite(m.weight) && m.weight !== 0).toBe(true);
    expect(m.title.length).toBeGreaterThan(0);
    for (const key of m.indicatorKeys) expect(key).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(new Set(m.indicatorKeys).size).toBe(m.indicatorKeys.length);
  });

  it("answers an unknown id with a did-you-mean suggestion and the known ids", () => {
    expect(markerById("high-risk-api")).toBe(MARKERS.find((m) => m.id === "high-risk-api"));
    expect(() => markerById("high-risk-apis")).toThrow(/unknown marker "high-risk-apis" \(did you mean "high-risk-api"\?\)/);
    expect(() => markerById("no-such-marker")).toThrow(/kill-chain-progression/);
  });
});
