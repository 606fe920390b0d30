import { describe, expect, it } from "vitest";
import marker from "./credential-outside-network.ts";
import { IP, ROLE, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const baseline = fakeBaseline({
  actors: [
    { key: USER, tokens: ["api:iam:ListUsers", "asn:7922", "agent:aws-cli"] },
    { key: `arn:aws:iam::111111111111:user/bob`, tokens: ["asn:2856"] },
    { key: ROLE, actorType: "AssumedRole", tokens: ["asn:16509"] },
  ],
});
const ctx = context({ baseline });

describe("credential-outside-network", () => {
  it("fires when a user calls from a hosting ASN new to it and its account, naming IP and ASN", () => {
    const f = marker.evaluate(candidate([signal({ activity: { sourceIp: IP.vps } })]), ctx)!;
    expect(f.indicators.map((i) => i.key)).toEqual(["UNUSUAL_ASN_FOR_USER", "UNUSUAL_ASN_FOR_ACCOUNT", "SUSPICIOUS_NETWORK"]);
    expect(f.indicators[0]!.values).toEqual(["14061"]);
    expect(f.evidence).toContain("159.203.1.20 (AS14061 DigitalOcean, hosting, US)");
    expect(f.evidence).toContain("never seen for it or its account");
  });

  it("does not fire on a Tor exit for a caller that used Tor in history, whichever exit it used", () => {
    const torUser = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: ["asn:7922"], usedTor: true }] }) });
    expect(marker.evaluate(candidate([signal({ activity: { sourceIp: IP.tor } })]), torUser)).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ activity: { sourceIp: IP.tor } })]), ctx)).toBeDefined();
  });

  it("fires on an ASN new to the user but known to its account, without calling it suspicious", () => {
    const f = marker.evaluate(candidate([signal({ activity: { sourceIp: IP.office } })]), ctx)!;
    expect(f.indicators.map((i) => i.key)).toEqual(["UNUSUAL_ASN_FOR_USER"]);
    expect(f.weight).toBe(2.5);
  });

  it("fires strongly on instance credentials used outside AWS", () => {
    const s = signal({ activity: { actor: ROLE, actorType: "AssumedRole", session: "i-0879786fe5b0d1115", sourceIp: IP.home } });
    const f = marker.evaluate(candidate([s]), ctx)!;
    expect(f.evidence).toContain("instance credentials of app-instance-role (session i-0879786fe5b0d1115) used outside AWS from 73.1.2.3");
    expect(f.indicators.find((i) => i.key === "SUSPICIOUS_NETWORK")!.values).toEqual([IP.home]);
    expect(f.weight).toBe(5);
  });

  it("does not fire on the user's own network, on instance credentials inside AWS, or on unknown networks", () => {
    const c = candidate([
      signal({ activity: { sourceIp: IP.home } }),
      signal({ activity: { actor: ROLE, actorType: "AssumedRole", session: "i-0879786fe5b0d1115", sourceIp: IP.aws } }),
      signal({ activity: { sourceIp: "10.0.0.5" } }),
      signal({ activity: { sourceIp: "ec2.amazonaws.com" } }),
    ]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("does not judge a person's call from their own device on a new network (the owner on the move), unless from Tor or a bad address", () => {
    const laptop = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0";
    const withLaptop = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: ["asn:7922", "agent:aws-cli"] }], clients: { [laptop]: { [USER]: 30 } } }) });
    const from = (sourceIp: string, userAgent = laptop) => candidate([signal({ activity: { sourceIp, userAgent: `${userAgent} md/command#s3.ls` } })]);
    expect(marker.evaluate(from(IP.vps), withLaptop)).toBeUndefined();
    expect(marker.evaluate(from(IP.vps, "aws-cli/2.22.1 md/awscrt#0.21.0 ua/2.0 os/linux#6.5.0"), withLaptop)).toBeDefined();
    expect(marker.evaluate(from(IP.tor), withLaptop)).toBeDefined();
    expect(marker.evaluate(from(IP.bad), withLaptop)).toBeDefined();
  });
});
