import { defineSignal } from "../define.ts";
import { apiScore, asList, attackIndicators, failed, field, fmt, indicator, originScore } from "../helpers.ts";

const SHORT_DAYS = 7;

/** A lifecycle rule expiring objects (or old versions) within days: slow-motion deletion. */
export default defineSignal({
  id: "s3-lifecycle-expiration",
  type: "Impact:S3/LifecycleExpirationShortened",
  foundational: false,
  sources: ["cloudtrail"],
  actions: ["s3:PutBucketLifecycle", "s3:PutBucketLifecycleConfiguration"],
  severity: 4,
  tactic: "TA0040",
  technique: "T1485",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const rules = asList(field(a.request, "LifecycleConfiguration", "Rule"));
    const days = rules.flatMap((r) => [field(r, "Expiration", "Days"), field(r, "NoncurrentVersionExpiration", "NoncurrentDays")]).map(Number).filter((d) => Number.isFinite(d));
    const shortest = Math.min(...days);
    if (!(shortest <= SHORT_DAYS)) return undefined;
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    return {
      severity: score >= ctx.anomalyThreshold ? 6 : 4,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0040", "T1485")],
      evidence: `${a.actor} added a lifecycle rule to bucket ${a.resources[0] ?? String(field(a.request, "bucketName") ?? "?")} expiring objects after ${shortest} day(s) (anomaly ${fmt(score)}).`,
    };
  },
});
