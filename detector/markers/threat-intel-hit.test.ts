import { describe, expect, it } from "vitest";
import marker from "./threat-intel-hit.ts";
import { IP, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context();

describe("threat-intel-hit", () => {
  it("fires on a Tor caller and a known-bad caller, naming the addresses and reasons", () => {
    const f = marker.evaluate(candidate([signal({ activity: { sourceIp: IP.tor } }), signal({ activity: { sourceIp: IP.bad } })]), ctx)!;
    expect(f.indicators.map((i) => i.key)).toEqual(["MALICIOUS_IP", "TOR_IP"]);
    expect(f.evidence).toContain(IP.tor);
    expect(f.evidence).toContain(`${IP.bad} (credential abuse)`);
    expect(f.weight).toBe(3.75);
  });

  it("fires on a host resolving a mining pool and connecting to a mining IP", () => {
    const host = { instanceId: "i-0abc12345678", domain: "pool.supportxmr.com.", dstIp: IP.miner, dstPort: 3333 };
    const f = marker.evaluate(candidate([signal({ tactic: "TA0040", activity: { source: "route53-resolver", actor: "i-0abc12345678", sourceIp: undefined, host } })]), ctx)!;
    expect(f.indicators).toEqual([
      { key: "CRYPTOMINING_DOMAIN", values: ["pool.supportxmr.com"], title: expect.any(String) },
      { key: "CRYPTOMINING_IP", values: [`${IP.miner} (cryptocurrency mining pool)`], title: expect.any(String) },
    ]);
  });

  it("takes intel indicators the signal phase already matched", () => {
    const f = marker.evaluate(candidate([signal({ indicators: [{ key: "MALICIOUS_DOMAIN", values: ["evil.example"] }] })]), ctx)!;
    expect(f.evidence).toContain("MALICIOUS_DOMAIN evil.example");
  });

  it("does not count Tor for a caller that used Tor in history, but does for another caller at the same exit", () => {
    const bob = `arn:aws:iam::111111111111:user/bob`;
    const torUser = context({ baseline: fakeBaseline({ actors: [{ key: USER, usedTor: true }, { key: bob }] }) });
    const tor = (actor: string) => signal({ activity: { actor, sourceIp: IP.tor }, indicators: [{ key: "TOR_IP", values: [IP.tor] }] });
    expect(marker.evaluate(candidate([tor(USER)]), torUser)).toBeUndefined();
    expect(marker.evaluate(candidate([tor(USER), tor(bob)]), torUser)!.indicators.map((i) => i.key)).toEqual(["TOR_IP"]);
    expect(marker.evaluate(candidate([tor(USER)]), ctx)!.indicators.map((i) => i.key)).toEqual(["TOR_IP"]);
  });

  it("does not fire on ordinary addresses and domains", () => {
    const host = { instanceId: "i-0abc12345678", domain: "ntp.ubuntu.com", dstIp: "91.189.91.157" };
    expect(marker.evaluate(candidate([signal({ activity: { sourceIp: IP.home } }), signal({ activity: { source: "route53-resolver", host } })]), ctx)).toBeUndefined();
  });
});
