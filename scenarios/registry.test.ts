/**
 * The scenario registry and suites: one scenario per file with id = file name, every file
 * registered, no stale or duplicate ids, unknown ids answered with "did you mean", and suites
 * that only name known scenarios.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tactic, technique } from "../schema/attack.ts";
import type { ScenarioDefinition } from "./define.ts";
import { SCENARIOS, scenarioById } from "./registry.ts";
import { SUITES, suiteById } from "./suites.ts";

const here = dirname(fileURLToPath(import.meta.url));
const NOT_SCENARIOS = new Set(["attacker.ts", "define.ts", "docs.ts", "names.ts", "registry.ts", "suites.ts", "telltales.ts", "time.ts"]);
const scenarioFiles = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts") && !NOT_SCENARIOS.has(f))
  .sort();

async function loadScenarioFile(file: string): Promise<ScenarioDefinition> {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: ScenarioDefinition };
  expect(mod.default, `${file} has no default export`).toBeDefined();
  return mod.default!;
}

describe("scenario registry", () => {
  it("finds scenario files to check", () => {
    expect(scenarioFiles.length).toBeGreaterThan(0);
  });

  it.each(scenarioFiles)("%s exports a scenario whose id is its file name and that is registered", async (file) => {
    const scenario = await loadScenarioFile(file);
    expect(scenario.id).toBe(basename(file, ".ts"));
    expect(SCENARIOS).toContain(scenario);
    expect(scenarioById(scenario.id)).toBe(scenario);
  });

  it("registers no stale or duplicate ids", () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const fromFiles = scenarioFiles.map((f) => basename(f, ".ts"));
    expect([...ids].sort()).toEqual(fromFiles);
  });

  it("answers an unknown id with a did-you-mean suggestion and the known ids", () => {
    expect(() => scenarioById("leaked-acess-key-mining")).toThrow(/did you mean "leaked-access-key-mining"/);
    expect(() => scenarioById("leaked-acess-key-mining")).toThrow(/leaked-acess-key-mining/);
    for (const s of SCENARIOS) expect(() => scenarioById("no-such-scenario")).toThrow(s.id);
  });

  describe.each(SCENARIOS.map((s) => [s.id, s] as const))("%s", (_id, scenario) => {
    it("has unique stage ids and at least one required stage", () => {
      const ids = scenario.stages.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(scenario.stages.some((s) => !s.optional)).toBe(true);
    });

    it("groups only neighbouring declared stages for free order, each stage in one group at most", () => {
      const ids = scenario.stages.map((s) => s.id);
      const grouped = (scenario.freeOrder ?? []).flat();
      expect(new Set(grouped).size, grouped.join(", ")).toBe(grouped.length);
      for (const group of scenario.freeOrder ?? []) {
        const at = group.map((id) => ids.indexOf(id));
        expect(group.length, group.join(", ")).toBeGreaterThanOrEqual(2);
        expect(at, `${group.join(", ")}: undeclared stage`).not.toContain(-1);
        // Neighbours, so the group keeps one place in the declared order.
        expect(Math.max(...at) - Math.min(...at), `${group.join(", ")} are not neighbours in ${ids.join(", ")}`).toBe(group.length - 1);
      }
    });

    it("uses known ATT&CK tactics and techniques, each technique serving its stage's tactic", () => {
      for (const stage of scenario.stages) {
        expect(tactic(stage.tactic), `${stage.id}: tactic ${stage.tactic}`).toBeDefined();
        const t = technique(stage.technique);
        expect(t, `${stage.id}: technique ${stage.technique}`).toBeDefined();
        expect(t!.tactics, `${stage.id}: ${stage.technique} under ${stage.tactic}`).toContain(stage.tactic);
      }
    });

    it("declares a sequence type exactly when it is an attack, a positive duration and references", () => {
      expect(scenario.expectedSequenceType === null).toBe(scenario.kind === "benign");
      if (scenario.expectedSequenceType !== null) expect(scenario.expectedSequenceType).toMatch(/^AttackSequence:\w+\/\w+$/);
      expect(scenario.maxDurationHours).toBeGreaterThan(0);
      expect(scenario.references.length).toBeGreaterThan(0);
    });
  });
});

describe("suites", () => {
  it("have unique ids", () => {
    const ids = SUITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SUITES.map((s) => [s.id, s] as const))("%s references only known scenarios, each once, with some instances", (id, suite) => {
    const known = new Set(SCENARIOS.map((s) => s.id));
    for (const e of suite.entries) {
      expect(known.has(e.scenarioId), `${id} → ${e.scenarioId}`).toBe(true);
      expect(e.history).toBeGreaterThanOrEqual(0);
      expect(e.evaluation).toBeGreaterThanOrEqual(0);
    }
    const ids = suite.entries.map((e) => e.scenarioId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(suite.entries.reduce((n, e) => n + e.history + e.evaluation, 0)).toBeGreaterThan(0);
    expect(suiteById(id)).toBe(suite);
  });

  it("answers an unknown suite with a did-you-mean suggestion", () => {
    expect(() => suiteById("defualt")).toThrow(/did you mean "default"/);
  });
});
