import { defineSignal } from "../define.ts";
import { attackIndicators, failed, field, indicator } from "../helpers.ts";
import { HOUR } from "../state.ts";

const SSE_C = "x-amz-server-side-encryption-customer-algorithm";
const BURST = 3;

/** Objects rewritten in bulk with a customer-provided key (SSE-C): the key holder alone can read them back. */
export default defineSignal({
  id: "s3-ransom-encryption",
  type: "Impact:S3/AnomalousBehavior.Write",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["s3:CopyObject", "s3:PutObject"],
  severity: 8,
  tactic: "TA0040",
  technique: "T1486",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    if (field(a.request, SSE_C) === undefined && field(a.request, "SSECustomerAlgorithm") === undefined) return undefined;
    const w = ctx.state.windows("s3-ransom-encryption", HOUR, 200).add(a.actor, a.time, a.id, 1, a.resources[0]);
    if (w.count < BURST || !ctx.state.latch("s3-ransom-encryption", HOUR).first(a.actor, a.time)) return undefined;
    return {
      activityIds: w.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0040", "T1486")],
      evidence: `${a.actor} rewrote ${w.count} objects in ${w.distinct} bucket(s) with a customer-provided encryption key (SSE-C) within an hour.`,
    };
  },
});
