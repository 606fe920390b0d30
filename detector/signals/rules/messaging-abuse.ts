import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, failed, fmt, indicator, originScore } from "../helpers.ts";
import { HOUR } from "../state.ts";

// Sending identities, sending limits and SMS settings: what a spammer needs. A new SNS topic is
// everyday plumbing (alarms, fan-out) for admins and pipelines, not a sign of abuse.
const SETUP = new Set([
  "ses:VerifyEmailIdentity", "ses:VerifyDomainIdentity", "ses:CreateEmailIdentity", "ses:UpdateAccountSendingEnabled", "ses:PutAccountSendingAttributes",
  "ses:PutAccountDetails", "sns:SetSMSAttributes", "sns:CreateSMSSandboxPhoneNumber",
]);
const RECON = new Set(["ses:GetSendQuota", "ses:GetAccount", "ses:GetAccountSendingEnabled", "ses:ListIdentities", "ses:ListEmailIdentities", "sns:GetSMSAttributes", "sns:GetSMSSandboxAccountStatus"]);
const REGIONS = 3;

/** Mail or SMS sending set up (or quotas probed across regions) by an actor for whom SES/SNS is unusual: spam and phishing abuse. */
export default defineSignal({
  id: "messaging-abuse",
  type: "Impact:IAMUser/MessagingAbuse",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 5,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    const setup = SETUP.has(a.action);
    if ((!setup && !RECON.has(a.action)) || a.actorType === "AWSService") return undefined;
    const w = ctx.state.windows("messaging-abuse/regions", HOUR).add(a.actor, a.time, a.id, 1, a.region);
    if (failed(a) && setup) return undefined;
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    if (score < ctx.anomalyThreshold) return undefined;
    if (!setup && w.distinct < REGIONS) return undefined;
    if (!ctx.state.latch("messaging-abuse", HOUR).first(`${a.actor}|${setup ? a.action : "recon"}`, a.time)) return undefined;
    return {
      severity: setup ? 6 : 4,
      anomaly: score,
      activityIds: w.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0040", "T1496")],
      evidence: setup
        ? `${a.actor} called ${a.action} in ${a.region}, unusual for it (anomaly ${fmt(score)}).`
        : `${a.actor} probed SES/SNS sending settings in ${w.distinct} regions within an hour (latest ${a.action}, anomaly ${fmt(score)}).`,
    };
  },
});
