import { describe, expect, it } from "vitest";
import { TACTICS, technique as techniqueById } from "../schema/attack.ts";
import { navigatorLayer, tacticShortName } from "./navigator.ts";
import { sampleReportInput } from "./testing.ts";

/** ATT&CK's own short names of the enterprise tactics. */
const SHORT_NAMES = ["reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact"];

describe("tacticShortName", () => {
  it("gives ATT&CK's short name of every tactic", () => {
    expect(TACTICS.map((t) => tacticShortName(t.id))).toEqual(SHORT_NAMES);
  });
});

describe("navigatorLayer", () => {
  const input = sampleReportInput({ runs: 2 });
  const layer = navigatorLayer(input);

  it("has the layer format 4.5 fields the Navigator requires", () => {
    expect(layer.name).toBe("seqlab coverage: full");
    expect(layer.versions).toEqual({ attack: expect.stringMatching(/^\d+$/), navigator: expect.stringMatching(/^\d+\.\d+\.\d+$/), layer: "4.5" });
    expect(layer.domain).toBe("enterprise-attack");
    expect(layer.gradient.colors.length).toBeGreaterThanOrEqual(2);
    expect(layer.gradient.colors.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
    expect(layer.gradient.minValue).toBeLessThan(layer.gradient.maxValue);
    expect(layer.legendItems.length).toBeGreaterThan(0);
    for (const item of layer.legendItems) expect(item).toEqual({ label: expect.any(String), color: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
    // Round-trips through JSON as the CLI writes it.
    expect(JSON.parse(JSON.stringify(layer))).toEqual(layer);
  });

  it("annotates exactly the tactic and technique pairs of the attack campaigns' truth", () => {
    const truthPairs = new Set(input.runs.flatMap((r) => r.campaigns.filter((c) => c.kind === "attack").flatMap((c) => c.stages.map((s) => `${s.technique}@${tacticShortName(s.tactic)}`))));
    const layerPairs = layer.techniques.map((t) => `${t.techniqueID}@${t.tactic}`);
    expect(new Set(layerPairs)).toEqual(truthPairs);
    expect(layerPairs).toHaveLength(truthPairs.size);
    for (const t of layer.techniques) {
      expect(t.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(techniqueById(t.techniqueID)).toBeDefined();
      expect(SHORT_NAMES).toContain(t.tactic);
      expect(t.enabled).toBe(true);
      expect(t.score).toBeGreaterThanOrEqual(0);
      expect(t.score).toBeLessThanOrEqual(100);
    }
  });

  it("scores the share of stage instances the first variant covered", () => {
    // Independent count: stage instances of attack campaigns whose stage some full-variant sequence covered.
    const present = new Map<string, number>();
    const covered = new Map<string, number>();
    for (const run of input.runs) {
      for (const c of run.campaigns.filter((x) => x.kind === "attack")) for (const s of c.stages) present.set(s.technique + s.tactic, (present.get(s.technique + s.tactic) ?? 0) + 1);
      const stages = new Map<string, { tactic: string; technique: string }>();
      for (const seq of run.variants.find((v) => v.variant === "full")!.sequences)
        for (const s of seq.truth?.kind === "attack" ? seq.truth.stages : []) if (s.covered) stages.set(s.id, s);
      for (const s of stages.values()) covered.set(s.technique + s.tactic, (covered.get(s.technique + s.tactic) ?? 0) + 1);
    }
    const scored = layer.techniques.map((t) => {
      const tactic = TACTICS.find((x) => tacticShortName(x.id) === t.tactic)!.id;
      return [t.score, Math.round((100 * (covered.get(t.techniqueID + tactic) ?? 0)) / present.get(t.techniqueID + tactic)!)];
    });
    expect(scored.map(([a]) => a)).toEqual(scored.map(([, b]) => b));
    expect(scored.some(([a]) => a! > 0)).toBe(true);
    expect(layer.techniques.every((t) => t.metadata.map((m) => m.name).join() === "full,rules-only,first-seen")).toBe(true);
  });
});
