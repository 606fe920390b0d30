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
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  sample<T>(items: readonly T[], k: number): T[];
  exponential(mean: number): number;
  logNormal(median: number, sigma: number): number;
  hex(n: number): string;
}

/** Where an actor's traffic comes from. Every kind is also used by benign actors somewhere. */
export type OriginKind = "vps" | "residential" | "tor" | "vpn" | "aws" | "habitual" | "victim-vpc";

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
  /** Hours from UTC of the principal's working day (its office); 0 for workloads. */
  utcOffset: number;
  /** The tool family of its main habit (`console`, `cli`, `boto3`, `node-sdk`…): what "habitual" gives. */
  tooling: string;
}

/** An identity acting from an origin with a tool; each call becomes one event. */
export interface Caller {
  /**
   * Make a call at `time` (ms). `account` is the receiving account id (defaults to the caller's),
   * `args` pins request fields (bucket, key, user…), `error` forces a refusal (or, `false`, forbids
   * one: a call whose result the campaign goes on to use); otherwise calls fail now and then, as
   * real attackers' calls do.
   */
  call(api: string, time: number, opts?: { region?: string; account?: string; args?: Record<string, unknown>; error?: string | false }): string;
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

/** An EC2 instance as a scenario may see it. */
export interface InstanceRef {
  id: string;
  accountId: string;
  region: string;
  privateIp: string;
  roleName: string;
  autoScalingGroup?: string;
}

/**
 * A foothold on an instance: what runs there, what it resolves and where it connects become EC2
 * runtime, Route 53 Resolver and VPC flow records. Each method returns the ids of its records.
 */
export interface HostActor {
  /** Launch a process (`cmdLine`), as `user`, child of `parent`. */
  run(time: number, cmdLine: string, opts?: { user?: string; parent?: string }): string[];
  /** Create, change or delete a file (a dropped binary, a crontab). */
  write(time: number, path: string, opts?: { activity?: "Create" | "Update" | "Delete"; process?: string }): string[];
  /** Resolve a name; `answers` pins them (a C2 domain pointing at a VPS), `nxdomain` fails it. */
  resolve(time: number, name: string, opts?: { answers?: string[]; nxdomain?: boolean; process?: string }): { answers: string[]; ids: string[] };
  /** Open a connection out of the instance (IMDS at 169.254.169.254 shows in runtime only). */
  connect(time: number, ip: string, port: number, opts?: { bytesOut?: number; bytesIn?: number; udp?: boolean; hostname?: string; process?: string }): string[];
}

/** What a running scenario can do. Calls made inside `stage(id, …)` are recorded under it. */
export interface ScenarioContext {
  rng: ScenarioRng;
  inventory: Inventory;
  /** Campaign start (ms since epoch). */
  start: number;
  principals(query: PrincipalQuery): ActorRef[];
  /** A principal's own everyday calls and their weights (its habit), for look-alikes of its routine. */
  habitualCalls(principal: ActorRef): [api: string, weight: number][];
  /** Buckets of an account, with whether they hold sensitive data. */
  buckets(accountId: string): (Bucket & { sensitive: boolean })[];
  /**
   * A source address of the given kind, drawn from the same pools benign actors use; `victim-vpc`
   * is the NAT gateway of the victim's own account (an attacker on another instance there).
   */
  origin(kind: OriginKind, victim?: ActorRef): string;
  /**
   * Act as a principal with its long-term key (IAM users) or its role credentials, in a session
   * opened shortly before `at` (default: the campaign start), named and federated as the
   * principal's own sessions are.
   */
  as(victim: ActorRef, origin: string, tooling: ToolingKind, at?: number): Caller;
  /**
   * A fresh access key id: long-term (AKIA…, to create with `iam:CreateAccessKey` and then use) or
   * temporary (ASIA…, for credentials an STS call issues).
   */
  newAccessKeyId(kind?: "long-term" | "temporary"): string;
  /**
   * Act with a key the campaign created (persistence): a brand-new IAM user's, or a new key of an
   * existing user (who then keeps its own user id).
   */
  asCreatedUser(accountId: string, userName: string, accessKeyId: string, origin: string, tooling: ToolingKind): Caller;
  /**
   * Sign in to the console as the IAM user `victim` with its password at `time` (a
   * `signin:ConsoleLogin` event, `MFAUsed` as the user has MFA) and act in that console session:
   * a browser, a temporary key, calls flagged `sessionCredentialFromConsole`.
   */
  consoleLogin(victim: ActorRef, time: number, origin: string): Caller;
  /**
   * Act as the federated user `name` that the IAM user `issuer` obtained with
   * `sts:GetFederationToken` at `createdAt`, with the temporary key `accessKeyId` it issued
   * (`userIdentity.type` "FederatedUser"). `tooling` is a kind, or a caller of this context whose
   * tool (user agent) is kept. Tooling `console` gives a console session: its `signin:ConsoleLogin`
   * carries no key, its other calls are flagged `sessionCredentialFromConsole`.
   */
  asFederatedUser(issuer: ActorRef, name: string, accessKeyId: string, createdAt: number, origin: string, tooling: ToolingKind | Caller): Caller;
  /**
   * From `from`'s session, assume `roleName` in `accountId` at `time` (an `sts:AssumeRole` event
   * whose response carries the new session's key), and act as that role session.
   */
  assumeRole(from: Caller, time: number, accountId: string, roleName: string, sessionName: string): Caller;
  /** An unauthenticated caller from `origin` (reads of a bucket made public); name the bucket's account per call. */
  anonymous(origin: string, tooling: ToolingKind): Caller;
  /** Record the calls made by `body` as events of stage `id`. */
  stage(id: string, body: () => void): void;
  /** Declare an actor of this campaign (for truth). */
  actor(arn: string): void;
  /** Instances of the estate, optionally only those in an Auto Scaling group. */
  instances(query: { accountKind?: Account["kind"] | Account["kind"][]; inAutoScalingGroup?: boolean }): InstanceRef[];
  /** Act on an instance the attacker controls; its records are recorded under the current stage. */
  onHost(instance: InstanceRef): HostActor;
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
  /**
   * Groups of stages a real attacker may run in any order among themselves (independent goals,
   * such as two stores to harvest). Each group is a run of neighbouring `stages`; it keeps its
   * place in the declared order, and stages outside any group run in declared order.
   */
  freeOrder?: string[][];
  /** Longest time from start to the last event, so instances fit in the period. */
  maxDurationHours: number;
  /** Act the scenario, entering stages in declared order but for the `freeOrder` groups. */
  run(ctx: ScenarioContext): void;
}

/**
 * Each stage's place in the order a scenario allows: its index in `stages`, shared by all stages
 * of a `freeOrder` group (the index of its first). A legal instance enters stages by rising rank.
 */
export function stageRanks(scenario: ScenarioDefinition): Map<string, number> {
  const ranks = new Map(scenario.stages.map((st, i) => [st.id, i]));
  for (const group of scenario.freeOrder ?? []) {
    const first = Math.min(...group.map((id) => ranks.get(id) ?? Infinity));
    for (const id of group) ranks.set(id, first);
  }
  return ranks;
}

/** Typed identity helper: scenario files export `defineScenario({...})`; id equals file name. */
export function defineScenario(definition: ScenarioDefinition): ScenarioDefinition {
  return definition;
}
