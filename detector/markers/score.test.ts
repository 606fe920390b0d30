import { describe, expect, it } from "vitest";
import { defineMarker, type MarkerDefinition } from "../marker.ts";
import { MARKERS } from "./registry.ts";
import { effectiveWeight, evaluateMarkers } from "./score.ts";
import { IP, MINUTE, T0, candidate, context, signal } from "./testing.ts";

const fixed = (id: string, weight: number, graded?: number): MarkerDefinition =>
  defineMarker({ id, title: id, weight, indicatorKeys: ["X"], evaluate: () => ({ indicators: [{ key: "X", values: [id] }], evidence: `${id} fired`, weight: graded }) });
const silent = defineMarker({ id: "silent", title: "silent", weight: 5, indicatorKeys: [], evaluate: () => undefined });

describe("evaluateMarkers", () => {
  it("reports fired markers in the given order with their evidence, indicators and total", () => {
    const r = evaluateMarkers(candidate([signal()]), context(), [fixed("b", 2), silent, fixed("a", -1)]);
    expect(r.fired).toEqual([
      { id: "b", weight: 2, evidence: "b fired", indicators: [{ key: "X", values: ["b"] }] },
      { id: "a", weight: -1, evidence: "a fired", indicators: [{ key: "X", values: ["a"] }] },
    ]);
    expect(r.total).toBe(1);
  });

  it("clamps graded weights to the declared sign and twice its magnitude", () => {
    const r = evaluateMarkers(candidate([signal()]), context(), [fixed("big", 2, 10), fixed("flip", 2, -3), fixed("damp", -2, -9), fixed("nan", 1.5, Number.NaN)]);
    expect(r.fired.map((f) => f.weight)).toEqual([4, 0, -4, 1.5]);
    expect(effectiveWeight(3, 4.5)).toBe(4.5);
    expect(effectiveWeight(-3, -1)).toBe(-1);
  });

  it("names the marker and candidate when a marker throws", () => {
    const broken = defineMarker({ id: "broken", title: "broken", weight: 1, indicatorKeys: [], evaluate: () => { throw new Error("boom"); } });
    expect(() => evaluateMarkers(candidate([signal()], "cand-7"), context(), [broken])).toThrow('marker "broken" failed on candidate "cand-7": boom');
  });

  it("scores an attack-like candidate well above a benign-looking one with the registry", () => {
    const attack = candidate([
      signal({ minute: 0, tactic: "TA0001", type: "UnauthorizedAccess:IAMUser/TorIPCaller", activity: { sourceIp: IP.tor } }),
      signal({ minute: 5, tactic: "TA0007", activity: { action: "iam:ListUsers", sourceIp: IP.tor } }),
      signal({ minute: 9, tactic: "TA0003", type: "Persistence:IAMUser/AnomalousBehavior", activity: { action: "iam:CreateAccessKey", readOnly: false, request: { userName: "bob" }, sourceIp: IP.tor } }),
      signal({ minute: 12, tactic: "TA0005", type: "Stealth:IAMUser/CloudTrailLoggingDisabled", activity: { action: "cloudtrail:StopLogging", readOnly: false, sourceIp: IP.tor } }),
    ]);
    const benign = candidate([signal({ minute: 0 }), signal({ minute: 3 })]);
    const a = evaluateMarkers(attack, context(), MARKERS);
    const b = evaluateMarkers(benign, context(), MARKERS);
    expect(a.fired.map((f) => f.id)).toEqual(["kill-chain-progression", "high-risk-api", "threat-intel-hit", "defense-evasion", "persistence"]);
    expect(a.total).toBeGreaterThan(10);
    expect(b.total).toBeLessThan(0);
  });

  it("evaluates every marker over a thousand signals", () => {
    const many = candidate(Array.from({ length: 1000 }, (_, i) => signal({ time: T0 + i * MINUTE, tactic: i % 3 ? "TA0007" : "TA0009", activity: { action: `s3:List${i % 40}`, resources: [`b${i % 50}`] } })));
    const r = evaluateMarkers(many, context(), MARKERS);
    expect(r.fired.length).toBeGreaterThan(0);
  });
});
