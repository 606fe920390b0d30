import { defineSignal } from "../define.ts";
import { asList, attackIndicators, failed, field, indicator, jsonDocument } from "../helpers.ts";

const PUBLIC_GRANTEES = /AllUsers|AuthenticatedUsers/;

/** Whether a policy principal is everyone (`"*"` or `{"AWS": "*"}`). */
function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  return asList(field(principal, "AWS")).includes("*");
}

/** A bucket policy allowing Principal "*" without a condition, or an ACL granting AllUsers. */
export default defineSignal({
  id: "bucket-anonymous-access-granted",
  type: "Policy:S3/BucketAnonymousAccessGranted",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["s3:PutBucketPolicy", "s3:PutBucketAcl"],
  severity: 7,
  tactic: "TA0010",
  technique: "T1537",
  observe(a) {
    if (failed(a)) return undefined;
    const bucket = a.resources[0] ?? String(field(a.request, "bucketName") ?? "?");
    if (a.action === "s3:PutBucketPolicy") {
      const policy = jsonDocument(field(a.request, "bucketPolicy") ?? field(a.request, "policy"));
      const open = asList(field(policy, "Statement")).filter((s) => field(s, "Effect") === "Allow" && isEveryone(field(s, "Principal")) && field(s, "Condition") === undefined);
      if (open.length === 0) return undefined;
      const actions = open.flatMap((s) => asList(field(s, "Action")).map(String));
      return {
        indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("MISCONFIGURATION", ["Principal:*"]), ...attackIndicators("TA0010", "T1537")],
        evidence: `${a.actor} put a policy on bucket ${bucket} allowing ${actions.join(", ") || "actions"} to Principal "*" without a condition.`,
      };
    }
    if (a.action === "s3:PutBucketAcl" && PUBLIC_GRANTEES.test(JSON.stringify(a.request ?? {}))) {
      return {
        indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("MISCONFIGURATION", ["AllUsers grant"]), ...attackIndicators("TA0010", "T1537")],
        evidence: `${a.actor} granted AllUsers or AuthenticatedUsers access to bucket ${bucket} through its ACL.`,
      };
    }
    return undefined;
  },
});
