import { defineSignal } from "../define.ts";
import { attackIndicators, fmt, hostKind, indicator } from "../helpers.ts";
import { IMDS_IP } from "../net.ts";

const CREDENTIALS_PATH = "/meta-data/iam/security-credentials";

/** Role credentials read from the instance metadata service by a process unusual for the instance (not its SDKs' routine refresh). */
export default defineSignal({
  id: "imds-credential-fetch",
  type: "Execution:Runtime/SuspiciousCommand",
  foundational: true,
  sources: ["runtime"],
  severity: 6,
  tactic: "TA0006",
  technique: "T1552.005",
  observe(a, ctx) {
    const cmd = a.host?.cmdLine;
    if (!cmd || hostKind(a) !== "process" || !cmd.includes(CREDENTIALS_PATH) || !cmd.includes(IMDS_IP)) return undefined;
    const process = a.host?.process ?? cmd.split(" ")[0] ?? "?";
    const score = ctx.anomaly(a, `process:${process}`);
    if (score < ctx.anomalyThreshold) return undefined;
    return {
      anomaly: score,
      indicators: [indicator("SUSPICIOUS_PROCESS", [process]), ...attackIndicators("TA0006", "T1552.005")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} read role credentials from the metadata service with ${process}, unusual for it (score ${fmt(score)}): ${cmd.slice(0, 200)}.`,
    };
  },
});
