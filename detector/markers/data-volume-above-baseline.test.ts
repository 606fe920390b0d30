import { describe, expect, it } from "vitest";
import marker from "./data-volume-above-baseline.ts";
import { ROLE, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);
const read = (n: number, bytes: number, actor = USER, minute = 0) =>
  signal({ minute, tactic: "TA0009", activityIds: ids(n, `${actor}-${minute}`), activity: { actor, action: "s3:GetObject", resources: ["prod-customer-pii"], bytes } });

describe("data-volume-above-baseline", () => {
  const ctx = context({ baseline: fakeBaseline({ actors: [{ key: USER, dailyP95: { reads: 200, bytes: 2e9 } }, { key: ROLE, actorType: "AssumedRole", dailyP95: { reads: 40, bytes: 1e7 } }] }) });

  it("fires when reads are far above the actor's daily p95, naming the numbers and the bucket", () => {
    const f = marker.evaluate(candidate([read(3000, 5e8, USER, 0), read(2000, 5e8, USER, 30)]), ctx)!;
    expect(f.indicators).toEqual([{ key: "SENSITIVE_DATA", values: ["prod-customer-pii"], title: expect.any(String) }]);
    expect(f.evidence).toContain("alice read 5000 times (1.0 GB) from prod-customer-pii: 25.0× the reference");
    expect(f.evidence).toContain("its daily p95 of 200 reads / 2.0 GB");
    expect(f.weight).toBeCloseTo(2 * (1 + Math.log10(5)));
  });

  it("does not fire within the actor's usual volume", () => {
    expect(marker.evaluate(candidate([read(300, 1e9)]), ctx)).toBeUndefined();
  });

  it("does not call a small read by a nearly idle actor far above (floors)", () => {
    expect(marker.evaluate(candidate([read(150, 1e6, ROLE)]), ctx)).toBeUndefined();
  });

  it("borrows the busiest peer's baseline for an actor new to history", () => {
    const newcomer = "arn:aws:iam::111111111111:user/carol";
    const f = marker.evaluate(candidate([read(2500, 0, newcomer)]), ctx)!;
    expect(f.evidence).toContain("its peers' daily p95 of 200 reads");
    expect(marker.evaluate(candidate([read(600, 0, newcomer)]), ctx)).toBeUndefined();
  });
});
