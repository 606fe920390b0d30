import { describe, expect, it } from "vitest";
import marker from "./scanner-routine.ts";
import { ACCOUNT, candidate, context, fakeBaseline, signal } from "./testing.ts";

const SCANNER = `arn:aws:iam::${ACCOUNT}:role/security-SecurityAudit-Scanner`;
const APIS = ["iam:ListUsers", "s3:GetBucketPolicy", "ec2:DescribeInstances", "kms:ListKeys", "guardduty:ListDetectors"];
const sweep = (actor = SCANNER, refused = true) =>
  APIS.map((action, i) => signal({ minute: i, activity: { actor, actorType: "AssumedRole", action, ...(refused && i > 0 ? { error: "AccessDenied" } : {}) } }));
const ctx = context({
  baseline: fakeBaseline({
    actors: [
      { key: SCANNER, actorType: "AssumedRole", tokens: APIS.map((a) => `api:${a}`), activeDays: 10, dailyP95: { errors: 140 } },
      { key: `arn:aws:iam::${ACCOUNT}:user/alice`, tokens: APIS.map((a) => `api:${a}`), activeDays: 10, dailyP95: { errors: 1 } },
    ],
  }),
});

describe("scanner-routine", () => {
  it("dampens a refused read-only sweep its actor runs every day, naming the actor and its history", () => {
    const f = marker.evaluate(candidate(sweep()), ctx)!;
    expect(f.indicators).toEqual([]);
    expect(f.evidence).toBe("all 5 signals are read-only discovery, 80% refused, matching the history of security-SecurityAudit-Scanner (5 of 5 APIs habitual, p95 of 140 refusals a day over 10 active days)");
    expect(marker.weight).toBeLessThan(0);
  });

  it("does not dampen when the sweep includes a change", () => {
    const c = candidate([...sweep(), signal({ minute: 9, activity: { actor: SCANNER, action: "iam:CreateAccessKey", readOnly: false } })]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("does not dampen an actor whose history shows no refusals, or a sweep that mostly succeeds", () => {
    expect(marker.evaluate(candidate(sweep(`arn:aws:iam::${ACCOUNT}:user/alice`)), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate(sweep(SCANNER, false)), ctx)).toBeUndefined();
  });

  it("does not dampen an actor new to history", () => {
    expect(marker.evaluate(candidate(sweep(`arn:aws:iam::${ACCOUNT}:role/new-scanner`)), ctx)).toBeUndefined();
  });
});
