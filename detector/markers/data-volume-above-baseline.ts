/**
 * Data volume far above the actor's baseline: the reads and bytes behind the sequence's
 * collection and exfiltration signals exceed several times what the actor (or, new to history,
 * the busiest of its peers) moves on a busy day (its daily 95th percentile).
 */
import type { Activity } from "../activity.ts";
import { defineMarker, type MarkerContext } from "../marker.ts";
import { peerGroupOf } from "../peers.ts";
import { isDataRead, shortName } from "./calls.ts";
import { bytesText, listOf } from "./evidence.ts";

/** How many times the daily p95 counts as far above. */
const FACTOR = 5;
/** Floors under the p95s, so a nearly idle actor reading a little is not "far above". */
const MIN_READS = 100;
const MIN_BYTES = 100e6;
const DAY = 86_400_000;
/** Peers consulted at most for a cold-start actor. */
const MAX_PEERS = 50;

interface Volume {
  actor: Activity;
  reads: number;
  bytes: number;
  resources: Set<string>;
}

/** The actor's busy-day p95s, borrowed from its busiest peer when it has no history. */
function usual(a: Activity, ctx: MarkerContext): { reads: number; bytes: number; from: string } | undefined {
  const own = ctx.baseline.actor(a.actor);
  if (own) return { ...own.dailyP95, from: "its" };
  let best: { reads: number; bytes: number; from: string } | undefined;
  for (const key of ctx.baseline.peers(peerGroupOf(a)).slice(0, MAX_PEERS)) {
    const p = ctx.baseline.actor(key)?.dailyP95;
    if (p && (!best || p.reads + p.bytes / 1e6 > best.reads + best.bytes / 1e6)) best = { reads: p.reads, bytes: p.bytes, from: "its peers'" };
  }
  return best;
}

export default defineMarker({
  id: "data-volume-above-baseline",
  title: "Data read far above the actor's baseline",
  weight: 2,
  indicatorKeys: ["SENSITIVE_DATA"],
  evaluate(candidate, ctx) {
    const volumes = new Map<string, Volume>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (s.tactic !== "TA0009" && s.tactic !== "TA0010" && !isDataRead(a.action)) continue;
      const v = volumes.get(a.actor) ?? { actor: a, reads: 0, bytes: 0, resources: new Set<string>() };
      v.reads += s.activityIds.length;
      v.bytes += a.bytes ?? 0;
      for (const r of a.resources) v.resources.add(r);
      volumes.set(a.actor, v);
    }
    // A multi-day candidate is compared with as many busy days.
    const days = Math.max(1, Math.ceil((candidate.end - candidate.start) / DAY));
    let worst: { v: Volume; ratio: number; line: string } | undefined;
    for (const v of volumes.values()) {
      const base = usual(v.actor, ctx);
      const readRef = Math.max(base?.reads ?? 0, MIN_READS) * days;
      const byteRef = Math.max(base?.bytes ?? 0, MIN_BYTES) * days;
      const ratio = Math.max(v.reads / readRef, v.bytes / byteRef);
      if (ratio < FACTOR || (worst && ratio <= worst.ratio)) continue;
      const baseText = base ? `${base.from} daily p95 of ${Math.round(base.reads)} reads / ${bytesText(base.bytes)}` : "no history for it or its peers";
      worst = { v, ratio, line: `${shortName(v.actor.actor)} read ${v.reads} times (${bytesText(v.bytes)}) from ${listOf(v.resources, 4)}: ${ratio.toFixed(1)}× the reference (${baseText}, floors ${MIN_READS} reads / ${bytesText(MIN_BYTES)} per day)` };
    }
    if (!worst) return undefined;
    return {
      indicators: [{ key: "SENSITIVE_DATA", values: [...worst.v.resources], title: "Data read far above baseline" }],
      evidence: worst.line,
      // 5× gives the declared weight, 50× twice it.
      weight: 2 * Math.min(2, 1 + Math.log10(worst.ratio / FACTOR)),
    };
  },
});
