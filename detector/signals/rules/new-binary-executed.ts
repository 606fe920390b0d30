import { defineSignal } from "../define.ts";
import { attackIndicators, fmt, hostKind, indicator } from "../helpers.ts";

const TEMP_DIRS = ["/tmp/", "/var/tmp/", "/dev/shm/"];

/**
 * A binary started from a temporary directory, foreign to the instance and its peers. A Low-severity
 * foundational finding, as GuardDuty Runtime Monitoring raises this type; installers run from /tmp
 * too, so being a model's judgement it links through the instance and its group only (see
 * correlate.ts).
 */
export default defineSignal({
  id: "new-binary-executed",
  type: "Execution:Runtime/NewBinaryExecuted",
  foundational: true,
  sources: ["runtime"],
  severity: 3,
  tactic: "TA0002",
  technique: "T1059.004",
  observe(a, ctx) {
    const path = a.host?.path;
    if (!path || hostKind(a) !== "process" || !TEMP_DIRS.some((d) => path.startsWith(d))) return undefined;
    const process = a.host?.process ?? path.slice(path.lastIndexOf("/") + 1);
    const score = ctx.anomaly(a, `process:${process}`);
    if (score < ctx.anomalyThreshold) return undefined;
    return {
      anomaly: score,
      indicators: [indicator("SUSPICIOUS_PROCESS", [path]), ...attackIndicators("TA0002", "T1059.004")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} ran ${path}, a binary in a temporary directory unusual for it (score ${fmt(score)}).`,
    };
  },
});
