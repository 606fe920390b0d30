import { describe, expect, it } from "vitest";
import marker from "./kill-chain-progression.ts";
import { candidate, context, IP, signal } from "./testing.ts";

const ctx = context();

describe("kill-chain-progression", () => {
  it("fires on access → persistence → evasion → impact, naming tactics and techniques", () => {
    const c = candidate([
      signal({ minute: 0, tactic: "TA0001", technique: "T1078.004" }),
      signal({ minute: 5, tactic: "TA0007", technique: "T1087.004" }),
      signal({ minute: 9, tactic: "TA0003", technique: "T1098.001" }),
      signal({ minute: 12, tactic: "TA0005", technique: "T1562.008" }),
    ]);
    const f = marker.evaluate(c, ctx);
    expect(f).toBeDefined();
    expect(f!.indicators.find((i) => i.key === "ATTACK_TACTIC")!.values).toEqual(["TA0001", "TA0007", "TA0003", "TA0005"]);
    expect(f!.indicators.find((i) => i.key === "ATTACK_TECHNIQUE")!.values).toContain("T1562.008");
    expect(f!.evidence).toMatch(/Initial Access \(TA0001\) → Discovery \(TA0007\)/);
    expect(f!.weight).toBeGreaterThan(marker.weight);
  });

  it("does not fire on two tactics however many signals", () => {
    const c = candidate([0, 1, 2, 3].map((m) => signal({ minute: m, tactic: m % 2 ? "TA0007" : "TA0009" })));
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("does not fire when the tactics run backwards along the chain", () => {
    const c = candidate([signal({ minute: 0, tactic: "TA0040" }), signal({ minute: 1, tactic: "TA0010" }), signal({ minute: 2, tactic: "TA0003" })]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("reads the chain per source address, so the owner's earlier signals from home do not scramble a thief's", () => {
    const home = { sourceIp: IP.home };
    const thief = { sourceIp: IP.vps };
    const c = candidate([
      signal({ minute: 0, tactic: "TA0007", activity: home }),
      signal({ minute: 1, tactic: "TA0006", activity: home }),
      signal({ minute: 60, tactic: "TA0001", activity: thief }),
      signal({ minute: 61, tactic: "TA0007", activity: thief }),
      signal({ minute: 90, tactic: "TA0010", activity: thief }),
    ]);
    // As one chain: Discovery → Credential Access → Initial Access → Exfiltration, one step in three forward.
    const f = marker.evaluate(c, ctx);
    expect(f).toBeDefined();
    expect(f!.evidence).toContain(`from ${IP.vps}`);
    expect(f!.indicators.find((i) => i.key === "ATTACK_TACTIC")!.values).toEqual(["TA0001", "TA0007", "TA0010"]);
    // The same signals from one address stay a scrambled chain.
    const one = candidate(c.signals.map((s) => ({ ...s, activity: { ...s.activity, sourceIp: IP.home } })));
    expect(marker.evaluate(one, ctx)).toBeUndefined();
    // Private addresses repeat across VPCs: they name no operator.
    const inVpcs = candidate(c.signals.map((s) => ({ ...s, activity: { ...s.activity, sourceIp: s.activity.sourceIp === IP.vps ? "10.0.1.5" : "10.0.9.9" } })));
    expect(marker.evaluate(inVpcs, ctx)).toBeUndefined();
  });

  it("asks one address's chain to go forward at every step", () => {
    const thief = { sourceIp: IP.vps };
    const c = candidate([
      signal({ minute: 0, tactic: "TA0007", activity: { sourceIp: IP.home } }),
      signal({ minute: 1, tactic: "TA0006", activity: { sourceIp: IP.home } }),
      signal({ minute: 60, tactic: "TA0001", activity: thief }),
      signal({ minute: 61, tactic: "TA0010", activity: thief }),
      signal({ minute: 90, tactic: "TA0007", activity: thief }),
    ]);
    // The thief's own order, Initial Access → Exfiltration → Discovery, steps back once.
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("ignores tactic ids it does not know instead of throwing", () => {
    const c = candidate([signal({ tactic: "TA9999" }), signal({ tactic: "TA0001" }), signal({ tactic: "TA0003" })]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });
});
