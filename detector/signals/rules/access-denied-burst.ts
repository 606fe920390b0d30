import { defineSignal } from "../define.ts";
import { attackIndicators, indicator, isAccessDenied } from "../helpers.ts";
import { HOUR, MINUTE } from "../state.ts";

const BURST = 10;

/** Many access-denied errors within 15 minutes, above the actor's daily 95th percentile of errors: weak evidence of probing. */
export default defineSignal({
  id: "access-denied-burst",
  type: "Discovery:IAMUser/AccessDeniedBurst",
  foundational: false,
  sources: ["cloudtrail"],
  severity: 2,
  tactic: "TA0007",
  technique: "T1580",
  observe(a, ctx) {
    if (!isAccessDenied(a.error)) return undefined;
    const w = ctx.state.windows("access-denied-burst", 15 * MINUTE).add(a.actor, a.time, a.id, 1, a.action);
    const usual = ctx.baseline.actor(a.actor)?.dailyP95.errors ?? 0;
    if (w.count < Math.max(BURST, usual) || !ctx.state.latch("access-denied-burst", HOUR).first(a.actor, a.time)) return undefined;
    return {
      activityIds: w.ids,
      indicators: [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0007", "T1580")],
      evidence: `${a.actor} got ${w.count} access-denied errors on ${w.distinct} APIs within 15 minutes (daily 95th percentile of errors: ${usual}); latest ${a.action} (${a.error}).`,
    };
  },
});
