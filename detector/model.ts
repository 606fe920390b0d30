/**
 * What the detector learns from the history period: per-actor and per-account profiles
 * (`Baseline`) and an anomaly model scoring how foreign a behaviour token is to an actor
 * (`AnomalyModel`: embeddings, first-seen, or smoothed frequency).
 */
import type { Activity, ActorType } from "./activity.ts";

/**
 * A behaviour token: `kind:value` — `api:iam:CreateUser`, `asn:7922`, `agent:boto3`,
 * `region:eu-west-1`, `rtype:s3-bucket`, ... (see tokens.ts).
 */
export type Token = string;

/** An actor as the models see it: its key, account and peer group (actors like it, for cold start). */
export interface ActorRef {
  key: string;
  account: string;
  actorType: ActorType;
  /** Actors of one kind in one account (`<account>|IAMUser`, `<account>|role:AWSReservedSSO_Developer`), see peers.ts. */
  peerGroup: string;
}

/** Scores how foreign a token is to an actor: 0 habitual for it or its peers, 1 foreign to both. */
export interface AnomalyModel {
  readonly name: string;
  score(actor: ActorRef, token: Token): number;
}

/**
 * What the models learn from in one history activity: who acted, its behaviour tokens' fields
 * (see tokens.ts), its session for API-API context, and its time and id for a stable order. A
 * training sample keeps only these (user agents, resources and bodies would multiply its memory).
 */
export type TrainingActivity = Pick<Activity, "id" | "time" | "source" | "actor" | "actorType" | "actorAccount" | "session" | "accessKeyId" | "action" | "sourceIp" | "agentFamily" | "region"> & {
  host?: Pick<NonNullable<Activity["host"]>, "process" | "dstPort" | "domain">;
};

/** Trains an anomaly model on the history period's activities. */
export interface AnomalyTrainer {
  readonly name: string;
  train(history: Iterable<TrainingActivity>, opts: { seed: number; onProgress?: (done: number, total: number) => void }): Promise<AnomalyModel>;
}

/** What one actor did in the history period. */
export interface ActorProfile {
  ref: ActorRef;
  /** Activities seen, and distinct days with activity. */
  count: number;
  activeDays: number;
  /** Token → count. */
  tokens: Map<Token, number>;
  /** Source IPs it used. */
  ips: Set<string>;
  /** Per active day: 95th percentile of bytes out, of reads, of distinct APIs, of errors. */
  dailyP95: { bytes: number; reads: number; distinctApis: number; errors: number };
  /** Accounts it acted in (differs from its own for cross-account roles and sweeps). */
  accounts?: ReadonlySet<string>;
  /** Host sources: public remote endpoints it contacted (destination IPs, queried domains). */
  remotes?: ReadonlySet<string>;
  /** S3 buckets it read objects from (`s3:GetObject`). */
  objectBuckets?: ReadonlySet<string>;
  /** Whether it called from a Tor exit in history. */
  usedTor?: boolean;
  /** History calls from inside AWS (its public networks, or private VPC addresses), and from public addresses outside it: a workload that lives in AWS has only the first. */
  callsFromAws?: number;
  callsOutsideAws?: number;
}

/** What one person did with data in the history period, across the sessions of one role (see peers.ts `personOf`). */
export interface PersonProfile {
  /** Distinct days with activity. */
  activeDays: number;
  /** S3 buckets they read objects from. */
  objectBuckets: ReadonlySet<string>;
  /** Objects they read (`s3:GetObject`) over the whole history. */
  objectReads: number;
  /** Whether they called from a Tor exit in history. */
  usedTor: boolean;
}

/** History profiles, queried by signals and markers. */
export interface Baseline {
  /** End of the history it was built from (ms). */
  readonly historyEnd: number;
  actor(key: string): ActorProfile | undefined;
  /** A person's data profile, by `personOf` key. */
  person(key: string): PersonProfile | undefined;
  /** Tokens seen in an account (any actor) and their counts. */
  accountTokens(account: string): Map<Token, number> | undefined;
  /** Actor keys of a peer group. */
  peers(peerGroup: string): readonly string[];
  /**
   * Whether an IP is shared infrastructure (used by many distinct actors in history: NAT
   * gateways, offices, CI runners), so it must not link unrelated activity in correlation.
   */
  isSharedIp(ip: string): boolean;
  /** Whether an S3 bucket was named by any S3 call in history: the organisation's own buckets and those it works with. */
  knownBucket(name: string): boolean;
  /**
   * Distinct federated users an issuer (see Activity.issuer) minted that acted in history: one or
   * two for a person's own console sign-ins (aws-vault), many for an identity broker.
   */
  federatedUsersOf(issuer: string): number;
  /**
   * Calls a device holder (see peers.ts `deviceHolderOf`) made in history with a client
   * installation (see ingest/user-agent.ts `clientInstallation`); 0 when the installation is
   * shared by more holders than one person's devices explain (a standard build, a popular browser).
   */
  clientUses(installation: string, holder: string): number;
}
