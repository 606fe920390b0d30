import { describe, expect, it } from "vitest";
import { fromElsewhere, isHabit, ownClient, settledActor } from "./habits.ts";
import { IP, USER, activity, fakeBaseline, testIntel } from "./markers/testing.ts";

describe("actor habits", () => {
  it("trusts an actor's habits from three active days of history, and calls a token a habit from five uses", () => {
    const baselineWith = (activeDays: number) => fakeBaseline({ actors: [{ key: USER, tokens: { "api:s3:ListBuckets": 5, "api:iam:ListUsers": 4 }, activeDays }] });
    expect(settledActor(USER, baselineWith(2))).toBeUndefined();
    expect(settledActor("arn:aws:iam::111111111111:user/nobody", baselineWith(3))).toBeUndefined();
    const settled = settledActor(USER, baselineWith(3))!;
    expect(isHabit(settled, "api:s3:ListBuckets")).toBe(true);
    expect(isHabit(settled, "api:iam:ListUsers")).toBe(false);
    expect(isHabit(settled, "api:iam:GetUser")).toBe(false);
  });

  it("knows the caller's own client installation from five calls its holder made with it in history", () => {
    const cli = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0";
    const role = "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    const baseline = fakeBaseline({ clients: { [cli]: { [USER]: 5, "sso-user:ana@example.com": 9 }, "Boto3/1.34.71": { [USER]: 4 } } });
    const call = (over: object) => ({ actor: USER, actorType: "IAMUser" as const, userAgent: `${cli} md/command#iam.create-user`, ...over });
    expect(ownClient(call({}), baseline)).toBe(cli);
    expect(ownClient(call({ actor: role, actorType: "AssumedRole", session: "ana@example.com" }), baseline)).toBe(cli);
    expect(ownClient(call({ actor: role, actorType: "AssumedRole", session: "ben@example.com" }), baseline)).toBeUndefined();
    expect(ownClient(call({ userAgent: "Boto3/1.34.71" }), baseline)).toBeUndefined();
    expect(ownClient(call({ userAgent: undefined }), baseline)).toBeUndefined();
    // A workload's role, even with its usual SDK: only people travel with their device.
    const app = "arn:aws:iam::111111111111:role/app-instance-role";
    expect(ownClient(call({ actor: app, actorType: "AssumedRole", session: "i-0abc123def4567890" }), fakeBaseline({ clients: { [cli]: { [app]: 50 } } }))).toBeUndefined();
  });

  it("calls a settled identity's call from a Tor exit it never used, a known-bad address, or a known network none of its habits, not from its own device, somewhere else", () => {
    const intel = testIntel();
    const cli = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0";
    const baseline = fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40, "agent:aws-cli": 40 }, activeDays: 9 }], clients: { [cli]: { [USER]: 5 } } });
    const from = (sourceIp: string, over = {}) => fromElsewhere(activity({ sourceIp, ...over }), baseline, intel);
    expect([from(IP.vps), from(IP.tor), from(IP.bad), from(IP.home)]).toEqual([true, true, true, false]);
    // A new tool at the usual desk, an unknown network, the owner's own device on the move: not elsewhere.
    expect([from(IP.home, { agentFamily: "boto3" }), from("203.0.113.9"), from(IP.vps, { userAgent: cli })]).toEqual([false, false, false]);
    // A newcomer, actor or Identity Center person, says nothing yet.
    expect(fromElsewhere(activity({ sourceIp: IP.vps }), fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40 }, activeDays: 2 }] }), intel)).toBe(false);
    const role = "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef";
    const team = fakeBaseline({ actors: [{ key: role, tokens: { "asn:7922": 40 }, activeDays: 9 }] });
    expect(fromElsewhere(activity({ actor: role, actorType: "AssumedRole", session: "new.hire@example.com", sourceIp: IP.vps }), team, intel)).toBe(false);
    // A federated user new to history is its issuer's console: judged by the issuer's places, Tor habit and device.
    const federated = (sourceIp: string, over = {}, history = baseline) =>
      fromElsewhere(activity({ actor: "arn:aws:sts::111111111111:federated-user/alice", actorType: "FederatedUser", issuer: USER, sourceIp, ...over }), history, intel);
    expect([federated(IP.vps), federated(IP.home), federated(IP.vps, { userAgent: cli })]).toEqual([true, false, false]);
    const torRegular = fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40 }, activeDays: 9, usedTor: true }] });
    expect([federated(IP.tor), federated(IP.tor, {}, torRegular)]).toEqual([true, false]);
  });
});
