import { describe, expect, it } from "vitest";
import marker from "./cross-account-role-chain.ts";
import { ACCOUNT, IP, OTHER_ACCOUNT, ROLE, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context();
const PROD_ROLE = `arn:aws:iam::${OTHER_ACCOUNT}:role/cross-account-readonly`;
const hop = signal({ minute: 0, tactic: "TA0008", activity: { actor: ROLE, actorType: "AssumedRole", action: "sts:AssumeRole", request: { roleArn: PROD_ROLE } } });
const inProd = (minute: number) => signal({ minute, activity: { actor: PROD_ROLE, actorType: "AssumedRole", account: OTHER_ACCOUNT, action: "s3:ListBuckets" } });

describe("cross-account-role-chain", () => {
  it("fires when a role assumed across accounts then acts, naming both accounts and roles", () => {
    const f = marker.evaluate(candidate([hop, inProd(5), inProd(9)]), ctx)!;
    expect(f.indicators).toEqual([{ key: "CROSS_ACCOUNT_ROLE_CHAIN", values: [ACCOUNT, OTHER_ACCOUNT], title: expect.any(String) }]);
    expect(f.evidence).toBe(`app-instance-role (${ACCOUNT}) assumed cross-account-readonly in ${OTHER_ACCOUNT}, which then raised 2 signals`);
  });

  it("weighs half again when a settled identity pivots from a network none of its habits", () => {
    const settled = context({ baseline: fakeBaseline({ actors: [{ key: ROLE, tokens: { "asn:16509": 400, "agent:boto3": 400 }, activeDays: 7 }] }) });
    const from = (sourceIp: string) => signal({ minute: 0, tactic: "TA0008", activity: { actor: ROLE, actorType: "AssumedRole", action: "sts:AssumeRole", request: { roleArn: PROD_ROLE }, sourceIp, agentFamily: "boto3" } });
    const stolen = marker.evaluate(candidate([from(IP.vps), inProd(5)]), settled)!;
    expect(stolen.weight).toBe(3.75);
    expect(stolen.evidence).toContain("in " + OTHER_ACCOUNT + " from somewhere else");
    expect(marker.evaluate(candidate([from(IP.aws), inProd(5)]), settled)!.weight).toBe(2.5);
    // A newcomer's network says nothing.
    expect(marker.evaluate(candidate([from(IP.vps), inProd(5)]), ctx)!.weight).toBe(2.5);
    // The owner's hop dates the chain; a thief's later hop of the same role still marks it.
    expect(marker.evaluate(candidate([from(IP.aws), signal({ ...from(IP.vps), minute: 3 }), inProd(5)]), settled)!.weight).toBe(3.75);
  });

  it("does not fire when the assumed role never acts, nor within one account", () => {
    const elsewhere = signal({ activity: { account: OTHER_ACCOUNT, actor: `arn:aws:iam::${OTHER_ACCOUNT}:user/zoe` } });
    expect(marker.evaluate(candidate([hop, elsewhere]), ctx)).toBeUndefined();
    const local = signal({ activity: { actor: ROLE, actorType: "AssumedRole", action: "sts:AssumeRole", request: { roleArn: `arn:aws:iam::${ACCOUNT}:role/deploy` } } });
    expect(marker.evaluate(candidate([local, signal({ activity: { actor: `arn:aws:iam::${ACCOUNT}:role/deploy` } })]), ctx)).toBeUndefined();
  });
});
