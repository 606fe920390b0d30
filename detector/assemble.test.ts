import { describe, expect, it } from "vitest";
import { FoundationalFindings, sequenceFinding } from "./assemble.ts";
import type { SequenceGroup } from "./correlate.ts";
import { indexIntel } from "./intel.ts";
import { ACCOUNT, signal } from "./markers/testing.ts";
import type { Signal } from "./signal.ts";

const ctx = { variant: "full", threshold: 10, intel: indexIntel(undefined) };
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;

function groupOf(signals: Signal[]): SequenceGroup {
  return {
    id: signals[0]!.id, signals, start: signals[0]!.time, end: signals[signals.length - 1]!.time,
    accounts: new Set([ACCOUNT]), actors: new Set(signals.map((s) => s.activity.actor)), types: new Map(), dropped: 0, droppedEvents: [], contextEvents: [],
  };
}

describe("sequenceFinding", () => {
  it("lists each foundational finding it folds in once, by that finding's id, and each kind of weak signal once with its count", () => {
    const unusual = (minute: number, actor?: string) => signal({ minute, foundational: true, severity: 3, type: "Discovery:IAMUser/AnomalousBehavior", activity: actor ? { actor } : {} });
    const newApi = (minute: number) => signal({ minute, type: "Discovery:IAMUser/NewApiForActor", severity: 1 });
    const signals = [unusual(0), newApi(1), unusual(2), unusual(3, BOB), newApi(4), unusual(60 * 24 + 5)];
    const foundational = new FoundationalFindings();
    const ids = signals.filter((s) => s.foundational).map((s) => foundational.add(s));
    const listed = sequenceFinding(groupOf(signals), 12, [], [], ctx).service.detection!.sequence!.signals;
    const findings = listed.filter((s) => s.type === "FINDING");
    // alice on day one (two signals), bob on day one, alice on day two: three foundational findings.
    expect(findings.map((s) => [s.uid, s.count])).toEqual([[ids[0], 2], [ids[2], 1], [ids[3], 1]]);
    expect(new Set(ids).size).toBe(3);
    expect(listed.filter((s) => s.type !== "FINDING").map((s) => [s.name, s.count])).toEqual([["Discovery:IAMUser/NewApiForActor", 2]]);
  });
});
