import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, eventName, indicator } from "../helpers.ts";
import { HOUR, MINUTE } from "../state.ts";

const WINDOW = 15 * MINUTE;
const MIN_BREADTH = 10;
const MIN_ANOMALOUS = 3;

/** Whether a call is enumeration (List/Describe/Get…, not object reads). */
export function isEnumeration(action: string): boolean {
  const e = eventName(action);
  return (e.startsWith("List") || e.startsWith("Describe") || (e.startsWith("Get") && !e.startsWith("GetObject"))) && action !== "sts:GetCallerIdentity";
}

/** A burst of enumeration: many distinct List/Describe/Get APIs within 15 minutes, several of them foreign to the actor and its peers. */
export default defineSignal({
  id: "discovery-burst",
  type: "Discovery:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 5,
  tactic: "TA0007",
  technique: "T1580",
  observe(a, ctx) {
    if (!a.readOnly || !isEnumeration(a.action)) return undefined;
    const breadth = ctx.state.windows("discovery-burst/all", WINDOW).add(a.actor, a.time, a.id, 1, a.action);
    const score = apiScore(ctx, a);
    const anomalous = ctx.state.windows("discovery-burst/anomalous", WINDOW);
    const odd = (score >= ctx.anomalyThreshold ? anomalous.add(a.actor, a.time, a.id, 1, a.action) : anomalous.peek(a.actor, a.time)).distinct;
    if (breadth.distinct < MIN_BREADTH || odd < MIN_ANOMALOUS) return undefined;
    if (!ctx.state.latch("discovery-burst/fired", HOUR).first(a.actor, a.time)) return undefined;
    return {
      severity: odd >= 2 * MIN_ANOMALOUS ? 6 : 5,
      anomaly: score,
      activityIds: breadth.ids,
      indicators: [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0007", "T1580")],
      evidence: `${a.actor} called ${breadth.distinct} distinct List/Describe/Get APIs within 15 minutes, ${odd} of them unusual for it and its peers (latest ${a.action}).`,
    };
  },
});
