/**
 * The scenario contract: what a scenario declares (stages with ATT&CK ids, the sequence type it
 * should raise, references) and the context the simulator hands it to act in the world. Scenarios
 * see the estate through the inventory and a few victim queries; they never build records.
 */
import type { Inventory, Account, Bucket } from "../schema/inventory.ts";

/** A seeded random stream (the simulator's Rng satisfies it). */
export interface ScenarioRng {
  next(): number;
  int(lo: number, hi: number): number;
  between(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], k: number): T[];
  exponential(mean: number): number;
  logNormal(median: number, sigma: number): number;
  hex(n: number): string;
}

/** Where an actor's traffic comes from. Every kind is also used by benign actors somewhere. */
export type OriginKind = "vps" | "residential" | "tor" | "vpn" | "aws" | "habitual";

/** The tool an actor uses. `pentest` is a declared tell-tale (see telltales.ts). */
export type ToolingKind = "cli" | "boto3" | "console" | "go-sdk" | "pentest" | "habitual" | "new-device";

/** A principal of the world as a scenario may see it. */
export interface ActorRef {
  key: string;
  arn: string;
  accountId: string;
  name: string;
  persona: string;
  accessKeyId?: string;
  instanceId?: string;
  roleName?: string;
}

/** An identity acting from an origin with a tool; each call becomes one event. */
export interface Caller {
  /**
   * Make a call at `time` (ms). `account` is the receiving account id (defaults to the caller's),
   * `args` pins request fields (bucket, key, user…), `error` forces a refusal; otherwise calls fail
   * now and then, as real attackers' calls do.
   */
  call(api: string, time: number, opts?: { region?: string; account?: string; args?: Record<string, unknown>; error?: string }): string;
}

/**
 * A victim query. Personas: developer, developer-iam-user, dormant-user, platform-admin,
 * data-analyst, finance, security-analyst, ci-deployer, ec2-app, lambda-fn, aws-service,
 * security-scanner, backup-job.
 */
export interface PrincipalQuery {
  persona?: string | string[];
  accountKind?: Account["kind"] | Account["kind"][];
  withAccessKey?: boolean;
  withInstance?: boolean;
}

/** What a running scenario can do. Calls made inside `stage(id, …)` are recorded under it. */
export interface ScenarioContext {
  rng: ScenarioRng;
  inventory: Inventory;
  /** Campaign start (ms since epoch). */
  start: number;
  principals(query: PrincipalQuery): ActorRef[];
  /** Buckets of an account, with whether they hold sensitive data. */
  buckets(accountId: string): (Bucket & { sensitive: boolean })[];
  /** A source address of the given kind, drawn from the same pools benign actors use. */
  origin(kind: OriginKind, victim?: ActorRef): string;
  /** Act as a principal with its long-term key (IAM users) or its role credentials. */
  as(victim: ActorRef, origin: string, tooling: ToolingKind): Caller;
  /** A fresh long-term access key id, to create with `iam:CreateAccessKey` and then use. */
  newAccessKeyId(): string;
  /** Act as a brand-new IAM user or key the campaign created (persistence). */
  asCreatedUser(accountId: string, userName: string, accessKeyId: string, origin: string, tooling: ToolingKind): Caller;
  /**
   * From `from`'s session, assume `roleName` in `accountId` at `time` (an `sts:AssumeRole` event
   * whose response carries the new session's key), and act as that role session.
   */
  assumeRole(from: Caller, time: number, accountId: string, roleName: string, sessionName: string): Caller;
  /** Record the calls made by `body` as events of stage `id`. */
  stage(id: string, body: () => void): void;
  /** Declare an actor of this campaign (for truth). */
  actor(arn: string): void;
}

/** One stage of a scenario. */
export interface StageDefinition {
  id: string;
  tactic: string;
  technique: string;
  description: string;
  /** Optional stages run in some instances only. */
  optional?: boolean;
}

/** A scenario: an attack or a benign look-alike episode. */
export interface ScenarioDefinition {
  id: string;
  title: string;
  kind: "attack" | "benign";
  description: string;
  /** Public write-ups this scenario is grounded in. */
  references: string[];
  /** The GuardDuty attack-sequence type it should raise; null for benign episodes. */
  expectedSequenceType: string | null;
  stages: StageDefinition[];
  /** Longest time from start to the last event, so instances fit in the period. */
  maxDurationHours: number;
  /** Act the scenario. Stages must be entered in a legal order (declared order unless noted). */
  run(ctx: ScenarioContext): void;
}

/** Typed identity helper: scenario files export `defineScenario({...})`; id equals file name. */
export function defineScenario(definition: ScenarioDefinition): ScenarioDefinition {
  return definition;
}
