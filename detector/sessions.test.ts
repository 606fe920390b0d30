import { describe, expect, it } from "vitest";
import { RecentSessions, callsSince } from "./sessions.ts";
import { IP, MINUTE, T0, activity } from "./markers/testing.ts";

const HOUR = 60 * MINUTE;

describe("RecentSessions", () => {
  it("keeps an access key's calls per source address, and host records only in a claimed session", () => {
    const s = new RecentSessions<string>(24 * HOUR);
    s.remember(activity({ id: "a1", accessKeyId: "AKIA1", sourceIp: IP.vps }));
    s.remember(activity({ id: "a2", accessKeyId: "AKIA1", sourceIp: IP.home }));
    const last = activity({ id: "a3", accessKeyId: "AKIA1", sourceIp: IP.vps, time: T0 + MINUTE });
    expect(s.remember(last)?.ids).toEqual(["a1", "a3"]);
    const flow = (id: string) => activity({ id, source: "vpc-flow", actor: "i-1", actorType: "Instance", sourceIp: "10.0.0.5", host: { instanceId: "i-1", dstIp: IP.miner } });
    expect(s.remember(flow("f1"))).toBeUndefined();
    expect(s.claim(flow("f2"), "group")?.ids).toEqual(["f2"]);
    expect(s.remember(flow("f3"))?.ids).toEqual(["f2", "f3"]);
    // Claimed once: a second claimant gets nothing.
    expect(s.claim(flow("f4"), "other")).toBeUndefined();
  });

  it("gives anonymous callers one session per resource, claimed only through a change to it", () => {
    const s = new RecentSessions<string>(24 * HOUR);
    const read = (id: string, ip: string) => activity({ id, actor: "anonymous", actorType: "Anonymous", action: "s3:GetObject", sourceIp: ip, resources: ["public-bucket"] });
    expect(s.claim(read("r0", IP.bad), "group")).toBeUndefined();
    s.claimAnonymousUse("public-bucket", "group");
    expect(s.remember(read("r1", IP.home))?.ids).toEqual(["r1"]);
    expect(s.remember(read("r2", IP.office))).toMatchObject({ ids: ["r1", "r2"], owner: "group" });
  });

  it("stays bounded per session, keeping the latest calls", () => {
    const s = new RecentSessions<string>(24 * HOUR, 10);
    for (let i = 0; i < 25; i++) s.remember(activity({ id: `c${i}`, accessKeyId: "AKIA1", time: T0 + i }));
    const calls = s.remember(activity({ id: "last", accessKeyId: "AKIA1", time: T0 + 30 }))!;
    expect(calls.ids.length).toBeLessThanOrEqual(10);
    expect(calls.ids.at(-1)).toBe("last");
    expect(callsSince(calls, T0 + 24)).toEqual(["c24", "last"]);
  });

  it("forgets a session quiet for a window unless it is claimed", () => {
    const s = new RecentSessions<string>(HOUR);
    s.remember(activity({ id: "quiet", accessKeyId: "AKIA1" }));
    s.remember(activity({ id: "kept", accessKeyId: "AKIA2" }));
    s.claim(activity({ accessKeyId: "AKIA2" }), "group");
    s.sweep(T0 + 2 * HOUR);
    expect(s.remember(activity({ id: "new", accessKeyId: "AKIA1", time: T0 + 2 * HOUR }))?.ids).toEqual(["new"]);
    expect(s.remember(activity({ id: "more", accessKeyId: "AKIA2", time: T0 + 2 * HOUR }))?.ids).toEqual(["kept", "more"]);
  });
});
