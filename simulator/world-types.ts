/**
 * The simulator's model of an organisation: the inventory a defender sees, plus what only the
 * generator knows (personas, habits, schedules). Nothing here is written into events as a label.
 */
import type { Account, Bucket, Instance, Principal } from "../schema/inventory.ts";
import type { UserAgentHabit } from "./user-agents.ts";

/** A weighted choice, fixed per principal: its habit. */
export interface Habit<T> {
  items: T[];
  weights: number[];
}

/** An office: where humans work and the addresses their traffic leaves from. */
export interface Office {
  city: string;
  country: string;
  utcOffset: number;
  egressIps: string[];
}

/** An S3 bucket with the object key layout its users read and write. */
export interface SimBucket extends Bucket {
  accountId: string;
  sensitive: boolean;
  keyPrefixes: string[];
  objectCount: number;
}

/** An account with the resources API builders refer to. */
export interface SimAccount extends Account {
  buckets: SimBucket[];
  homeRegion: string;
  trailName: string;
  logGroups: string[];
  roleNames: string[];
  userNames: string[];
  stackNames: string[];
}

/** How a principal authenticates, which decides the shape of `userIdentity`. */
export type IdentityKind = "iam-user" | "sso" | "role" | "web-identity-role" | "aws-service" | "anonymous";

/** A principal and its generator-only habits. */
export interface SimPrincipal {
  /** Stable key naming this principal's random streams. */
  key: string;
  persona: string;
  identity: IdentityKind;
  inventory: Principal;
  account: SimAccount;
  /** Other accounts it works in (SSO permission sets, the scanner's targets). */
  otherAccounts: SimAccount[];
  /** Role name (roles and SSO permission-set roles) and the role's unique id, in its home account. */
  roleName?: string;
  roleId?: string;
  /** The role it acts through in each other account (SSO permission sets, the scanner's audit role). */
  rolesIn: Record<string, { name: string; id: string }>;
  /** Session name: an SSO user's email, an instance id, a function name. */
  sessionName?: string;
  /** IAM user unique id (AIDA…) and long-term access key (AKIA…). */
  userId?: string;
  accessKeyId?: string;
  /** The AWS service acting, for `aws-service` identities (e.g. `config.amazonaws.com`). */
  serviceName?: string;
  instance?: Instance;
  mfa: boolean;
  utcOffset: number;
  workStart: number;
  workEnd: number;
  /** Typical events on an active day (median). */
  dailyEvents: number;
  errorRate: number;
  networks: Habit<string>;
  userAgents: Habit<UserAgentHabit>;
  regions: Habit<string>;
  apis: Habit<string>;
  /** APIs adopted later in the period (slow drift): usable from `fromDay` on. */
  adoptions: { api: string; fromDay: number }[];
  /** A trip: days (from the period start) spent away, with the networks used there. */
  travel?: { fromDay: number; toDay: number; ips: string[] };
}

/** The whole simulated organisation. */
export interface World {
  seed: number;
  orgName: string;
  organizationId: string;
  domain: string;
  accounts: SimAccount[];
  principals: SimPrincipal[];
  offices: Office[];
  /** Browser user agents, built once (Faker is slow per call). */
  browsers: string[];
  /** Tor exit addresses in use this period. */
  torExits: string[];
  /** Roles that exist for the organisation's own plumbing (permission sets, audit roles), per account. */
  extraRoles: Principal[];
}

/** An account by id; throws with the id when it does not exist. */
export function accountById(world: World, id: string): SimAccount {
  const a = world.accounts.find((x) => x.id === id);
  if (!a) throw new Error(`no account ${id} in this world`);
  return a;
}
