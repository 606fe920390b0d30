import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, failed, field, fmt, indicator, originScore } from "../helpers.ts";

/** Calls that blind a defender whoever makes them. */
const ALWAYS = new Set([
  "guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DeleteMembers",
  "ec2:DeleteFlowLogs", "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel",
  "bedrock:DeleteModelInvocationLoggingConfiguration", "route53resolver:DeleteResolverQueryLogConfig", "securityhub:DisableSecurityHub",
  "cloudwatch:DisableAlarmActions", "access-analyzer:DeleteAnalyzer",
]);

/** Calls that change logging or detection settings routinely; suspicious only when anomalous for the actor. */
const WHEN_ANOMALOUS = new Set([
  "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors", "guardduty:UpdateDetector", "guardduty:CreateFilter", "guardduty:UpdateIPSet",
  "logs:DeleteLogGroup", "logs:DeleteLogStream", "s3:PutBucketLogging", "bedrock:PutModelInvocationLoggingConfiguration", "ec2:ModifyInstanceMetadataOptions",
]);

/** Defense evasion: detectors deleted or suspended, flow logs, Config or model-invocation logging removed, event selectors narrowed by an unusual actor. */
export default defineSignal({
  id: "defense-evasion-anomalous",
  type: "DefenseEvasion:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...ALWAYS, ...WHEN_ANOMALOUS],
  severity: 5,
  tactic: "TA0005",
  technique: "T1562.001",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const suspended = a.action === "guardduty:UpdateDetector" && field(a.request, "enable") === false;
    const always = ALWAYS.has(a.action) || suspended;
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    const anomalous = score >= ctx.anomalyThreshold;
    if (!always && !anomalous) return undefined;
    return {
      severity: anomalous ? 7 : 5,
      anomaly: score,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...(anomalous ? [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action])] : []), ...attackIndicators("TA0005", "T1562.001")],
      evidence: `${a.actor} called ${a.action}${suspended ? " (enable=false)" : ""} in ${a.region}${a.resources[0] ? ` on ${a.resources[0]}` : ""} (anomaly ${fmt(score)}).`,
    };
  },
});
