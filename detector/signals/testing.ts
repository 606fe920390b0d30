/**
 * Test helpers for signals: concise synthetic activities, a fake anomaly model scored from a map,
 * a small intel feed and an engine over one rule with a baseline built from a few history
 * activities.
 */
import type { Activity } from "../activity.ts";
import { buildBaseline } from "../baseline.ts";
import { indexIntel, type IntelIndex } from "../intel.ts";
import type { AnomalyModel } from "../model.ts";
import type { Signal } from "../signal.ts";
import { createSignalEngine, type SignalEngine } from "./engine.ts";
import { SIGNAL_DEFINITIONS } from "./registry.ts";

/** Start of the synthetic history; evaluation starts a week later. */
export const T0 = Date.UTC(2026, 9, 5);
export const EVAL = T0 + 7 * 86_400_000;

export const ACCOUNT = "111111111111";
export const OTHER_ACCOUNT = "222222222222";
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/app-instance-role`;
export const INSTANCE = "i-0abc123def4567890";

/** Addresses of the test intel: a home ISP, AWS, a VPS host, a Tor exit and a known-bad IP. */
export const IPS = { home: "73.1.2.3", aws: "54.1.2.3", vps: "167.1.2.3", tor: "185.220.101.7", tor2: "185.220.101.8", bad: "45.9.9.9", pool: "93.184.1.1" };

/** A small intel feed. */
export const INTEL: IntelIndex = indexIntel({
  generatedAt: "2026-10-01T00:00:00Z",
  torExitNodes: [IPS.tor, IPS.tor2],
  knownBadIps: [{ ip: IPS.bad, reason: "scanner botnet" }],
  miningPoolDomains: ["supportxmr.com"],
  ipAsnRanges: [
    { cidr: "73.0.0.0/8", asn: 7922, org: "Comcast", country: "US", usage: "isp" },
    { cidr: "54.0.0.0/8", asn: 16509, org: "Amazon", country: "US", usage: "aws" },
    { cidr: "167.0.0.0/8", asn: 14061, org: "DigitalOcean", country: "US", usage: "hosting" },
    { cidr: "185.220.101.0/24", asn: 60729, org: "Tor exits", country: "DE", usage: "tor" },
    { cidr: "45.0.0.0/8", asn: 9009, org: "M247", country: "RO", usage: "vpn" },
  ],
});

let counter = 0;

/** A CloudTrail activity by alice from home at evaluation time, with overrides. */
export function ct(action: string, over: Partial<Activity> = {}): Activity {
  counter++;
  return {
    id: `ev-${counter}`,
    source: "cloudtrail",
    time: EVAL + counter * 1000,
    account: ACCOUNT,
    region: "us-east-1",
    actor: ALICE,
    actorType: "IAMUser",
    actorAccount: ACCOUNT,
    action,
    sourceIp: IPS.home,
    agentFamily: "aws-cli",
    readOnly: /^[a-z0-9-]+:(List|Describe|Get)/.test(action),
    resources: [],
    ...over,
  };
}

/** A host activity of the test instance (runtime by default), with overrides. */
export function hostActivity(action: string, hostFields: Partial<NonNullable<Activity["host"]>>, over: Partial<Activity> = {}): Activity {
  counter++;
  return {
    id: `host-${counter}`,
    source: "runtime",
    time: EVAL + counter * 1000,
    account: ACCOUNT,
    region: "us-east-1",
    actor: INSTANCE,
    actorType: "Instance",
    actorAccount: ACCOUNT,
    action,
    readOnly: true,
    resources: [INSTANCE],
    host: { instanceId: INSTANCE, ...hostFields },
    ...over,
  };
}

/** `count` copies of an activity maker's output, `stepMs` apart from `start`. */
export function series(count: number, start: number, stepMs: number, make: (i: number) => Activity): Activity[] {
  return Array.from({ length: count }, (_, i) => ({ ...make(i), time: start + i * stepMs }));
}

/** A fake model: `token` or `actor|token` → score; anything else scores `otherwise`. */
export function fakeModel(scores: Record<string, number> = {}, otherwise = 0): AnomalyModel {
  const map = new Map(Object.entries(scores));
  return { name: "fake", score: (actor, token) => map.get(`${actor.key}|${token}`) ?? map.get(token) ?? otherwise };
}

/** An engine running only the named rule over a baseline of the given history. */
export function engineFor(id: string, opts: { history?: Activity[]; model?: AnomalyModel; threshold?: number } = {}): SignalEngine {
  const definition = SIGNAL_DEFINITIONS.find((d) => d.id === id);
  if (!definition) throw new Error(`no signal rule "${id}"`);
  return createSignalEngine({
    baseline: buildBaseline(opts.history ?? [], INTEL, EVAL),
    model: opts.model ?? fakeModel(),
    intel: INTEL,
    definitions: [definition],
    ...(opts.threshold !== undefined ? { anomalyThreshold: opts.threshold } : {}),
  });
}

/** Every signal an engine raises over activities, sorted by time first. */
export function run(engine: SignalEngine, activities: readonly Activity[]): Signal[] {
  return [...activities].sort((a, b) => a.time - b.time).flatMap((a) => engine.observe(a));
}
