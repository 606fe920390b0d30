import { fromElsewhere } from "../../habits.ts";
import { defineSignal } from "../define.ts";
import { isCallerUser } from "../../peers.ts";
import { apiScore, asList, attackIndicators, elsewhereOrScore, failed, field, indicator, jsonDocument, originScore } from "../helpers.ts";

/** APIs that leave a way back in: new users, keys and passwords (for others), rewritten role trust. */
const PERSISTENCE = new Set(["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:UpdateAssumeRolePolicy", "iam:CreateRole"]);

/** Account ids a trust policy lets assume the role. */
function trustedAccounts(policy: unknown): string[] {
  const out: string[] = [];
  for (const s of asList(field(jsonDocument(policy), "Statement"))) {
    if (field(s, "Effect") !== "Allow") continue;
    for (const p of asList(field(field(s, "Principal"), "AWS"))) {
      const m = /^(?:arn:aws:iam::)?(\d{12})(?::|$)/.exec(String(p));
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}

/**
 * Persistence: users, keys or console passwords created (for someone else) or a role trust opened
 * to a foreign account, when unusual for the actor; and keys or console passwords handed to
 * another user from somewhere else than the actor's own places (habits.ts `fromElsewhere`: the
 * administrator who onboards people from the office does not from a hosting provider, nor through
 * a console token minted there). A bare new user or role is no way back in until it has those.
 */
export default defineSignal({
  id: "persistence-anomalous",
  type: "Persistence:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...PERSISTENCE],
  severity: 5,
  tactic: "TA0003",
  technique: "T1098.001",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const target = field(a.request, "userName");
    const forOther = typeof target === "string" && !isCallerUser(a, target);
    // A user managing their own key or password is routine (rotation); only credentials for others count.
    if ((a.action === "iam:CreateAccessKey" || a.action.endsWith("LoginProfile")) && !forOther) return undefined;
    const foreign = a.action === "iam:UpdateAssumeRolePolicy" || a.action === "iam:CreateRole"
      ? trustedAccounts(field(a.request, "policyDocument") ?? field(a.request, "assumeRolePolicyDocument")).filter((acct) => ctx.baseline.accountTokens(acct) === undefined)
      : [];
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    const anomalous = score >= ctx.anomalyThreshold;
    const handsOutCredentials = forOther && (a.action === "iam:CreateAccessKey" || a.action.endsWith("LoginProfile"));
    const elsewhere = !anomalous && handsOutCredentials && fromElsewhere(a, ctx.baseline, ctx.intel);
    if (!anomalous && foreign.length === 0 && !elsewhere) return undefined;
    if (a.action === "iam:CreateRole" && foreign.length === 0 && apiScore(ctx, a) < ctx.anomalyThreshold) return undefined;
    const what = foreign.length > 0 ? `, trusting account ${foreign.join(", ")} outside the organisation` : forOther ? ` for user ${String(target)}` : "";
    return {
      severity: foreign.length > 0 ? 7 : anomalous && forOther ? 6 : 5,
      anomaly: score,
      indicators: [
        indicator("HIGH_RISK_API", [a.action]),
        ...(anomalous ? [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action])] : []),
        ...attackIndicators("TA0003", a.action === "iam:CreateUser" ? "T1136.003" : a.action.includes("Role") ? "T1098.003" : "T1098.001"),
      ],
      evidence: `${a.actor} called ${a.action}${what} ${elsewhereOrScore(a, elsewhere, score)}.`,
    };
  },
});
