/**
 * Test builders for markers: concise synthetic activities, signals and candidates, a fake
 * baseline and a small intel feed. Tests only; nothing here reads a simulated run.
 */
import type { Activity } from "../activity.ts";
import { indexIntel, type IntelIndex } from "../intel.ts";
import type { Candidate, MarkerContext } from "../marker.ts";
import type { ActorProfile, Baseline, PersonProfile, Token } from "../model.ts";
import { actorRefOf } from "../peers.ts";
import type { Signal } from "../signal.ts";
import type { Intel } from "../../schema/intel.ts";

/** 2026-10-10T00:00:00Z: the synthetic evaluation period starts here. */
export const T0 = Date.UTC(2026, 9, 10);
/** One minute in ms. */
export const MINUTE = 60_000;

export const ACCOUNT = "111111111111";
export const OTHER_ACCOUNT = "222222222222";
export const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-instance-role`;

/** Addresses the test intel knows: a residential ISP, a hosting provider, AWS, a Tor exit, a bad IP. */
export const IP = { home: "73.1.2.3", office: "86.130.0.9", vps: "159.203.1.20", aws: "3.84.122.218", tor: "185.220.101.7", bad: "45.9.148.3", miner: "45.9.148.99" } as const;

let nextId = 0;

/** An activity: alice calling `sts:GetCallerIdentity` from home unless overridden. */
export function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: over.id ?? `ev-${++nextId}`,
    source: "cloudtrail",
    time: T0,
    account: ACCOUNT,
    region: "us-east-1",
    actor: USER,
    actorType: "IAMUser",
    actorAccount: over.account ?? ACCOUNT,
    action: "sts:GetCallerIdentity",
    sourceIp: IP.home,
    agentFamily: "aws-cli",
    readOnly: true,
    resources: [],
    ...over,
  };
}

/** What a signal needs in a test: its fields, where it sits in time, and its activity's fields. */
export interface SignalSpec extends Partial<Omit<Signal, "activity">> {
  /** Minutes after {@link T0}; sets both the signal's and the activity's time. */
  minute?: number;
  activity?: Partial<Activity>;
}

/** A weak signal on one activity (Discovery, severity 2) unless overridden. */
export function signal(spec: SignalSpec = {}): Signal {
  const { minute, activity: actOver, ...over } = spec;
  const time = minute !== undefined ? T0 + minute * MINUTE : (over.time ?? actOver?.time ?? T0);
  const act = activity({ ...actOver, time });
  const type = over.type ?? "Discovery:IAMUser/AnomalousBehavior";
  return {
    id: `${type}@${act.id}`,
    type,
    foundational: false,
    severity: 2,
    tactic: "TA0007",
    time,
    activity: act,
    activityIds: [act.id],
    indicators: [],
    evidence: `${type} on ${act.action}`,
    ...over,
  };
}

/** A candidate over the signals, sorted by time, with accounts and actors derived from them. */
export function candidate(signals: readonly Signal[], id = "cand-1"): Candidate {
  const sorted = [...signals].sort((a, b) => a.time - b.time);
  return {
    id,
    signals: sorted,
    start: sorted[0]?.time ?? T0,
    end: sorted[sorted.length - 1]?.time ?? T0,
    accounts: new Set(sorted.map((s) => s.activity.account)),
    actors: new Set(sorted.map((s) => s.activity.actor)),
  };
}

/** What a fake history says about one actor. */
export interface ProfileSpec {
  key: string;
  actorType?: Activity["actorType"];
  account?: string;
  /** Token → count, or tokens seen once each. */
  tokens?: Record<Token, number> | readonly Token[];
  activeDays?: number;
  count?: number;
  ips?: readonly string[];
  dailyP95?: Partial<ActorProfile["dailyP95"]>;
  usedTor?: boolean;
}

/** An actor profile from a spec. */
export function profile(spec: ProfileSpec): ActorProfile {
  const account = spec.account ?? ACCOUNT;
  const actorType = spec.actorType ?? (spec.key.includes(":role/") ? "AssumedRole" : "IAMUser");
  const tokens = Array.isArray(spec.tokens) ? new Map(spec.tokens.map((t) => [t, 1])) : new Map(Object.entries(spec.tokens ?? {}));
  return {
    ref: actorRefOf({ actor: spec.key, actorType, actorAccount: account }),
    count: spec.count ?? 500,
    activeDays: spec.activeDays ?? 10,
    tokens,
    ips: new Set(spec.ips ?? []),
    usedTor: spec.usedTor ?? false,
    dailyP95: { bytes: 0, reads: 0, distinctApis: 0, errors: 0, ...spec.dailyP95 },
  };
}

/** A baseline over the given profiles; account tokens default to the union of its actors' tokens. */
export function fakeBaseline(
  opts: { actors?: readonly ProfileSpec[]; persons?: Record<string, PersonProfile>; accountTokens?: Record<string, readonly Token[]>; sharedIps?: readonly string[]; knownBuckets?: readonly string[]; clients?: Record<string, Record<string, number>> } = {},
): Baseline {
  const actors = new Map((opts.actors ?? []).map((s) => [s.key, profile(s)]));
  const accountTokens = new Map<string, Map<Token, number>>();
  for (const p of actors.values()) {
    const m = accountTokens.get(p.ref.account) ?? new Map<Token, number>();
    for (const [t, n] of p.tokens) m.set(t, (m.get(t) ?? 0) + n);
    accountTokens.set(p.ref.account, m);
  }
  for (const [account, tokens] of Object.entries(opts.accountTokens ?? {})) accountTokens.set(account, new Map(tokens.map((t) => [t, 1])));
  const shared = new Set(opts.sharedIps ?? []);
  return {
    historyEnd: T0,
    actor: (key) => actors.get(key),
    person: (key) => opts.persons?.[key],
    accountTokens: (account) => accountTokens.get(account),
    peers: (group) => [...actors.values()].filter((p) => p.ref.peerGroup === group).map((p) => p.ref.key),
    isSharedIp: (ip) => shared.has(ip),
    knownBucket: (name) => (opts.knownBuckets ?? []).includes(name),
    federatedUsersOf: () => 0,
    clientUses: (installation, holder) => opts.clients?.[installation]?.[holder] ?? 0,
  };
}

/** Intel knowing the {@link IP} networks, a Tor exit, a bad IP, a mining IP and a mining pool. */
export function testIntel(over: Partial<Intel> = {}): IntelIndex {
  return indexIntel({
    generatedAt: "2026-10-09T00:00:00Z",
    torExitNodes: [IP.tor],
    knownBadIps: [
      { ip: IP.bad, reason: "credential abuse" },
      { ip: IP.miner, reason: "cryptocurrency mining pool" },
    ],
    miningPoolDomains: ["pool.supportxmr.com"],
    ipAsnRanges: [
      { cidr: "73.0.0.0/8", asn: 7922, org: "Comcast Cable Communications", country: "US", usage: "isp" },
      { cidr: "86.128.0.0/10", asn: 2856, org: "British Telecommunications", country: "GB", usage: "isp" },
      { cidr: "159.203.0.0/16", asn: 14061, org: "DigitalOcean", country: "US", usage: "hosting" },
      { cidr: "3.0.0.0/9", asn: 16509, org: "Amazon.com", country: "US", usage: "aws" },
      { cidr: "185.220.101.0/24", asn: 208294, org: "Tor relay operator", country: "DE", usage: "tor" },
      { cidr: "45.9.148.0/24", asn: 49981, org: "WorldStream", country: "NL", usage: "hosting" },
    ],
    ...over,
  });
}

/** A marker context; an empty baseline and the test intel unless given. */
export function context(over: Partial<MarkerContext> = {}): MarkerContext {
  return { baseline: over.baseline ?? fakeBaseline(), intel: over.intel ?? testIntel(), isSensitiveBucket: over.isSensitiveBucket ?? (() => false) };
}
