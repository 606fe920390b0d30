import { describe, expect, it } from "vitest";
import marker from "./own-routine.ts";
import { ACCOUNT, IP, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const HABIT = ["api:iam:ListUsers", "api:s3:ListBuckets", "asn:7922", "agent:aws-cli", "region:us-east-1"];
const ctx = context({
  baseline: fakeBaseline({
    actors: [
      { key: USER, tokens: HABIT, activeDays: 12 },
      { key: BOB, tokens: [...HABIT, "api:ec2:DescribeInstances"], activeDays: 12 },
      { key: `arn:aws:iam::${ACCOUNT}:user/newbie`, tokens: HABIT, activeDays: 1 },
    ],
  }),
});

describe("own-routine", () => {
  it("dampens signals whose every token the actor used, naming the actor", () => {
    const f = marker.evaluate(candidate([signal({ activity: { action: "iam:ListUsers" } }), signal({ activity: { action: "s3:ListBuckets" } })]), ctx)!;
    expect(f.evidence).toBe("all 2 signals repeat behaviour seen in history for alice (12 active days)");
  });

  it("accepts tokens its peer group used and names them", () => {
    const f = marker.evaluate(candidate([signal({ activity: { action: "ec2:DescribeInstances" } })]), ctx)!;
    expect(f.evidence).toContain("from its peers: api:ec2:DescribeInstances");
  });

  it("does not dampen data handed to another cloud account, however familiar the call", () => {
    const upload = signal({ type: "Exfiltration:S3/ObjectsCopiedToUnknownBucket", tactic: "TA0010", technique: "T1537", activity: { action: "iam:ListUsers" } });
    expect(marker.evaluate(candidate([signal({ activity: { action: "iam:ListUsers" } }), upload]), ctx)).toBeUndefined();
  });

  it("does not dampen a new network, a new API, a high-risk call, a Tor caller or a short history", () => {
    expect(marker.evaluate(candidate([signal({ activity: { action: "iam:ListUsers", sourceIp: IP.vps } })]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ activity: { action: "iam:ListAccessKeys" } })]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ activity: { action: "cloudtrail:StopLogging", readOnly: false } })]), context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: [...HABIT, "api:cloudtrail:StopLogging"] }] }) }))).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ activity: { action: "iam:ListUsers", sourceIp: IP.tor } })]), context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: [...HABIT, "asn:208294"] }] }) }))).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ activity: { actor: `arn:aws:iam::${ACCOUNT}:user/newbie`, action: "iam:ListUsers" } })]), ctx)).toBeUndefined();
  });
});
