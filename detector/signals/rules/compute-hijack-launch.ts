import { defineSignal } from "../define.ts";
import { apiScore, asList, attackIndicators, failed, field, fmt, indicator, originScore } from "../helpers.ts";

const GPU_FAMILY = /^(p[2-6]|g[3-6]|g5g|gr6|inf[12]|trn[12]|dl[12])[a-z]*\./;
const MANY = 10;

/** GPU instances (or many instances) launched where the actor, its region or its origin is unusual: resource hijacking. */
export default defineSignal({
  id: "compute-hijack-launch",
  type: "Impact:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["ec2:RunInstances"],
  severity: 5,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const type = String(field(a.request, "instanceType") ?? "");
    const count = asList(field(a.request, "instancesSet", "items")).reduce<number>((n, item) => n + Number(field(item, "maxCount") ?? 1), 0);
    const gpu = GPU_FAMILY.test(type);
    if (!gpu && count < MANY) return undefined;
    const region = ctx.anomaly(a, `region:${a.region}`);
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a), region);
    const anomalous = score >= ctx.anomalyThreshold;
    if (!gpu && !anomalous) return undefined;
    return {
      severity: anomalous ? 7 : 4,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...(region >= ctx.anomalyThreshold ? [indicator("UNUSUAL_API_FOR_ACCOUNT", [`${a.action} in ${a.region}`])] : []), ...attackIndicators("TA0040", "T1496")],
      evidence: `${a.actor} launched ${count || 1} ${type || "instance"} instance(s) in ${a.region}${gpu ? " (GPU)" : ""} (region anomaly ${fmt(region)}, overall ${fmt(score)}).`,
    };
  },
});
