import { describe, expect, it } from "vitest";
import { RecentSessions, callsSince } from "./sessions.ts";
import { ACCOUNT, IP, MINUTE, T0, activity } from "./markers/testing.ts";

const HOUR = 60 * MINUTE;
const never = () => false;

describe("RecentSessions", () => {
  it("keeps an access key's calls per source address, and host records only in a claimed session", () => {
    const s = new RecentSessions<string>({ windowMs: 24 * HOUR, perAccount: false });
    s.remember(activity({ id: "a1", accessKeyId: "AKIA1", sourceIp: IP.vps }));
    s.remember(activity({ id: "a2", accessKeyId: "AKIA1", sourceIp: IP.home }));
    expect(s.remember(activity({ id: "a3", accessKeyId: "AKIA1", sourceIp: IP.vps, time: T0 + MINUTE }))?.ids).toEqual(["a1", "a3"]);
    const flow = (id: string) => activity({ id, source: "vpc-flow", actor: "i-1", actorType: "Instance", sourceIp: "10.0.0.5", host: { instanceId: "i-1", dstIp: IP.miner } });
    expect(s.remember(flow("f1"))).toBeUndefined();
    expect(s.claim(flow("f2"), "group", never)?.ids).toEqual(["f2"]);
    expect(s.remember(flow("f3"))?.ids).toEqual(["f2", "f3"]);
    // Held: another claimant gets it only when the holder may give it up.
    expect(s.claim(flow("f4"), "other", never)).toBeUndefined();
    expect(s.claim(flow("f4"), "other", (current) => current === "group")?.owner).toBe("other");
  });

  it("gives anonymous callers one session per resource, kept only once a change to it is claimed", () => {
    const s = new RecentSessions<string>({ windowMs: 24 * HOUR, perAccount: false });
    const read = (id: string, ip: string) => activity({ id, actor: "anonymous", actorType: "Anonymous", action: "s3:GetObject", sourceIp: ip, resources: ["public-bucket"] });
    expect(s.remember(read("r0", IP.home))).toBeUndefined();
    expect(s.claim(read("r1", IP.bad), "group", never)).toBeUndefined();
    s.claimAnonymousUse(ACCOUNT, "public-bucket", "group", never);
    expect(s.remember(read("r2", IP.home))).toMatchObject({ ids: ["r2"], owner: "group" });
    expect(s.remember(read("r3", IP.office))?.ids).toEqual(["r2", "r3"]);
  });

  it("tells one key's calls into two accounts apart in a per-account scope", () => {
    const s = new RecentSessions<string>({ windowMs: 24 * HOUR, perAccount: true });
    s.remember(activity({ id: "here", accessKeyId: "AKIA1", account: "111111111111" }));
    expect(s.remember(activity({ id: "there", accessKeyId: "AKIA1", account: "222222222222" }))?.ids).toEqual(["there"]);
  });

  it("stays bounded per session, keeping the latest calls", () => {
    const s = new RecentSessions<string>({ windowMs: 24 * HOUR, perAccount: false, maxPerSession: 10 });
    for (let i = 0; i < 25; i++) s.remember(activity({ id: `c${i}`, accessKeyId: "AKIA1", time: T0 + i }));
    const calls = s.remember(activity({ id: "last", accessKeyId: "AKIA1", time: T0 + 30 }))!;
    expect(calls.ids.length).toBeLessThanOrEqual(10);
    expect(calls.ids.at(-1)).toBe("last");
    expect(callsSince(calls, T0 + 24)).toEqual(["c24", "last"]);
  });

  it("forgets a session quiet for a window unless it is claimed", () => {
    const s = new RecentSessions<string>({ windowMs: HOUR, perAccount: false });
    s.remember(activity({ id: "quiet", accessKeyId: "AKIA1" }));
    s.remember(activity({ id: "kept", accessKeyId: "AKIA2" }));
    s.claim(activity({ accessKeyId: "AKIA2" }), "group", never);
    s.sweep(T0 + 2 * HOUR);
    expect(s.remember(activity({ id: "new", accessKeyId: "AKIA1", time: T0 + 2 * HOUR }))?.ids).toEqual(["new"]);
    expect(s.remember(activity({ id: "more", accessKeyId: "AKIA2", time: T0 + 2 * HOUR }))?.ids.at(-1)).toBe("more");
    expect(s.remember(activity({ id: "more2", accessKeyId: "AKIA2", time: T0 + 2 * HOUR }))?.ids).toContain("kept");
  });
});
