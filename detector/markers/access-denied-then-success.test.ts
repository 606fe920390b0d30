import { describe, expect, it } from "vitest";
import marker from "./access-denied-then-success.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();
const DENIED = ["iam:ListUsers", "iam:CreateUser", "s3:ListBuckets", "ec2:DescribeInstances", "secretsmanager:ListSecrets"];
const denials = () => DENIED.map((action, i) => signal({ minute: i, activity: { action, error: "AccessDenied" } }));

describe("access-denied-then-success", () => {
  it("fires when refusals on several APIs are followed by a successful change, naming them", () => {
    const ok = signal({ minute: 9, tactic: "TA0003", activity: { action: "iam:CreateAccessKey", readOnly: false } });
    const f = marker.evaluate(candidate([...denials(), ok]), ctx)!;
    expect(f.indicators[0]).toEqual({ key: "ACCESS_DENIED_BURST", values: DENIED, title: expect.any(String) });
    expect(f.evidence).toBe("alice was refused 5 times on 5 APIs (iam:ListUsers, iam:CreateUser, s3:ListBuckets, ec2:DescribeInstances, secretsmanager:ListSecrets), then succeeded at iam:CreateAccessKey");
  });

  it("fires when a previously refused read later succeeds, counting a burst signal's calls", () => {
    const burst = signal({ minute: 0, activityIds: Array.from({ length: 30 }, (_, i) => `d${i}`), activity: { action: "s3:ListBuckets", error: "AccessDenied" } });
    const c = candidate([burst, ...denials().slice(0, 2), signal({ minute: 8, activity: { action: "s3:ListBuckets" } })]);
    expect(marker.evaluate(c, ctx)!.evidence).toContain("refused 32 times on 3 APIs");
  });

  it("does not fire when refusals are followed only by other reads (a scanner), or are too few", () => {
    expect(marker.evaluate(candidate([...denials(), signal({ minute: 9, activity: { action: "ec2:DescribeVpcs" } })]), ctx)).toBeUndefined();
    const few = denials().slice(0, 2);
    expect(marker.evaluate(candidate([...few, signal({ minute: 9, activity: { action: "iam:CreateAccessKey", readOnly: false } })]), ctx)).toBeUndefined();
  });

  it("does not fire when the success came before the refusals", () => {
    expect(marker.evaluate(candidate([signal({ minute: -5, activity: { action: "iam:CreateAccessKey", readOnly: false } }), ...denials()]), ctx)).toBeUndefined();
  });
});
