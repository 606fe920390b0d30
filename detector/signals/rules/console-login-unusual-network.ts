import { defineSignal } from "../define.ts";
import { attackIndicators, failed, fmt, indicator, networkLabel, sourceAsnToken } from "../helpers.ts";

/** A successful console sign-in from a network foreign to the user and its peers; more severe without MFA. */
export default defineSignal({
  id: "console-login-unusual-network",
  type: "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["signin:ConsoleLogin"],
  severity: 5,
  tactic: "TA0001",
  technique: "T1078.004",
  observe(a, ctx) {
    if (failed(a) || !a.sourceIp) return undefined;
    const token = sourceAsnToken(ctx, a);
    if (!token) return undefined;
    const score = ctx.anomaly(a, token);
    if (score < ctx.anomalyThreshold) return undefined;
    const noMfa = a.mfa === false;
    return {
      severity: noMfa ? 6 : 4,
      anomaly: score,
      indicators: [indicator("UNUSUAL_ASN_FOR_USER", [token.slice(4)]), indicator("SUSPICIOUS_NETWORK", [a.sourceIp]), ...attackIndicators("TA0001", "T1078.004")],
      evidence: `${a.actor} signed in to the console ${noMfa ? "without MFA " : ""}from ${a.sourceIp} in ${networkLabel(ctx, a.sourceIp)}, a network unusual for it (score ${fmt(score)}).`,
    };
  },
});
