import { apiToken } from "../../tokens.ts";
import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, fmt, indicator } from "../helpers.ts";
import { DAY } from "../state.ts";

/** An API the actor never called in history though its peers do (once per actor and API a day): the weakest evidence, drift more often than not. */
export default defineSignal({
  id: "new-api-common-for-peers",
  type: "Discovery:IAMUser/NewApiForActor",
  foundational: false,
  sources: ["cloudtrail"],
  severity: 1,
  tactic: "TA0007",
  observe(a, ctx) {
    if (a.actorType === "AWSService" || a.actorType === "Anonymous") return undefined;
    const profile = ctx.baseline.actor(a.actor);
    if (!profile || profile.tokens.has(apiToken(a.action))) return undefined;
    const score = apiScore(ctx, a);
    if (score >= ctx.anomalyThreshold) return undefined;
    if (!ctx.state.latch("new-api-common-for-peers", DAY).first(`${a.actor}|${a.action}`, a.time)) return undefined;
    return {
      anomaly: score,
      indicators: [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0007")],
      evidence: `${a.actor} called ${a.action} for the first time; its peers call it (score ${fmt(score)}).`,
    };
  },
});
