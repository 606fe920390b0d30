import { defineSignal } from "../define.ts";
import { attackIndicators, failed, indicator } from "../helpers.ts";

const DISABLING = new Set(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"]);

/** A trail stopped, deleted or updated (GuardDuty raises it for every successful change, change windows included). */
export default defineSignal({
  id: "cloudtrail-logging-disabled",
  type: "Stealth:IAMUser/CloudTrailLoggingDisabled",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...DISABLING],
  severity: 2,
  tactic: "TA0005",
  technique: "T1562.008",
  observe(a) {
    if (failed(a)) return undefined;
    const trail = a.resources[0] ?? "a trail";
    return {
      severity: a.action === "cloudtrail:UpdateTrail" ? 2 : 3,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0005", "T1562.008")],
      evidence: `${a.actor} called ${a.action} on ${trail} in ${a.region}.`,
    };
  },
});
