/**
 * History that must not teach the baseline what is normal. An intrusion in the history period
 * would otherwise become the victim's habit: the same key stolen again later (leaked keys are
 * reused; attackers come back) would then look routine to every check that asks what the actor
 * did before. Only API calls that show their attacker on their own are set aside — tell-tales
 * GuardDuty reports whatever the history says — so benign history is never lost to a guess.
 * Not among them: Tor (people use it, and feeds list its exits as abuse) and instance credentials
 * used outside AWS (an instance routed out through an on-premises gateway does that every day,
 * and its history is what keeps that finding quiet).
 */
import type { Activity } from "./activity.ts";
import type { IntelIndex } from "./intel.ts";
import { isOffensiveTooling } from "./ingest/user-agent.ts";

/** Why a history call is set aside. */
export type HostileReason = "offensive tooling" | "known-bad address";

/** The tell-tale that makes a history API call an attacker's, or undefined for a record that may teach. */
export function hostileTellTale(a: Activity, intel: IntelIndex): HostileReason | undefined {
  if (a.source !== "cloudtrail") return undefined;
  if (isOffensiveTooling(a.agentFamily, a.userAgent)) return "offensive tooling";
  const ip = a.sourceIp;
  if (ip && intel.badIpReason(ip) && !intel.isTorExit(ip) && intel.network(ip)?.usage !== "tor") return "known-bad address";
  return undefined;
}
