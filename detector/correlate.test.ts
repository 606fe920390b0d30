import { describe, expect, it } from "vitest";
import { Correlator, type SequenceGroup } from "./correlate.ts";
import { ACCOUNT, MINUTE, signal } from "./markers/testing.ts";

const HOUR = 60 * MINUTE;

/** A correlator over a 24-hour window that never raises, collecting the groups it closes and counting its scorings. */
function correlator(): { c: Correlator; closed: SequenceGroup[]; scorings: () => number } {
  const closed: SequenceGroup[] = [];
  let scorings = 0;
  const c = new Correlator({
    windowMs: 24 * HOUR,
    scope: "organization",
    isSharedIp: () => false,
    isBroker: (issuer) => issuer.endsWith("/broker"),
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
