import { describe, expect, it } from "vitest";
import marker from "./messaging-hijack.ts";
import { USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const probe = (minute: number, region: string) => signal({ minute, type: "Impact:IAMUser/MessagingAbuse", tactic: "TA0040", activity: { action: "ses:GetSendQuota", region } });
const setup = (minute: number, action = "ses:VerifyEmailIdentity", over = {}) =>
  signal({ minute, type: "Impact:IAMUser/MessagingAbuse", tactic: "TA0040", activity: { action, readOnly: false, region: "us-west-2", ...over } });

describe("messaging-hijack", () => {
  it("fires when an identity that never set up sending probes quotas, then verifies senders", () => {
    const f = marker.evaluate(candidate([probe(0, "us-east-1"), probe(1, "eu-west-1"), setup(180), setup(181, "ses:UpdateAccountSendingEnabled")]), context())!;
    expect(f.evidence).toBe("alice, with no mail or SMS sending set up in history, probed ses:GetSendQuota (us-east-1, eu-west-1) and then called ses:VerifyEmailIdentity, ses:UpdateAccountSendingEnabled");
    expect(f.indicators[0]!.values).toEqual(["ses:VerifyEmailIdentity", "ses:UpdateAccountSendingEnabled"]);
  });

  it("fires on an SMS set-up after an SMS probe", () => {
    const smsProbe = signal({ minute: 0, activity: { action: "sns:GetSMSAttributes" } });
    expect(marker.evaluate(candidate([smsProbe, setup(30, "sns:SetSMSAttributes")]), context())).toBeDefined();
  });

  it("does not fire for an identity that sets up sending in its history", () => {
    const sender = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: ["api:ses:UpdateAccountSendingEnabled"] }] }) });
    expect(marker.evaluate(candidate([probe(0, "us-east-1"), setup(30)]), sender)).toBeUndefined();
  });

  it("does not fire on a set-up without a probe first, a probe alone, a refused set-up, or a new SNS topic", () => {
    expect(marker.evaluate(candidate([setup(0), probe(30, "us-east-1")]), context())).toBeUndefined();
    expect(marker.evaluate(candidate([probe(0, "us-east-1"), probe(1, "eu-west-1")]), context())).toBeUndefined();
    expect(marker.evaluate(candidate([probe(0, "us-east-1"), setup(30, "ses:VerifyEmailIdentity", { error: "AccessDenied" })]), context())).toBeUndefined();
    expect(marker.evaluate(candidate([probe(0, "us-east-1"), setup(30, "sns:CreateTopic")]), context())).toBeUndefined();
  });

  it("does not join one actor's probe with another's set-up", () => {
    expect(marker.evaluate(candidate([probe(0, "us-east-1"), setup(30, "ses:VerifyEmailIdentity", { actor: "arn:aws:iam::111111111111:user/bob" })]), context())).toBeUndefined();
  });
});
