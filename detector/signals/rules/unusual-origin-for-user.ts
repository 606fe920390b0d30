import { agentToken } from "../../tokens.ts";
import { defineSignal } from "../define.ts";
import { attackIndicators, fmt, indicator, networkLabel, sourceAsnToken } from "../helpers.ts";
import { DAY } from "../state.ts";

/**
 * Calls from a network (ASN) or tool foreign to the actor and its peers (once per actor, network and
 * tool a day). A Low-severity foundational finding, as GuardDuty raises this type; being a model's
 * judgement, it links to other signals through the identity only (see correlate.ts).
 */
export default defineSignal({
  id: "unusual-origin-for-user",
  type: "UnauthorizedAccess:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 3,
  tactic: "TA0001",
  technique: "T1078.004",
  observe(a, ctx) {
    if (a.actorType === "AWSService" || a.actorType === "Anonymous" || !a.sourceIp) return undefined;
    const asn = sourceAsnToken(ctx, a);
    const asnScore = asn ? ctx.anomaly(a, asn) : 0;
    const agentScore = a.agentFamily ? ctx.anomaly(a, agentToken(a.agentFamily)) : 0;
    if (asnScore < ctx.anomalyThreshold && agentScore < ctx.anomalyThreshold) return undefined;
    if (!ctx.state.latch("unusual-origin-for-user", DAY).first(`${a.actor}|${asn}|${a.agentFamily}`, a.time)) return undefined;
    const indicators = [...attackIndicators("TA0001", "T1078.004")];
    if (asnScore >= ctx.anomalyThreshold && asn) indicators.unshift(indicator("UNUSUAL_ASN_FOR_USER", [asn.slice(4)]));
    if (agentScore >= ctx.anomalyThreshold) indicators.unshift(indicator("SUSPICIOUS_USER_AGENT", [a.agentFamily ?? "?"]));
    return {
      severity: asnScore >= ctx.anomalyThreshold && agentScore >= ctx.anomalyThreshold ? 4 : 3,
      anomaly: Math.max(asnScore, agentScore),
      indicators,
      evidence: `${a.actor} called ${a.action} from ${a.sourceIp} in ${networkLabel(ctx, a.sourceIp)} (network score ${fmt(asnScore)}) with ${a.agentFamily ?? "an unknown tool"} (tool score ${fmt(agentScore)}).`,
    };
  },
});
