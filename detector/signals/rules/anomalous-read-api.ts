import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, fmt, indicator } from "../helpers.ts";
import { DAY } from "../state.ts";

/**
 * A read-only API foreign to the actor and its peers (once per actor and API a day). A Low-severity
 * foundational finding, as GuardDuty raises this type; being a model's judgement, it links to other
 * signals through the identity only (see correlate.ts).
 */
export default defineSignal({
  id: "anomalous-read-api",
  type: "Discovery:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 3,
  tactic: "TA0007",
  technique: "T1087.004",
  observe(a, ctx) {
    if (!a.readOnly || a.actorType === "AWSService" || a.actorType === "Anonymous") return undefined;
    const score = apiScore(ctx, a);
    if (score < ctx.anomalyThreshold) return undefined;
    if (!ctx.state.latch("anomalous-read-api", DAY).first(`${a.actor}|${a.action}`, a.time)) return undefined;
    return {
      anomaly: score,
      indicators: [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0007", "T1087.004")],
      evidence: `${a.actor} called ${a.action}, unusual for it and its peers (score ${fmt(score)}).`,
    };
  },
});
