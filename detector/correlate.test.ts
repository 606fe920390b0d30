import { describe, expect, it } from "vitest";
import { Correlator, type SequenceGroup } from "./correlate.ts";
import { ACCOUNT, IP, MINUTE, T0, activity, signal } from "./markers/testing.ts";

const HOUR = 60 * MINUTE;

/** A correlator over a 24-hour window (unless told) that never raises, collecting the groups it closes and counting its scorings; calls from home are their callers' own. */
function correlator(over: { windowMs?: number; scope?: "account" | "organization" } = {}): { c: Correlator; closed: SequenceGroup[]; scorings: () => number } {
  const closed: SequenceGroup[] = [];
  let scorings = 0;
  const c = new Correlator({
    windowMs: over.windowMs ?? 24 * HOUR,
    scope: over.scope ?? "organization",
    isSharedIp: () => false,
    isBroker: (issuer) => issuer.endsWith("/broker"),
    isOwnOrigin: (a) => a.sourceIp === IP.home,
    instanceGroup: () => undefined,
    score: () => (scorings++, 0),
    threshold: 10,
    onClose: (g) => closed.push(g),
  });
  return { c, closed, scorings: () => scorings };
}

const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;

describe("Correlator", () => {
  it("links one identity's signals into one group and keeps another identity's apart", () => {
    const { c, closed } = correlator();
    c.add(signal({ minute: 0 }));
    c.add(signal({ minute: 30, type: "Persistence:IAMUser/AnomalousBehavior" }));
    c.add(signal({ minute: 40, activity: { actor: BOB, sourceIp: "86.1.1.1" } }));
    c.finish();
    expect(closed.map((g) => g.signals.length).sort()).toEqual([1, 2]);
  });

  it("links a federated user's signals to the IAM user that minted it, whatever key its console session uses", () => {
    const { c, closed } = correlator();
    const federated = `arn:aws:sts::${ACCOUNT}:federated-user/bob`;
    c.add(signal({ minute: 0, activity: { actor: BOB, accessKeyId: "AKIABOBEXAMPLE" } }));
    c.add(signal({ minute: 300, type: "Persistence:IAMUser/AnomalousBehavior", activity: { actor: federated, actorType: "FederatedUser", issuer: BOB, accessKeyId: "ASIACONSOLEEXAMPLE" } }));
    c.add(signal({ minute: 310, activity: { actor: `arn:aws:sts::${ACCOUNT}:federated-user/carol`, actorType: "FederatedUser", issuer: `arn:aws:iam::${ACCOUNT}:user/carol`, accessKeyId: "ASIACAROLEXAMPLE" } }));
    c.finish();
    expect(closed.map((g) => [...g.actors].sort())).toEqual([[BOB, federated].sort(), [`arn:aws:sts::${ACCOUNT}:federated-user/carol`]]);
  });

  it("links a principal's calls from its own place and from elsewhere only within a sitting, unless one key links them", () => {
    const groups = (gapMinutes: number, keys: [string, string], actor: Parameters<typeof activity>[0] = {}) => {
      const { c, closed } = correlator();
      c.add(signal({ minute: 0, activity: { ...actor, sourceIp: "174.251.1.1", accessKeyId: keys[0] } }));
      c.add(signal({ minute: gapMinutes, type: "Persistence:IAMUser/AnomalousBehavior", activity: { ...actor, sourceIp: IP.home, accessKeyId: keys[1] } }));
      c.finish();
      return closed.map((g) => g.signals.length).sort();
    };
    // A trip's console session, then work at the desk the next day: two stories.
    expect(groups(19 * 60, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"])).toEqual([1, 1]);
    expect(groups(60, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"])).toEqual([2]);
    expect(groups(19 * 60, ["AKIAONEKEYEXAMPLE", "AKIAONEKEYEXAMPLE"])).toEqual([2]);
    // The same for a person's role session (Identity Center), and either way round.
    const sso = { actor: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123`, actorType: "AssumedRole" as const, session: "alice@example.com" };
    expect(groups(19 * 60, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"], sso)).toEqual([1, 1]);
    expect(groups(60, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"], sso)).toEqual([2]);
    const { c, closed } = correlator();
    c.add(signal({ minute: 0, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
    c.add(signal({ minute: 19 * 60, activity: { sourceIp: IP.vps, accessKeyId: "ASIATHIEFEXAMPLE" } }));
    c.finish();
    expect(closed.map((g) => g.signals.length)).toEqual([1, 1]);
    // A sitting is three hours from the identity's last call from the other place, and no longer than the window.
    expect(groups(150, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"])).toEqual([2]);
    expect(groups(210, ["ASIATRIPEXAMPLE", "ASIADESKEXAMPLE"])).toEqual([1, 1]);
    const short = correlator({ windowMs: HOUR });
    short.c.add(signal({ minute: 0, activity: { sourceIp: IP.vps, accessKeyId: "ASIATRIPEXAMPLE" } }));
    // Bob's call sweeps at minute 58, so the trip's group is still open (not yet swept) at 65.
    short.c.add(signal({ minute: 58, activity: { actor: BOB, sourceIp: "86.1.1.1" } }));
    short.c.add(signal({ minute: 65, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
    short.c.finish();
    expect(short.closed.map((g) => g.signals.length)).toEqual([1, 1, 1]);
    // In a per-account scope too.
    const scoped = correlator({ scope: "account" });
    scoped.c.add(signal({ minute: 0, activity: { sourceIp: IP.vps, accessKeyId: "ASIATRIPEXAMPLE" } }));
    scoped.c.add(signal({ minute: 60, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
    scoped.c.finish();
    expect(scoped.closed.map((g) => g.signals.length)).toEqual([2]);
  });

  it("does not let one call bridge a trip's story and the desk's, nor another identity keep the trip's sitting open", () => {
    for (const scope of ["organization", "account"] as const) {
      const { c, closed } = correlator({ scope });
      c.add(signal({ id: "trip", minute: 0, activity: { sourceIp: IP.vps, accessKeyId: "ASIATRIPEXAMPLE" } }));
      c.add(signal({ id: "desk", minute: 19 * 60, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
      // A call from the phone at lunch: the trip's kind of place links it there, so the desk's stays apart.
      c.add(signal({ id: "phone", minute: 20 * 60, activity: { sourceIp: "174.251.1.1", accessKeyId: "ASIAPHONEEXAMPLE" } }));
      c.finish();
      expect(closed.map((g) => g.signals.map((s) => s.id))).toEqual([["trip", "phone"], ["desk"]]);
    }

    // An address another identity's story came from is the caller's chain: a thief working several
    // identities from one address stays out of the owner's desk story, in either scope.
    for (const scope of ["organization", "account"] as const) {
      const thief = correlator({ scope });
      thief.c.add(signal({ id: "desk", minute: 0, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
      thief.c.add(signal({ id: "bob", minute: 10, severity: 5, activity: { actor: BOB, sourceIp: IP.vps, accessKeyId: "AKIABOBEXAMPLE" } }));
      thief.c.add(signal({ id: "vps", minute: 60, severity: 5, activity: { sourceIp: IP.vps, accessKeyId: "ASIAVPSEXAMPLE" } }));
      thief.c.finish();
      expect(thief.closed.map((g) => g.signals.map((s) => s.id))).toEqual([["desk"], ["bob", "vps"]]);
    }

    // A resource another identity's story changed is no reason to leave one's own sitting.
    const shared = correlator();
    shared.c.add(signal({ id: "desk", minute: 0, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
    shared.c.add(signal({ id: "bob", minute: 10, severity: 5, activity: { actor: BOB, sourceIp: "86.1.1.1", readOnly: false, resources: ["bucket-x"] } }));
    shared.c.add(signal({ id: "phone", minute: 60, severity: 5, activity: { sourceIp: "174.251.1.1", accessKeyId: "ASIAPHONEEXAMPLE", readOnly: false, resources: ["bucket-x"] } }));
    shared.c.finish();
    expect(shared.closed.map((g) => g.signals.map((s) => s.id))).toEqual([["desk", "bob", "phone"]]);

    const fresh = correlator();
    fresh.c.add(signal({ minute: 0, severity: 5, activity: { sourceIp: IP.vps, accessKeyId: "ASIATRIPEXAMPLE" } }));
    // Bob on the same address keeps the group going; alice's sitting there ended at minute 0.
    fresh.c.add(signal({ minute: 5 * 60, severity: 5, activity: { actor: BOB, sourceIp: IP.vps, accessKeyId: "AKIABOBEXAMPLE" } }));
    fresh.c.add(signal({ minute: 6 * 60, activity: { sourceIp: IP.home, accessKeyId: "ASIADESKEXAMPLE" } }));
    fresh.c.finish();
    expect(fresh.closed.map((g) => g.signals.length).sort()).toEqual([1, 2]);
  });

  it("links a key or a federated user to the principal that minted it, whatever place each was used from", () => {
    const { c, closed } = correlator();
    const minted = "ASIAMINTEDEXAMPLE";
    c.add(signal({ minute: 0, activity: { sourceIp: IP.home, accessKeyId: "AKIAALICEEXAMPLE" } }));
    c.observe(activity({ time: T0 + MINUTE, action: "sts:GetSessionToken", accessKeyId: "AKIAALICEEXAMPLE", response: { credentials: { accessKeyId: minted } } }));
    c.add(signal({ minute: 10 * 60, activity: { sourceIp: IP.vps, accessKeyId: minted } }));
    c.finish();
    expect(closed.map((g) => g.signals.length)).toEqual([2]);

    const federated = correlator();
    federated.c.add(signal({ minute: 0, activity: { actor: BOB, sourceIp: IP.home, accessKeyId: "AKIABOBEXAMPLE" } }));
    federated.c.add(signal({ minute: 5 * 60, activity: { actor: `arn:aws:sts::${ACCOUNT}:federated-user/bob`, actorType: "FederatedUser", issuer: BOB, sourceIp: IP.vps, accessKeyId: "ASIACONSOLEEXAMPLE" } }));
    federated.c.finish();
    expect(federated.closed.map((g) => g.signals.length)).toEqual([2]);
  });

  it("does not link the federated users of an identity broker through it, known from history or seen minting many", () => {
    const { c, closed } = correlator();
    const person = (issuer: string, name: string, minute: number) =>
      signal({ minute, activity: { actor: `arn:aws:sts::${ACCOUNT}:federated-user/${name}`, actorType: "FederatedUser", issuer, accessKeyId: `ASIA${name.toUpperCase()}EXAMPLE`, sourceIp: `86.1.1.${minute}` } });
    const known = `arn:aws:iam::${ACCOUNT}:user/broker`;
    const unknown = `arn:aws:iam::${ACCOUNT}:user/portal`;
    c.add(person(known, "ann", 1));
    c.add(person(known, "ben", 2));
    // A portal the history never saw: linked until it has minted for more people than a person could be.
    for (let i = 0; i < 9; i++) c.add(person(unknown, `user${i}`, 10 + i));
    c.finish();
    expect(closed.map((g) => g.signals.length).sort((a, b) => a - b)).toEqual([1, 1, 1, 1, 1, 6]);
  });

  it("links two identities through an address only by a rule's finding or a strong signal, not a low anomaly score", () => {
    const link = (over: Parameters<typeof signal>[0]) => {
      const { c, closed } = correlator();
      c.add(signal({ minute: 0, foundational: true, severity: 5, activity: { sourceIp: "86.1.1.1" } }));
      c.add(signal({ minute: 30, ...over, activity: { actor: BOB, sourceIp: "86.1.1.1" } }));
      c.finish();
      return closed.map((g) => g.signals.length).sort();
    };
    expect(link({ type: "Stealth:IAMUser/CloudTrailLoggingDisabled", foundational: true, severity: 2 })).toEqual([2]);
    expect(link({ type: "Discovery:IAMUser/AnomalousBehavior", foundational: true, severity: 3, anomaly: 0.9 })).toEqual([1, 1]);
    expect(link({ type: "Discovery:IAMUser/AnomalousBehavior", foundational: true, severity: 4, anomaly: 0.9 })).toEqual([2]);
  });

  it("names the rest of a suspect session's calls — same key, same address — before and after its strong signal", () => {
    const { c, closed } = correlator();
    const stolen = { accessKeyId: "AKIASTOLENEXAMPLE", sourceIp: IP.vps };
    const call = (id: string, minute: number, over: Parameters<typeof activity>[0] = {}) => {
      const a = activity({ id, time: T0 + minute * MINUTE, ...stolen, ...over });
      c.observe(a);
      return a;
    };
    call("long-ago", -25 * 60);
    call("recon-1", 0);
    call("recon-2", 5);
    call("owner-at-home", 6, { sourceIp: IP.home });
    const read = call("bulk-read", 10);
    c.add(signal({ minute: 10, foundational: true, severity: 6, activity: read, activityIds: [read.id] }));
    call("after", 40);
    call("owner-later", 41, { sourceIp: IP.home });
    c.finish();
    const [group] = closed;
    // The attacker's calls from their address, not the owner's from home nor those a window before.
    expect(new Set([...group!.signals.flatMap((s) => s.activityIds), ...group!.contextEvents])).toEqual(new Set(["recon-1", "recon-2", "bulk-read", "after"]));
  });

  it("moves a merged group's sessions, with what they named, to the group it merges into", () => {
    const { c, closed } = correlator();
    const call = (id: string, minute: number, accessKeyId: string, sourceIp: string) => {
      const a = activity({ id, time: T0 + minute * MINUTE, accessKeyId, sourceIp, actor: `arn:aws:sts::${ACCOUNT}:assumed-role/app/${accessKeyId}`, actorType: "AssumedRole" });
      c.observe(a);
      return a;
    };
    const strong = (a: ReturnType<typeof call>, minute: number) => c.add(signal({ minute, foundational: true, severity: 6, activity: a, activityIds: [a.id] }));
    strong(call("a-signal", 0, "ASIAFIRST", IP.vps), 0);
    strong(call("b-signal", 5, "ASIASECOND", IP.bad), 5);
    // The second key from the first one's address: one story.
    strong(call("bridge", 10, "ASIASECOND", IP.vps), 10);
    call("b-later", 20, "ASIASECOND", IP.bad);
    c.finish();
    expect(closed).toHaveLength(1);
    expect(closed[0]!.contextEvents).toEqual(expect.arrayContaining(["a-signal", "b-signal", "bridge", "b-later"]));
  });

  it("stops naming a session's calls once its group's window has passed, and lets a new story claim it", () => {
    const { c, closed } = correlator();
    const call = (id: string, minute: number) => {
      const a = activity({ id, time: T0 + minute * MINUTE, accessKeyId: "AKIASTOLENEXAMPLE", sourceIp: IP.vps });
      c.observe(a);
      return a;
    };
    c.add(signal({ minute: 0, foundational: true, severity: 6, activity: call("first", 0), activityIds: ["first"] }));
    // Another story's signal sweeps a minute before the first group's window ends: it stays open.
    c.add(signal({ minute: 24 * 60 - 1, activity: { actor: BOB, sourceIp: IP.home } }));
    call("next-day", 24 * 60 + 4);
    c.add(signal({ minute: 24 * 60 + 5, foundational: true, severity: 6, activity: call("again", 24 * 60 + 5), activityIds: ["again"] }));
    call("after", 24 * 60 + 6);
    c.finish();
    const of = (id: string) => closed.find((g) => g.signals.some((s) => s.activityIds.includes(id)))!;
    expect(of("first").contextEvents).toEqual(["first"]);
    expect(of("again").contextEvents).toEqual(["next-day", "again", "after"]);
  });

  it("names at most 10,000 context events per group", () => {
    const { c, closed } = correlator();
    const first = activity({ id: "signal", accessKeyId: "AKIASTOLENEXAMPLE", sourceIp: IP.vps });
    c.observe(first);
    c.add(signal({ foundational: true, severity: 6, activity: first, activityIds: [first.id] }));
    for (let i = 0; i < 10_050; i++) c.observe(activity({ id: `call-${i}`, time: T0 + i, accessKeyId: "AKIASTOLENEXAMPLE", sourceIp: IP.vps }));
    c.finish();
    expect(closed[0]!.contextEvents).toHaveLength(10_000);
  });

  it("names what an instance exchanges with a suspect remote end from its first strong signal on", () => {
    const { c, closed } = correlator();
    const host = (id: string, minute: number, remote: { domain?: string; dstIp?: string }) => {
      const a = activity({ id, source: "vpc-flow", actor: "i-0abc", actorType: "Instance", action: "flow:ACCEPT", time: T0 + minute * MINUTE, sourceIp: "10.0.0.5", host: { instanceId: "i-0abc", ...remote } });
      c.observe(a);
      return a;
    };
    host("pool-before", 0, { dstIp: IP.miner });
    const first = host("pool-signal", 1, { dstIp: IP.miner });
    c.add(signal({ minute: 1, type: "CryptoCurrency:EC2/BitcoinTool.B", foundational: true, severity: 8, activity: first, activityIds: [first.id] }));
    host("pool-after", 2, { dstIp: IP.miner });
    host("updates", 3, { dstIp: IP.aws });
    host("peer", 4, { dstIp: "10.0.0.9" });
    c.finish();
    expect(closed[0]!.contextEvents).toEqual(["pool-signal", "pool-after"]);
  });

  it("names the anonymous reads of a bucket a suspect session made public, from then on", () => {
    const { c, closed } = correlator();
    const read = (id: string, minute: number) => c.observe(activity({ id, time: T0 + minute * MINUTE, actor: "anonymous", actorType: "Anonymous", action: "s3:GetObject", sourceIp: IP.home, resources: ["exposed"] }));
    read("before", 0);
    const policy = activity({ id: "policy", time: T0 + MINUTE, accessKeyId: "AKIASTOLENEXAMPLE", sourceIp: IP.vps, action: "s3:PutBucketPolicy", readOnly: false, resources: ["exposed"] });
    c.observe(policy);
    c.add(signal({ minute: 1, type: "Policy:S3/BucketAnonymousAccessGranted", foundational: true, severity: 6, activity: policy, activityIds: [policy.id] }));
    read("after-1", 2);
    read("after-2", 3);
    c.finish();
    expect(closed[0]!.contextEvents).toEqual(["policy", "after-1", "after-2"]);
  });

  it.each([
    ["a weak anomaly signal from a new place", IP.vps, { severity: 2, anomaly: 0.85 }],
    ["a strong signal from the caller's own origin (a workload's usual clean-up)", IP.home, { severity: 6, foundational: true }],
  ])("does not name a session's calls for %s", (_, sourceIp, over) => {
    const { c, closed } = correlator();
    const a = activity({ id: "signal", accessKeyId: "AKIAOWNEREXAMPLE", sourceIp });
    c.observe(activity({ id: "before", accessKeyId: "AKIAOWNEREXAMPLE", sourceIp, time: T0 - MINUTE }));
    c.observe(a);
    c.add(signal({ activity: a, activityIds: [a.id], ...over }));
    c.finish();
    expect(closed[0]!.contextEvents).toEqual([]);
  });

  it("starts a new group once a window has passed with nothing new", () => {
    const { c, closed } = correlator();
    c.add(signal({ minute: 0 }));
    c.add(signal({ minute: 25 * 60, type: "Persistence:IAMUser/AnomalousBehavior" }));
    c.finish();
    expect(closed).toHaveLength(2);
  });

  it("keeps new kinds of signal after a flood of one kind, counting what it drops", () => {
    const { c, closed } = correlator();
    for (let i = 0; i < 300; i++) c.add(signal({ minute: i, type: "UnauthorizedAccess:IAMUser/TorIPCaller" }));
    c.add(signal({ minute: 400, type: "Impact:IAMUser/AnomalousBehavior" }));
    c.finish();
    const [group] = closed;
    expect(closed).toHaveLength(1);
    expect(group!.signals.filter((s) => s.type === "UnauthorizedAccess:IAMUser/TorIPCaller")).toHaveLength(100);
    expect(group!.signals.at(-1)!.type).toBe("Impact:IAMUser/AnomalousBehavior");
    expect(group!.dropped).toBe(200);
    // The dropped signals' activities still belong to what the group shows.
    expect(group!.droppedEvents).toHaveLength(200);
    expect([...group!.types.keys()].sort()).toEqual(["Impact:IAMUser/AnomalousBehavior", "UnauthorizedAccess:IAMUser/TorIPCaller"]);
  });

  it("does not rescore a group for a dropped repeat", () => {
    const { c, scorings } = correlator();
    // 28 kinds once each and 100 of one kind: 128 kept signals, a size at which it rescores.
    for (let i = 0; i < 28; i++) c.add(signal({ minute: i, type: `Discovery:IAMUser/Kind${i}` }));
    for (let i = 0; i < 100; i++) c.add(signal({ minute: 30 + i, type: "UnauthorizedAccess:IAMUser/TorIPCaller" }));
    const before = scorings();
    for (let i = 0; i < 500; i++) c.add(signal({ minute: 200 + i, type: "UnauthorizedAccess:IAMUser/TorIPCaller" }));
    expect(scorings()).toBe(before);
  });
});
