/**
 * Who is behind an activity, beyond its actor key. Peer groups: actors of one kind in one account
 * (a role's sessions share its key already; peers are the other actors like it, IAM users of the
 * account, roles of one family), which an actor new to the history borrows its expectations from.
 * Persons: the people behind an Identity Center role's sessions. Instances: sessions named after
 * the EC2 instance whose credentials they use.
 */
import type { Activity } from "./activity.ts";
import type { ActorRef, Baseline } from "./model.ts";

/**
 * The family of a role name: what remains without trailing ids, environment names and random
 * suffixes (`AWSReservedSSO_Developer_3f9a…` → `AWSReservedSSO_Developer`, `orders-api-prod-task`
 * → `orders-api-task`).
 */
export function roleFamily(roleName: string): string {
  return (
    roleName
      .replace(/_[0-9a-f]{8,}$/i, "")
      .split(/[-_]/)
      .filter((part) => !/^(prod|production|staging|stage|dev|test|qa|sandbox|\d+|[0-9a-f]{6,})$/i.test(part))
      .join("-") || roleName
  );
}

/** The peer group of an activity's actor. */
export function peerGroupOf(a: Pick<Activity, "actor" | "actorType" | "actorAccount">): string {
  if (a.actorType === "AssumedRole") {
    const name = a.actor.slice(a.actor.lastIndexOf("/") + 1);
    return `${a.actorAccount}|role:${roleFamily(name)}`;
  }
  return `${a.actorAccount}|${a.actorType}`;
}

/** The actor of an activity as the models see it. */
export function actorRefOf(a: Pick<Activity, "actor" | "actorType" | "actorAccount">): ActorRef {
  return { key: a.actor, account: a.actorAccount, actorType: a.actorType, peerGroup: peerGroupOf(a) };
}

/** An issuer that minted this many federated users in history is an identity broker, not one person. */
const BROKER_FEDERATED_USERS = 3;

/** Whether an issuer of federated users is an identity broker minting them for many people (judged on the history). */
export function isIdentityBroker(issuer: string, history: Pick<Baseline, "federatedUsersOf">): boolean {
  return history.federatedUsersOf(issuer) >= BROKER_FEDERATED_USERS;
}

/**
 * The actor the models judge an activity's actor as, given the history: its own ref, or, for a
 * federated user the history never saw, the ref of the IAM user that minted it. A federated user
 * can do no more than its issuer, and a person's tool (aws-vault) mints one per console sign-in,
 * so its first steps are weighed against that person's habits rather than borrowed from its peer
 * group or, with none, the whole account, where an administrator's habits make anything look
 * usual. An identity broker's federated users are other people: they keep the usual borrowing.
 */
export function judgedRefOf(a: Pick<Activity, "actor" | "actorType" | "actorAccount" | "issuer">, history: Pick<Baseline, "actor" | "federatedUsersOf">): ActorRef {
  const own = actorRefOf(a);
  if (a.issuer === undefined || history.actor(a.actor) || isIdentityBroker(a.issuer, history)) return own;
  return history.actor(a.issuer)?.ref ?? own;
}

/**
 * The person behind an IAM Identity Center session: `<role ARN>#<session name>` when the role is a
 * permission set (`AWSReservedSSO_…`), whose session name Identity Center sets to the user's name;
 * undefined for every other actor (any other role's session name is chosen by whoever assumes it,
 * so it proves nobody). A permission set's sessions share one actor (its network and tools are
 * the team's), but which data a person works with, and how, is their own.
 */
export function personOf(a: Pick<Activity, "actor" | "actorType" | "session">): string | undefined {
  return isIdentityCenterSession(a) ? `${a.actor}#${a.session}` : undefined;
}

/** Whether an activity is an IAM Identity Center user's, in a permission set's role session named after them. */
export function isIdentityCenterSession(a: Pick<Activity, "actor" | "actorType" | "session">): boolean {
  return a.actorType === "AssumedRole" && !!a.session && a.actor.includes("/AWSReservedSSO_");
}

/**
 * Who holds the device behind a call: the Identity Center user (their user name is the session
 * name of every permission set, in every account) or else the actor. A person's laptop is theirs
 * across all their accounts; any other role's sessions are whoever assumes it, so the role.
 */
export function deviceHolderOf(a: Pick<Activity, "actor" | "actorType" | "session">): string {
  return isIdentityCenterSession(a) ? `sso-user:${a.session}` : a.actor;
}

/**
 * Whether an IAM user name names the caller itself: the IAM user calling, the IAM user that minted
 * a federated user (its console session is that user at work), or the person behind an Identity
 * Center session (their session name is their user name, and people often keep an IAM user of the
 * same name). Managing one's own keys and passwords is routine, not persistence.
 */
export function isCallerUser(a: Pick<Activity, "actor" | "actorType" | "session" | "issuer">, userName: string): boolean {
  const userNameOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);
  if (a.actorType === "IAMUser") return userName === userNameOf(a.actor);
  if (a.actorType === "FederatedUser") return a.issuer !== undefined && a.issuer.includes(":user/") && userName === userNameOf(a.issuer);
  return isIdentityCenterSession(a) && userName === a.session;
}

/** Whether a name is an EC2 instance id (`i-0abc…`); a role session so named uses that instance's profile credentials. */
export function isInstanceId(name: string | undefined): name is string {
  return name !== undefined && /^i-[0-9a-f]{8,17}$/.test(name);
}
