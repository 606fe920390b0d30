/**
 * The history baseline: per-actor profiles (behaviour tokens, source IPs, active days, daily
 * 95th percentiles), per-account token counts, peer groups and shared IPs, counted in one pass
 * over the history period into maps — never one array per activity — so millions of activities
 * fit in memory.
 */
import type { Activity } from "./activity.ts";
import type { IntelIndex } from "./intel.ts";
import type { ActorProfile, ActorRef, Baseline, PersonProfile, Token } from "./model.ts";
import { clientInstallation } from "./ingest/user-agent.ts";
import { actorRefOf, deviceHolderOf, personOf } from "./peers.ts";
import { awsSideOf, isPublicIpv4 } from "./signals/net.ts";
import { tokensOf } from "./tokens.ts";

/** Thresholds of the baseline. */
export interface BaselineOptions {
  /**
   * An IP used by at least this many distinct actors in history is shared infrastructure (NAT
   * gateway, office egress, CI runners, a scanner's address). Default 4.
   */
  sharedIpMinActors?: number;
  /**
   * An IP used by actors of at least this many distinct accounts is shared too. Default 3, not 2:
   * one person's SSO roles in two accounts are two actors of two accounts from one home address,
   * and that address should still link their activity.
   */
  sharedIpMinAccounts?: number;
  /** At most this many source IPs, remotes and object buckets are kept per actor (anonymous visitors have thousands). Default 5000. */
  maxIpsPerActor?: number;
}

const DAY_MS = 86_400_000;
/** Bucket names remembered from history; an estate has far fewer, so the cap only guards memory. */
const MAX_BUCKETS = 200_000;
/** Client installations remembered from history; beyond the cap new ones are simply not known. */
const MAX_INSTALLATIONS = 200_000;
/**
 * Holders an installation may have and still be someone's own device: a person's laptop, or one
 * build a pair shares. More, and it is a standard image or a popular browser that proves nobody.
 */
const MAX_CLIENT_HOLDERS = 3;

/** One active day of one actor. */
interface DayStats {
  bytes: number;
  reads: number;
  errors: number;
  apis: Set<string>;
}

/** What is counted for one actor while the history streams by. */
interface ActorAccumulator {
  ref: ActorRef;
  count: number;
  tokens: Map<Token, number>;
  ips: Set<string>;
  accounts: Set<string>;
  remotes: Set<string>;
  objectBuckets: Set<string>;
  days: Map<number, DayStats>;
  usedTor: boolean;
  callsFromAws: number;
  callsOutsideAws: number;
}

/** What is counted for one person (see peers.ts `personOf`). */
interface PersonAccumulator {
  days: Set<number>;
  objectBuckets: Set<string>;
  objectReads: number;
  usedTor: boolean;
}

/** Who used an IP, until it is known to be shared (then only the verdict is kept). */
interface IpUse {
  actors: Set<string>;
  accounts: Set<string>;
}

/** Nearest-rank 95th percentile of the values (0 for none). */
export function p95(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
}

/**
 * Builds a baseline incrementally: `add` each history activity (in any order, in batches), then
 * `finish`. Activities at or after `historyEnd` are ignored, so a pipeline may feed it everything.
 */
export class BaselineBuilder {
  private readonly actors = new Map<string, ActorAccumulator>();
  private readonly persons = new Map<string, PersonAccumulator>();
  private readonly accountTokens = new Map<string, Map<Token, number>>();
  private readonly peerGroups = new Map<string, Set<string>>();
  private readonly ipUse = new Map<string, IpUse>();
  private readonly sharedIps = new Set<string>();
  private readonly buckets = new Set<string>();
  /** Client installation → calls per device holder; null once it has too many holders to be anyone's own. */
  private readonly clients = new Map<string, Map<string, number> | null>();
  /** Issuer → the federated users it minted. */
  private readonly minted = new Map<string, Set<string>>();
  private readonly minActors: number;
  private readonly minAccounts: number;
  private readonly maxIps: number;

  constructor(
    private readonly intel: IntelIndex,
    private readonly historyEnd: number,
    options: BaselineOptions = {},
  ) {
    this.minActors = options.sharedIpMinActors ?? 4;
    this.minAccounts = options.sharedIpMinAccounts ?? 3;
    this.maxIps = options.maxIpsPerActor ?? 5000;
  }

  /** Count one history activity. */
  add(a: Activity): void {
    if (a.time >= this.historyEnd) return;
    if (a.issuer !== undefined) {
      let users = this.minted.get(a.issuer);
      if (!users) this.minted.set(a.issuer, (users = new Set()));
      users.add(a.actor);
    }
    const acc = this.accumulatorOf(a);
    acc.count++;
    if (a.userAgent) this.countClient(a);
    acc.accounts.add(a.account);
    const tokens = tokensOf(a, this.intel);
    increment(acc.tokens, tokens);
    let accountTokens = this.accountTokens.get(a.account);
    if (!accountTokens) this.accountTokens.set(a.account, (accountTokens = new Map()));
    increment(accountTokens, tokens);

    const dayIndex = Math.floor(a.time / DAY_MS);
    let day = acc.days.get(dayIndex);
    if (!day) acc.days.set(dayIndex, (day = { bytes: 0, reads: 0, errors: 0, apis: new Set() }));
    day.bytes += a.bytes ?? 0;
    if (a.readOnly) day.reads++;
    if (a.error) day.errors++;
    day.apis.add(a.action);

    const person = this.personAccumulatorOf(a);
    person?.days.add(dayIndex);
    if (a.action.startsWith("s3:") && a.resources[0]) {
      if (this.buckets.size < MAX_BUCKETS) this.buckets.add(a.resources[0]);
      if (a.action === "s3:GetObject") {
        if (acc.objectBuckets.size < this.maxIps) acc.objectBuckets.add(a.resources[0]);
        if (person) {
          person.objectReads++;
          if (person.objectBuckets.size < this.maxIps) person.objectBuckets.add(a.resources[0]);
        }
      }
    }
    if (a.sourceIp) {
      if (acc.ips.size < this.maxIps) acc.ips.add(a.sourceIp);
      const side = awsSideOf(a.sourceIp, this.intel);
      if (side === "outside") acc.callsOutsideAws++;
      else if (side === "inside") acc.callsFromAws++;
      if (this.intel.isTorExit(a.sourceIp)) {
        acc.usedTor = true;
        if (person) person.usedTor = true;
      }
      this.countIpUse(a.sourceIp, a.actor, a.actorAccount);
    }
    if (a.host && acc.remotes.size < this.maxIps) {
      if (a.host.dstIp && isPublicIpv4(a.host.dstIp)) acc.remotes.add(a.host.dstIp);
      if (a.host.domain) acc.remotes.add(a.host.domain.toLowerCase().replace(/\.$/, ""));
    }
  }

