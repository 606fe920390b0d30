import { defineSignal } from "../define.ts";
import { attackIndicators, indicator } from "../helpers.ts";
import { HOUR } from "../state.ts";

/** The account root user's credentials used (once per account an hour). */
export default defineSignal({
  id: "root-credential-usage",
  type: "Policy:IAMUser/RootCredentialUsage",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 2,
  tactic: "TA0004",
  technique: "T1078.004",
  observe(a, ctx) {
    if (a.actorType !== "Root" || !ctx.state.latch("root-credential-usage", HOUR).first(a.account, a.time)) return undefined;
    return {
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0004", "T1078.004")],
      evidence: `The root user of account ${a.account} called ${a.action} from ${a.sourceIp ?? "?"}.`,
    };
  },
});
