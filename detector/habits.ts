/**
 * What the caller's own history makes ordinary, asked of the person behind a shared role when
 * there is one (see peers.ts `personOf`): one team member's habit is not the whole team's.
 */
import type { Activity } from "./activity.ts";
import type { Baseline } from "./model.ts";
import { personOf } from "./peers.ts";

/**
 * Whether a call from a Tor exit is the caller's habit rather than a sign of a stolen credential:
 * the caller used Tor exits in history (exits rotate, so any exit counts; a person new to history
 * has no habit yet, whatever their teammates do), or its actor used this very exit.
 */
export function torIsHabitual(a: Pick<Activity, "actor" | "actorType" | "session" | "sourceIp">, baseline: Baseline): boolean {
  const profile = baseline.actor(a.actor);
  if (a.sourceIp !== undefined && profile?.ips.has(a.sourceIp)) return true;
  const person = personOf(a);
  if (person !== undefined) return baseline.person(person)?.usedTor ?? false;
  return profile?.usedTor ?? false;
}
