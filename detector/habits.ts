/**
 * What the caller's own history makes ordinary: asked of the person behind an Identity Center
 * role when there is one (see peers.ts \`personOf\`), since one team member's habit is not the
 * whole team's, and of the actor for its behaviour tokens.
 */
import type { Activity } from "./activity.ts";
import type { IntelIndex } from "./intel.ts";
import type { ActorProfile, Baseline, PersonProfile, Token } from "./model.ts";
import { clientInstallation } from "./ingest/user-agent.ts";
import { deviceHolderOf, isIdentityCenterSession, judgedRefOf, personOf } from "./peers.ts";
import { agentToken, apiToken, asnToken } from "./tokens.ts";

/** Days of history a person or actor needs before their own habits are the reference. */
const SETTLED_DAYS = 3;
/** Uses in history that make a behaviour token an actor's habit rather than a one-off. */
const HABIT_USES = 5;

/** The person's own profile when their history is settled; undefined otherwise (or for an actor that is no person), so callers fall back on the actor. */
export function settledPerson(a: Pick<Activity, "actor" | "actorType" | "session">, baseline: Baseline): PersonProfile | undefined {
  const person = personOf(a);
  const own = person === undefined ? undefined : baseline.person(person);
  return own && own.activeDays >= SETTLED_DAYS ? own : undefined;
}

/**
 * Whether a call from a Tor exit is the caller's habit rather than a sign of a stolen credential:
 * the caller called from Tor exits in history (exits rotate, so any exit counts). A person new to
 * history has no habit yet, whatever their teammates do.
 */
export function torIsHabitual(a: Pick<Activity, "actor" | "actorType" | "session">, baseline: Baseline): boolean {
  const person = personOf(a);
  if (person !== undefined) return baseline.person(person)?.usedTor ?? false;
  return baseline.actor(a.actor)?.usedTor ?? false;
}

/** The actor's history profile when it spans enough days to have habits; undefined otherwise. */
export function settledActor(actor: string, baseline: Baseline): ActorProfile | undefined {
  const profile = baseline.actor(actor);
  return profile && profile.activeDays >= SETTLED_DAYS ? profile : undefined;
}

/** Whether a settled actor used the token often enough in history for it to be a habit. */
export function isHabit(profile: ActorProfile, token: Token): boolean {
  return (profile.tokens.get(token) ?? 0) >= HABIT_USES;
}

/**
 * A test of whether an activity's API call is its settled actor's habit, remembering each actor's
 * profile: markers ask it of every signal in a sequence. Newcomers have no habits.
 */
export function habitualCall(baseline: Baseline): (a: Pick<Activity, "actor" | "action">) => boolean {
  const profiles = new Map<string, ActorProfile | undefined>();
  return (a) => {
    if (!profiles.has(a.actor)) profiles.set(a.actor, settledActor(a.actor, baseline));
    const profile = profiles.get(a.actor);
    return profile !== undefined && isHabit(profile, apiToken(a.action));
  };
}

/**
 * A person's own client installation, when their call came from one: the same tool, versions and
 * platform its holder (see peers.ts `deviceHolderOf`) used habitually in history and few others
 * share. Stolen keys are replayed with the thief's tools; a person on the move brings their laptop.
 * Only people (IAM users, Identity Center users) move: a workload's role called from somewhere new
 * is not explained by its SDK, and instance credentials outside AWS are theft whatever they carry.
 */
export function ownClient(a: Pick<Activity, "actor" | "actorType" | "session" | "userAgent">, baseline: Baseline): string | undefined {
  if (a.actorType !== "IAMUser" && !isIdentityCenterSession(a)) return undefined;
  const installation = a.userAgent === undefined ? undefined : clientInstallation(a.userAgent);
  return installation !== undefined && baseline.clientUses(installation, deviceHolderOf(a)) >= HABIT_USES ? installation : undefined;
}

/**
 * Where a CloudTrail call came from, when that is the caller's own: its usual network with its
 * usual tool (both habits), or its own device ({@link ownClient}) from any network but Tor (an
 * exit, or a network intel calls Tor) or a known-bad address. `device` tells which; `label` says it for evidence.
 */
export function ownOrigin(a: Activity, baseline: Baseline, intel: IntelIndex): { label: string; device: boolean } | undefined {
  if (a.source !== "cloudtrail" || !a.sourceIp || !a.agentFamily) return undefined;
  const net = intel.network(a.sourceIp);
  if (net?.usage === "tor" || intel.isTorExit(a.sourceIp) || intel.badIpReason(a.sourceIp)) return undefined;
  const place = net ? net.org : "unknown network";
  const profile = settledActor(a.actor, baseline);
  if (profile && isHabit(profile, asnToken(net)) && isHabit(profile, agentToken(a.agentFamily))) return { label: `${place} with ${a.agentFamily}`, device: false };
  return ownClient(a, baseline) ? { label: `its own ${a.agentFamily} installation from ${place}`, device: true } : undefined;
}

/**
 * Whether a settled identity called from somewhere else: a Tor exit it never used in history, a
 * known-bad address, or a known network none of its habits (asked of the actor as the models judge
 * it — an Identity Center team's networks, or, for a federated user new to history, the networks of
 * the IAM user that minted it: peers.ts `judgedRefOf`) and not from its own device. Not merely a
 * newcomer, person or actor, whose networks say nothing yet; not a new tool at the usual desk; and
 * nothing is said of a network intel does not know.
 */
export function fromElsewhere(a: Activity, baseline: Baseline, intel: IntelIndex): boolean {
  // The issuer at work through its federated user is asked about all of it: places, Tor, device.
  const judged = judgedRefOf(a, baseline);
  const caller: Activity = judged.key === a.actor ? a : { ...a, actor: judged.key, actorType: judged.actorType, session: undefined, issuer: undefined };
  const profile = settledActor(caller.actor, baseline);
  if (!profile || !a.sourceIp) return false;
  if (personOf(caller) !== undefined && settledPerson(caller, baseline) === undefined) return false;
  const net = intel.network(a.sourceIp);
  if (net?.usage === "tor" || intel.isTorExit(a.sourceIp)) return !torIsHabitual(caller, baseline);
  if (intel.badIpReason(a.sourceIp)) return true;
  return net !== undefined && !isHabit(profile, asnToken(net)) && ownClient(caller, baseline) === undefined;
}
