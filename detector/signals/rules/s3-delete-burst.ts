import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, failed, fmt, indicator, originScore } from "../helpers.ts";
import { HOUR } from "../state.ts";

const BATCHES = 3;
const SINGLES = 100;
const ROUTINE_BATCHES = 20;

/** A burst of object deletions (DeleteObjects batches or many DeleteObject calls) within an hour, unusual for the actor or very large. */
export default defineSignal({
  id: "s3-delete-burst",
  type: "Impact:S3/AnomalousBehavior.Delete",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["s3:DeleteObject", "s3:DeleteObjects"],
  severity: 7,
  tactic: "TA0040",
  technique: "T1485",
  observe(a, ctx) {
    const batch = a.action === "s3:DeleteObjects";
    if (failed(a)) return undefined;
    const w = ctx.state.windows(batch ? "s3-delete-burst/batches" : "s3-delete-burst/singles", HOUR, 200).add(a.actor, a.time, a.id, 1, a.resources[0]);
    if (w.count < (batch ? BATCHES : SINGLES)) return undefined;
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    if (score < ctx.anomalyThreshold && w.count < (batch ? ROUTINE_BATCHES : 10 * SINGLES)) return undefined;
    if (!ctx.state.latch("s3-delete-burst", HOUR).first(a.actor, a.time)) return undefined;
    return {
      anomaly: score,
      activityIds: w.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0040", "T1485")],
      evidence: `${a.actor} made ${w.count} ${a.action} calls on ${w.distinct} bucket(s) within an hour (anomaly ${fmt(score)}).`,
    };
  },
});
