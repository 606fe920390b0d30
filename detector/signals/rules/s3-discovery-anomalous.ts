import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, fmt, indicator, originScore } from "../helpers.ts";
import { HOUR } from "../state.ts";

const BUCKET_DISCOVERY = new Set([
  "s3:ListBuckets", "s3:ListObjects", "s3:ListObjectsV2", "s3:ListObjectVersions", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketVersioning",
  "s3:GetBucketReplication", "s3:GetBucketPublicAccessBlock", "s3:GetBucketLocation", "s3:GetBucketLifecycle", "s3:GetBucketEncryption", "s3:GetBucketPolicyStatus",
]);

/** Bucket enumeration by an actor for whom the call or its origin is unusual (once per actor an hour). */
export default defineSignal({
  id: "s3-discovery-anomalous",
  type: "Discovery:S3/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...BUCKET_DISCOVERY],
  severity: 4,
  tactic: "TA0007",
  technique: "T1619",
  observe(a, ctx) {
    if (a.actorType === "AWSService") return undefined;
    const api = apiScore(ctx, a);
    const origin = originScore(ctx, a);
    const score = Math.max(api, origin);
    if (score < ctx.anomalyThreshold) return undefined;
    if (!ctx.state.latch("s3-discovery-anomalous", HOUR).first(a.actor, a.time)) return undefined;
    return {
      anomaly: score,
      indicators: [indicator(api >= origin ? "UNUSUAL_API_FOR_ACCOUNT" : "UNUSUAL_ASN_FOR_USER", [api >= origin ? a.action : (a.sourceIp ?? "?")]), ...attackIndicators("TA0007", "T1619")],
      evidence: `${a.actor} called ${a.action}${a.resources[0] ? ` on ${a.resources[0]}` : ""} from ${a.sourceIp ?? "?"}, unusual for it (API ${fmt(api)}, origin ${fmt(origin)}).`,
    };
  },
});
