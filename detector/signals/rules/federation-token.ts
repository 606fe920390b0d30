import { defineSignal } from "../define.ts";
import { apiScore, asList, attackIndicators, failed, field, fmt, indicator, jsonDocument } from "../helpers.ts";

const FEDERATION = new Set(["sts:GetFederationToken", "signin:GetSigninToken"]);

/**
 * Federation tokens or console sign-in tokens minted from long-term keys, by a caller for whom that
 * is unusual: a way to outlive a key rotation and reach the console. An allow-all session policy
 * makes it stronger but is no signal by itself: a session policy only narrows the caller's own
 * rights, and allow-all is how aws-vault and similar tools give a person's console its full rights.
 */
export default defineSignal({
  id: "federation-token",
  type: "Persistence:IAMUser/FederationToken",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...FEDERATION],
  severity: 5,
  tactic: "TA0003",
  technique: "T1098.001",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const allowAll = asList(field(jsonDocument(field(a.request, "policy")), "Statement")).some(
      (s) => field(s, "Effect") === "Allow" && asList(field(s, "Action")).includes("*"),
    );
    const score = apiScore(ctx, a);
    if (score < ctx.anomalyThreshold) return undefined;
    return {
      severity: allowAll ? 6 : 5,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0003", "T1098.001")],
      evidence: `${a.actor} called ${a.action}${allowAll ? " with an allow-all session policy" : ""}${a.session ? ` for ${a.session}` : ""} (anomaly ${fmt(score)}).`,
    };
  },
});
