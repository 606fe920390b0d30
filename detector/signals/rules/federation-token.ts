import { defineSignal } from "../define.ts";
import { apiScore, asList, attackIndicators, failed, field, fmt, indicator, jsonDocument } from "../helpers.ts";

const FEDERATION = new Set(["sts:GetFederationToken", "signin:GetSigninToken"]);

/** Federation tokens or console sign-in tokens minted from long-term keys: a way to outlive a key rotation and reach the console. */
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
    if (score < ctx.anomalyThreshold && !allowAll) return undefined;
    return {
      severity: allowAll ? 6 : 5,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0003", "T1098.001")],
      evidence: `${a.actor} called ${a.action}${allowAll ? " with an allow-all session policy" : ""}${a.session ? ` for ${a.session}` : ""} (anomaly ${fmt(score)}).`,
    };
  },
});
