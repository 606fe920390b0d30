import { describe, expect, it } from "vitest";
import { Correlator, type SequenceGroup } from "./correlate.ts";
import { ACCOUNT, MINUTE, signal } from "./markers/testing.ts";

const HOUR = 60 * MINUTE;

/** A correlator over a 24-hour window that never raises, collecting the groups it closes. */
function correlator(): { c: Correlator; closed: SequenceGroup[] } {
  const closed: SequenceGroup[] = [];
  const c = new Correlator({
    windowMs: 24 * HOUR,
    scope: "organization",
    isSharedIp: () => false,
    instanceGroup: () => undefined,
    score: () => 0,
    threshold: 10,
    onClose: (g) => closed.push(g),
  });
  return { c, closed };
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
});
