import { describe, expect, it } from "vitest";
import marker from "./defense-evasion.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();

describe("defense-evasion", () => {
  it("fires on successful evasion, naming the calls and what they hit", () => {
    const c = candidate([
      signal({ tactic: "TA0005", technique: "T1562.008", activity: { action: "cloudtrail:StopLogging", readOnly: false, resources: ["org-trail"] } }),
      signal({ tactic: "TA0005", technique: "T1562.001", activity: { action: "guardduty:DeleteDetector", readOnly: false } }),
    ]);
    const f = marker.evaluate(c, ctx)!;
    expect(f.indicators).toEqual([
      { key: "ATTACK_TACTIC", values: ["TA0005"], title: "Defense Evasion" },
      { key: "ATTACK_TECHNIQUE", values: ["T1562.008", "T1562.001"], title: expect.any(String) },
    ]);
    expect(f.evidence).toContain("cloudtrail:StopLogging on org-trail; guardduty:DeleteDetector");
    expect(f.weight).toBe(3);
  });

  it("does not fire on failed evasion attempts or on other tactics", () => {
    const c = candidate([
      signal({ tactic: "TA0005", activity: { action: "cloudtrail:StopLogging", error: "AccessDenied" } }),
      signal({ tactic: "TA0007", activity: { action: "cloudtrail:DescribeTrails" } }),
    ]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });
});
