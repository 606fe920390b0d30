/**
 * History that must not teach the baseline what is normal. An intrusion in the history period
 * would otherwise become the victim's habit: the same key stolen again later (leaked keys are
 * reused; attackers come back) would then look routine to every check that asks what the actor
 * did before. Only calls that show their attacker on
 * their own are set aside — a tell-tale GuardDuty reports whatever the history says — so benign
 * history is never lost to a guess. Tor is not among them: people use it.
 */
import type { Activity } from "./activity.ts";
import type { IntelIndex } from "./intel.ts";
import { isInstanceId } from "./peers.ts";
import { isOutsideAws } from "./signals/net.ts";

/** Why a history call is set aside. */
export type HostileReason = "penetration-testing user agent" | "known-bad address" | "instance credentials used outside AWS";

const PENTEST_FAMILIES = new Set(["kali", "parrot", "pentoo"]);

/** The tell-tale that makes a history call an attacker's, or undefined for a call that may teach. */
export function hostileTellTale(a: Activity, intel: IntelIndex): HostileReason | undefined {
  if (a.agentFamily && PENTEST_FAMILIES.has(a.agentFamily)) return "penetration-testing user agent";
  if (!a.sourceIp) return undefined;
  if (intel.badIpReason(a.sourceIp)) return "known-bad address";
  // An instance's role credentials act from its VPC (a NAT or an AWS endpoint), never from outside.
  if (a.actorType === "AssumedRole" && isInstanceId(a.session) && isOutsideAws(a.sourceIp, intel)) return "instance credentials used outside AWS";
  return undefined;
}
