import { describe, expect, it } from "vitest";
import marker from "./cross-account-role-chain.ts";
import { ACCOUNT, OTHER_ACCOUNT, ROLE, candidate, context, signal } from "./testing.ts";

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

  it("does not fire when the assumed role never acts, nor within one account", () => {
    const elsewhere = signal({ activity: { account: OTHER_ACCOUNT, actor: `arn:aws:iam::${OTHER_ACCOUNT}:user/zoe` } });
    expect(marker.evaluate(candidate([hop, elsewhere]), ctx)).toBeUndefined();
    const local = signal({ activity: { actor: ROLE, actorType: "AssumedRole", action: "sts:AssumeRole", request: { roleArn: `arn:aws:iam::${ACCOUNT}:role/deploy` } } });
    expect(marker.evaluate(candidate([local, signal({ activity: { actor: `arn:aws:iam::${ACCOUNT}:role/deploy` } })]), ctx)).toBeUndefined();
  });
});