  /** Count every activity of an iterable. */
  addAll(activities: Iterable<Activity>): this {
    for (const a of activities) this.add(a);
    return this;
  }

  /** The baseline of everything added so far. */
  finish(): Baseline {
    const profiles = new Map<string, ActorProfile>();
    for (const [key, acc] of this.actors) {
      const days = [...acc.days.values()];
      profiles.set(key, {
        ref: acc.ref,
        count: acc.count,
        activeDays: days.length,
        tokens: acc.tokens,
        ips: acc.ips,
        accounts: acc.accounts,
        remotes: acc.remotes,
        objectBuckets: acc.objectBuckets,
        usedTor: acc.usedTor,
        callsFromAws: acc.callsFromAws,
        callsOutsideAws: acc.callsOutsideAws,
        dailyP95: {
          bytes: p95(days.map((d) => d.bytes)),
          reads: p95(days.map((d) => d.reads)),
          distinctApis: p95(days.map((d) => d.apis.size)),
          errors: p95(days.map((d) => d.errors)),
        },
      });
    }
    const persons = new Map<string, PersonProfile>();
    for (const [key, p] of this.persons) persons.set(key, { activeDays: p.days.size, objectBuckets: p.objectBuckets, objectReads: p.objectReads, usedTor: p.usedTor });
    const peers = new Map([...this.peerGroups].map(([group, keys]) => [group, [...keys].sort()] as const));
    const accountTokens = this.accountTokens;
    const sharedIps = this.sharedIps;
    const buckets = this.buckets;
    const minted = this.minted;
    const clients = this.clients;
    const historyEnd = this.historyEnd;
    return {
      historyEnd,
      actor: (key) => profiles.get(key),
      person: (key) => persons.get(key),
      accountTokens: (account) => accountTokens.get(account),
      peers: (group) => peers.get(group) ?? [],
      isSharedIp: (ip) => sharedIps.has(ip),
      knownBucket: (name) => buckets.has(name),
      federatedUsersOf: (issuer) => minted.get(issuer)?.size ?? 0,
      clientUses: (installation, holder) => clients.get(installation)?.get(holder) ?? 0,
    };
  }

  private accumulatorOf(a: Activity): ActorAccumulator {
    let acc = this.actors.get(a.actor);
    if (!acc) {
      const ref = actorRefOf(a);
      acc = { ref, count: 0, tokens: new Map(), ips: new Set(), accounts: new Set(), remotes: new Set(), objectBuckets: new Set(), days: new Map(), usedTor: false, callsFromAws: 0, callsOutsideAws: 0 };
      this.actors.set(a.actor, acc);
      let group = this.peerGroups.get(ref.peerGroup);
      if (!group) this.peerGroups.set(ref.peerGroup, (group = new Set()));
      group.add(a.actor);
    }
    return acc;
  }

  private personAccumulatorOf(a: Activity): PersonAccumulator | undefined {
    const key = personOf(a);
    if (key === undefined) return undefined;
    let acc = this.persons.get(key);
    if (!acc) this.persons.set(key, (acc = { days: new Set(), objectBuckets: new Set(), objectReads: 0, usedTor: false }));
    return acc;
  }

  private countClient(a: Activity): void {
    const installation = clientInstallation(a.userAgent!);
    if (installation === undefined) return;
    let holders = this.clients.get(installation);
    if (holders === null) return;
    if (holders === undefined) {
      if (this.clients.size >= MAX_INSTALLATIONS) return;
      this.clients.set(installation, (holders = new Map()));
    }
    const holder = deviceHolderOf(a);
    holders.set(holder, (holders.get(holder) ?? 0) + 1);
    if (holders.size > MAX_CLIENT_HOLDERS) this.clients.set(installation, null);
  }

  private countIpUse(ip: string, actor: string, account: string): void {
    if (this.sharedIps.has(ip)) return;
    let use = this.ipUse.get(ip);
    if (!use) this.ipUse.set(ip, (use = { actors: new Set(), accounts: new Set() }));
    use.actors.add(actor);
    use.accounts.add(account);
    if (use.actors.size >= this.minActors || use.accounts.size >= this.minAccounts) {
      this.sharedIps.add(ip);
      this.ipUse.delete(ip);
    }
  }
}

function increment(counts: Map<Token, number>, tokens: readonly Token[]): void {
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
}

/** Build the baseline of a whole history in one call (see BaselineBuilder). */
export function buildBaseline(history: Iterable<Activity>, intel: IntelIndex, historyEnd: number, options: BaselineOptions = {}): Baseline {
  return new BaselineBuilder(intel, historyEnd, options).addAll(history).finish();
}
