import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, failed, field, fmt, indicator, originScore } from "../helpers.ts";

/** Versioning suspended on a bucket, so overwritten or deleted objects leave nothing to restore. */
export default defineSignal({
  id: "bucket-versioning-suspended",
  type: "Impact:S3/BucketVersioningSuspended",
  foundational: false,
  sources: ["cloudtrail"],
  actions: ["s3:PutBucketVersioning"],
  severity: 4,
  tactic: "TA0040",
  technique: "T1485",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const status = field(a.request, "VersioningConfiguration", "Status");
    if (status !== "Suspended") return undefined;
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    return {
      severity: score >= ctx.anomalyThreshold ? 6 : 4,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0040", "T1485")],
      evidence: `${a.actor} suspended versioning on bucket ${a.resources[0] ?? String(field(a.request, "bucketName") ?? "?")} (anomaly ${fmt(score)}).`,
    };
  },
});
