import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GUARDDUTY_INDICATOR_KEYS } from "../../schema/finding.ts";
import { tactic, technique } from "../../schema/attack.ts";
import { createSignalEngine, selectDefinitions } from "./engine.ts";
import { SIGNAL_DEFINITIONS } from "./registry.ts";
import { EVAL, INTEL, fakeModel } from "./testing.ts";
import { buildBaseline } from "../baseline.ts";

const files = readdirSync(new URL("./rules/", import.meta.url))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.slice(0, -3))
  .sort();

describe("signal registry", () => {
  it("lists every rule file once, with id = file name", () => {
    const ids = SIGNAL_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files);
  });

  it("has at least 20 signal types over every source", () => {
    expect(new Set(SIGNAL_DEFINITIONS.flatMap((d) => [d.type, ...(d.types ?? [])])).size).toBeGreaterThanOrEqual(20);
    expect(new Set(SIGNAL_DEFINITIONS.flatMap((d) => d.sources))).toEqual(new Set(["cloudtrail", "vpc-flow", "route53-resolver", "runtime"]));
  });

  it("uses known ATT&CK ids, kebab-case ids, GuardDuty-shaped types, CloudTrail-shaped actions and severities", () => {
    for (const d of SIGNAL_DEFINITIONS) {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(tactic(d.tactic), d.id).toBeDefined();
      if (d.technique) expect(technique(d.technique), d.id).toBeDefined();
      for (const t of [d.type, ...(d.types ?? [])]) expect(t).toMatch(/^[A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9.&!]+$/);
      for (const action of d.actions ?? []) expect(action, d.id).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      if (d.actions) expect(d.actions.length, d.id).toBeGreaterThan(0);
      expect(d.severity).toBeGreaterThanOrEqual(1);
      expect(d.severity).toBeLessThan(9);
    }
    expect(GUARDDUTY_INDICATOR_KEYS).toContain("UNUSUAL_ASN_FOR_USER");
  });

  it("selects subsets by id or type and rejects unknown names with a suggestion", () => {
    expect(selectDefinitions(SIGNAL_DEFINITIONS, ["tor-ip-caller"]).map((d) => d.id)).toEqual(["tor-ip-caller"]);
    expect(selectDefinitions(SIGNAL_DEFINITIONS, ["PenTest:IAMUser/ParrotLinux"]).map((d) => d.id)).toEqual(["pentest-user-agent"]);
    expect(() => selectDefinitions(SIGNAL_DEFINITIONS, ["tor-ip-caler"])).toThrow(/did you mean "tor-ip-caller"/);
    const engine = createSignalEngine({ baseline: buildBaseline([], INTEL, EVAL), model: fakeModel(), intel: INTEL, types: ["reverse-shell"] });
    expect(engine.definitions).toHaveLength(1);
  });
});
