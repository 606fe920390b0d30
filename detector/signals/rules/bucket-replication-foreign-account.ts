import { defineSignal } from "../define.ts";
import { asList, attackIndicators, failed, field, indicator } from "../helpers.ts";

/** A replication rule sending a bucket to an account the history never saw (outside the organisation). */
export default defineSignal({
  id: "bucket-replication-foreign-account",
  type: "Exfiltration:S3/BucketReplicationToForeignAccount",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["s3:PutBucketReplication"],
  severity: 8,
  tactic: "TA0010",
  technique: "T1537",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const rules = asList(field(a.request, "ReplicationConfiguration", "Rule"));
    const foreign = rules
      .map((r) => String(field(r, "Destination", "Account") ?? ""))
      .filter((acct) => /^\d{12}$/.test(acct) && acct !== a.account && ctx.baseline.accountTokens(acct) === undefined);
    if (foreign.length === 0) return undefined;
    const bucket = a.resources[0] ?? String(field(a.request, "bucketName") ?? "?");
    return {
      indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("SENSITIVE_DATA", [bucket]), ...attackIndicators("TA0010", "T1537")],
      evidence: `${a.actor} set bucket ${bucket} to replicate to account ${[...new Set(foreign)].join(", ")}, which never appeared in history.`,
    };
  },
});
