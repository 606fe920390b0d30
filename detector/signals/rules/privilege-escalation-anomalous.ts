import { defineSignal } from "../define.ts";
import { apiScore, asList, attackIndicators, failed, field, fmt, indicator, jsonDocument, originScore } from "../helpers.ts";

const ATTACH = new Set(["iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy"]);
const INLINE = new Set(["iam:PutUserPolicy", "iam:PutRolePolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion"]);
const ADMIN_POLICY = /(^|\/)(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

/** Whether a policy document allows every action (or every IAM action) on every resource. */
function allowsEverything(doc: unknown): boolean {
  return asList(field(jsonDocument(doc), "Statement")).some((s) => {
    if (field(s, "Effect") !== "Allow") return false;
    const actions = asList(field(s, "Action")).map(String);
    const resources = asList(field(s, "Resource")).map(String);
    return actions.some((x) => x === "*" || x === "iam:*") && resources.includes("*");
  });
}

/** Administrator rights granted: an admin managed policy attached, or an allow-all inline policy or default policy version. */
export default defineSignal({
  id: "privilege-escalation-anomalous",
  type: "PrivilegeEscalation:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...ATTACH, ...INLINE],
  severity: 5,
  tactic: "TA0004",
  technique: "T1098.003",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    let grant: string | undefined;
    if (ATTACH.has(a.action)) {
      const arn = String(field(a.request, "policyArn") ?? "");
      if (ADMIN_POLICY.test(arn)) grant = arn.slice(arn.lastIndexOf("/") + 1);
    } else {
      const isVersion = a.action === "iam:CreatePolicyVersion";
      if (allowsEverything(field(a.request, "policyDocument")) && (!isVersion || field(a.request, "setAsDefault") !== false)) grant = "an allow-all policy";
    }
    if (!grant) return undefined;
    const target = String(field(a.request, "userName") ?? field(a.request, "roleName") ?? field(a.request, "groupName") ?? field(a.request, "policyArn") ?? "?");
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    const anomalous = score >= ctx.anomalyThreshold;
    return {
      severity: anomalous ? 7 : 4,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...(anomalous ? [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action])] : []), ...attackIndicators("TA0004", "T1098.003")],
      evidence: `${a.actor} granted ${grant} to ${target} with ${a.action} (anomaly ${fmt(score)}).`,
    };
  },
});
