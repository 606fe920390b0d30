import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, failed, fmt, indicator, originScore } from "../helpers.ts";
import { HOUR } from "../state.ts";
import { isMessagingSetup, MESSAGING_CALLS, setsUpSending } from "../../messaging.ts";

const REGIONS = 3;

/**
 * Mail or SMS sending set up (or quotas probed across regions) by an actor for whom SES/SNS is
 * unusual: spam and phishing abuse. A set-up call by an actor that never set up sending counts as
 * unusual even when its peers make it: a developer's key verifying sender addresses for the first
 * time is what a hijacked key does, whatever the admins of the account do. An actor that sets up
 * sending at all (an admin, a mailer) is judged by the model alone.
 */
export default defineSignal({
  id: "messaging-abuse",
  type: "Impact:IAMUser/MessagingAbuse",
  foundational: true,
  sources: ["cloudtrail"],
  actions: MESSAGING_CALLS,
  severity: 5,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    const setup = isMessagingSetup(a.action);
    if (a.actorType === "AWSService") return undefined;
    const w = ctx.state.windows("messaging-abuse/regions", HOUR).add(a.actor, a.time, a.id, 1, a.region);
    if (failed(a) && setup) return undefined;
    const profile = ctx.baseline.actor(a.actor);
    const newToActor = setup && profile !== undefined && profile.activeDays > 0 && !setsUpSending(profile.tokens);
    const score = Math.max(apiScore(ctx, a), originScore(ctx, a));
    if (score < ctx.anomalyThreshold && !newToActor) return undefined;
    if (!setup && w.distinct < REGIONS) return undefined;
    if (!ctx.state.latch("messaging-abuse", HOUR).first(`${a.actor}|${setup ? a.action : "recon"}`, a.time)) return undefined;
    return {
      severity: setup ? 6 : 4,
      anomaly: score,
      activityIds: w.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action]), ...attackIndicators("TA0040", "T1496")],
      evidence: setup
        ? `${a.actor} called ${a.action} in ${a.region}, ${newToActor && score < ctx.anomalyThreshold ? `with no mail or SMS sending set up in ${profile!.activeDays} days of history` : "unusual for it"} (anomaly ${fmt(score)}).`
        : `${a.actor} probed SES/SNS sending settings in ${w.distinct} regions within an hour (latest ${a.action}, anomaly ${fmt(score)}).`,
    };
  },
});
