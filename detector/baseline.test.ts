import { describe, expect, it } from "vitest";
import type { Activity } from "./activity.ts";
import { BaselineBuilder, buildBaseline, p95 } from "./baseline.ts";
import { ACCOUNT, ALICE, EVAL, INTEL, IPS, OTHER_ACCOUNT, T0, ct, hostActivity } from "./signals/testing.ts";

const DAY = 86_400_000;

describe("buildBaseline", () => {
  const history: Activity[] = [
    ct("s3:GetObject", { time: T0, bytes: 100 }),
    ct("s3:GetObject", { time: T0 + 1, bytes: 300 }),
    ct("iam:ListUsers", { time: T0 + DAY, error: "AccessDenied" }),
    ct("sts:AssumeRole", { time: T0 + DAY, account: OTHER_ACCOUNT }),
    ct("s3:ListBuckets", { time: EVAL + 1 }),
  ];
  const baseline = buildBaseline(history, INTEL, EVAL);

  it("profiles actors with tokens, IPs, accounts and active days, ignoring activity after the history end", () => {
    const alice = baseline.actor(ALICE)!;
    expect(alice.count).toBe(4);
    expect(alice.activeDays).toBe(2);
    expect(alice.tokens.get("api:s3:GetObject")).toBe(2);
    expect(alice.tokens.get("asn:7922")).toBe(4);
    expect(alice.tokens.has("api:s3:ListBuckets")).toBe(false);
    expect([...alice.ips]).toEqual([IPS.home]);
    expect([...alice.accounts!].sort()).toEqual([ACCOUNT, OTHER_ACCOUNT]);
    expect(alice.dailyP95).toEqual({ bytes: 400, reads: 2, distinctApis: 2, errors: 1 });
  });

  it("profiles the people of an Identity Center role apart, and no one else", () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataAnalyst_0123456789abcdef`;
    const as = (session: string, time: number, bucket: string) => ct("s3:GetObject", { actor: role, actorType: "AssumedRole", session, time, resources: [bucket] });
    const b = buildBaseline([as("ana@example.com", T0, "team-share"), as("ana@example.com", T0 + DAY, "team-share"), as("ben@example.com", T0, "finance"), as("ben@example.com", EVAL, "later")], INTEL, EVAL);
    expect(b.person(`${role}#ana@example.com`)).toEqual({ activeDays: 2, objectBuckets: new Set(["team-share"]), objectReads: 2, usedTor: false });
    expect(b.person(`${role}#ben@example.com`)).toEqual({ activeDays: 1, objectBuckets: new Set(["finance"]), objectReads: 1, usedTor: false });
    expect([...b.actor(role)!.objectBuckets!].sort()).toEqual(["finance", "team-share"]);
    expect(baseline.person(`${ALICE}#alice`)).toBeUndefined();
  });

  it("remembers who called from a Tor exit, the person and their role", () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developer_0123456789abcdef`;
    const b = buildBaseline([ct("s3:ListBuckets", { actor: role, actorType: "AssumedRole", session: "ana@example.com", time: T0, sourceIp: IPS.tor }), ct("s3:ListBuckets", { time: T0 })], INTEL, EVAL);
    expect(b.person(`${role}#ana@example.com`)!.usedTor).toBe(true);
    expect(b.actor(role)!.usedTor).toBe(true);
    expect(b.actor(ALICE)!.usedTor).toBe(false);
  });

  it("counts each actor's calls from inside AWS (its networks, private addresses) and from outside it", () => {
    const b = buildBaseline([ct("s3:GetObject", { time: T0, sourceIp: IPS.aws }), ct("s3:GetObject", { time: T0, sourceIp: "10.0.3.7" }), ct("s3:GetObject", { time: T0, sourceIp: IPS.vps }), ct("s3:GetObject", { time: T0, sourceIp: "2001:db8::1" })], INTEL, EVAL);
    expect(b.actor(ALICE)).toMatchObject({ callsFromAws: 2, callsOutsideAws: 1 });
  });

  it("counts tokens per account and groups peers", () => {
    expect(baseline.accountTokens(ACCOUNT)?.get("api:s3:GetObject")).toBe(2);
    expect(baseline.accountTokens("999999999999")).toBeUndefined();
    expect(baseline.peers(`${ACCOUNT}|IAMUser`)).toEqual([ALICE]);
    expect(baseline.peers("nobody")).toEqual([]);
  });

  it("marks IPs of many actors or of several accounts as shared", () => {
    const b = new BaselineBuilder(INTEL, EVAL);
    for (let i = 0; i < 4; i++) b.add(ct("s3:ListBuckets", { time: T0, actor: `arn:aws:iam::${ACCOUNT}:user/u${i}`, sourceIp: "73.5.5.5" }));
    for (let i = 0; i < 3; i++) b.add(ct("s3:ListBuckets", { time: T0, actor: `arn:aws:iam::${ACCOUNT}:user/v${i}`, sourceIp: "73.6.6.6" }));
    for (const acct of ["1", "2", "3"]) b.add(ct("s3:ListBuckets", { time: T0, actor: `arn:aws:iam::${acct}:role/scan`, actorAccount: acct, sourceIp: "73.7.7.7" }));
    const baseline = b.finish();
    expect([baseline.isSharedIp("73.5.5.5"), baseline.isSharedIp("73.6.6.6"), baseline.isSharedIp("73.7.7.7")]).toEqual([true, false, true]);
  });

  it("keeps public remotes of hosts, not private ones", () => {
    const b = buildBaseline(
      [hostActivity("flow:ACCEPT", { dstIp: "198.51.100.7" }, { time: T0 }), hostActivity("flow:ACCEPT", { dstIp: "10.0.0.9" }, { time: T0 }), hostActivity("dns:query", { domain: "Repo.Example.com." }, { time: T0 })],
      INTEL,
      EVAL,
    );
    const host = b.actor("i-0abc123def4567890")!;
    expect([...host.remotes!].sort()).toEqual(["198.51.100.7", "repo.example.com"]);
  });

  it("counts each device holder's calls per client installation, one Identity Center user across accounts, until too many share it", () => {
    const cli = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0";
    const sso = (account: string) => `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`;
    const b = buildBaseline(
      [
        ct("iam:ListUsers", { time: T0, userAgent: `${cli} md/command#iam.list-users` }),
        ct("s3:ListBuckets", { time: T0, userAgent: `${cli} md/command#s3.list-buckets` }),
        ct("iam:ListRoles", { time: T0, actor: sso(ACCOUNT), actorType: "AssumedRole", session: "ana@example.com", userAgent: "Laptop/1" }),
        ct("iam:ListRoles", { time: T0, actor: sso(OTHER_ACCOUNT), actorType: "AssumedRole", actorAccount: OTHER_ACCOUNT, session: "ana@example.com", userAgent: "Laptop/1" }),
        ...["u1", "u2", "u3", "u4"].map((u) => ct("s3:ListBuckets", { time: T0, actor: `arn:aws:iam::${ACCOUNT}:user/${u}`, userAgent: "StandardImage/1" })),
        ct("s3:ListBuckets", { time: T0, userAgent: "console.amazonaws.com" }),
        ct("s3:ListBuckets", { time: EVAL, userAgent: "Later/1" }),
      ],
      INTEL,
      EVAL,
    );
    expect(b.clientUses(cli, ALICE)).toBe(2);
    expect(b.clientUses(cli, `arn:aws:iam::${ACCOUNT}:user/u1`)).toBe(0);
    expect(b.clientUses("Laptop/1", "sso-user:ana@example.com")).toBe(2);
    expect(b.clientUses("StandardImage/1", `arn:aws:iam::${ACCOUNT}:user/u1`)).toBe(0);
    expect(b.clientUses("console.amazonaws.com", ALICE)).toBe(0);
    expect(b.clientUses("Later/1", ALICE)).toBe(0);
  });

  it("p95 is the nearest rank", () => {
    expect(p95([])).toBe(0);
    expect(p95([5])).toBe(5);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
  });
});
