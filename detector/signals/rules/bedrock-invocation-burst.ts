import { defineSignal } from "../define.ts";
import { attackIndicators, fmt, indicator, originScore } from "../helpers.ts";
import { HOUR } from "../state.ts";

const INVOKE = new Set(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse", "bedrock:ConverseStream"]);
const BURST = 50;

/** Whether the actor called any Bedrock API in history. */
function usedBedrock(tokens: ReadonlyMap<string, number> | undefined): boolean {
  if (!tokens) return false;
  for (const t of tokens.keys()) if (t.startsWith("api:bedrock:")) return true;
  return false;
}

/** A burst of model invocations by an actor that never used Bedrock in history (LLMjacking). */
export default defineSignal({
  id: "bedrock-invocation-burst",
  type: "Impact:IAMUser/BedrockInvocationBurst",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...INVOKE],
  severity: 6,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    const known = ctx.state.timed<boolean>("bedrock-invocation-burst/history", 24 * HOUR);
    let used = known.get(a.actor, a.time);
    if (used === undefined) known.set(a.actor, (used = usedBedrock(ctx.baseline.actor(a.actor)?.tokens)), a.time);
    if (used) return undefined;
    const w = ctx.state.windows("bedrock-invocation-burst", HOUR).add(a.actor, a.time, a.id, 1, a.region);
    if (w.count < BURST || !ctx.state.latch("bedrock-invocation-burst", HOUR).first(a.actor, a.time)) return undefined;
    const origin = originScore(ctx, a);
    return {
      severity: origin >= ctx.anomalyThreshold ? 8 : 6,
      anomaly: origin,
      activityIds: w.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0040", "T1496")],
      evidence: `${a.actor}, which never used Bedrock in history, made ${w.count} model invocations in ${w.distinct} region(s) within an hour (origin anomaly ${fmt(origin)}).`,
    };
  },
});
