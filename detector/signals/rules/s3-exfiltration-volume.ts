import { defineSignal } from "../define.ts";
import { attackIndicators, bytesLabel, failed, fmt, indicator, originScore } from "../helpers.ts";
import { DAY, HOUR } from "../state.ts";
import { settledPerson } from "../../habits.ts";
import { personOf } from "../../peers.ts";

const READS = new Set(["s3:GetObject"]);
const FACTOR = 3;
const MIN_OBJECTS = 200;
const MIN_BYTES = 500_000_000;

/**
 * Objects read from S3 over the last 24 hours far above the actor's usual daily count or its daily
 * 95th percentile of bytes. A person in a shared role (an Identity Center permission set) is
 * counted on their own and, once their history is settled, against their own usual count: the
 * team's daily reads would hide one member's bulk read. A read that keeps growing is reported again
 * each time it doubles, so the sequence it belongs to stays open while data is still flowing: an
 * upload the next night is then less than a day from its last step, not from its first.
 */
export default defineSignal({
  id: "s3-exfiltration-volume",
  type: "Exfiltration:S3/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...READS],
  severity: 6,
  tactic: "TA0009",
  technique: "T1530",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const person = personOf(a);
    const who = person ?? a.actor;
    const w = ctx.state.windows("s3-exfiltration-volume", DAY).add(who, a.time, a.id, a.bytes ?? 0, a.resources[0]);
    const profile = ctx.baseline.actor(a.actor);
    const p95 = profile?.dailyP95;
    const own = settledPerson(a, ctx.baseline);
    // Object reads a day on average (the daily read percentile counts every read-only call, not just objects).
    const usualObjects = own ? own.objectReads / own.activeDays : profile && profile.activeDays > 0 ? (profile.tokens.get("api:s3:GetObject") ?? 0) / profile.activeDays : 0;
    const objectLimit = Math.max(MIN_OBJECTS, FACTOR * usualObjects);
    const byteLimit = Math.max(MIN_BYTES, FACTOR * (p95?.bytes ?? 0));
    const times = Math.max(w.count / objectLimit, w.sum / byteLimit);
    if (times < 1) return undefined;
    const doublings = Math.floor(Math.log2(times));
    if (!ctx.state.latch("s3-exfiltration-volume", 6 * HOUR).first(`${who}\n${doublings}`, a.time)) return undefined;
    const origin = originScore(ctx, a);
    const foreign = origin >= ctx.anomalyThreshold;
    return {
      severity: foreign ? 8 : 6,
      anomaly: origin,
      activityIds: w.ids,
      indicators: [indicator("SENSITIVE_DATA", [a.resources[0] ?? "?"]), ...(foreign && a.sourceIp ? [indicator("UNUSUAL_ASN_FOR_USER", [a.sourceIp])] : []), ...attackIndicators("TA0009", "T1530")],
      evidence: `${person === undefined ? a.actor : `${a.session} (a session of ${a.actor})`} read ${w.count} objects (${bytesLabel(w.sum)}) from ${w.distinct} bucket(s) in 24 hours against ${Math.round(usualObjects)} objects a day on average${own ? " for them" : ""} and ${person === undefined ? "a" : "the role's"} daily 95th percentile of ${bytesLabel(p95?.bytes ?? 0)}${foreign ? `, from an unusual origin (score ${fmt(origin)})` : ""}.`,
    };
  },
});
