/**
 * Recent activity per session, so that a session which turns suspect can be named whole: the API
 * calls of its last window before its first strong signal, and everything after. An API call's
 * session is its access key and source address; an anonymous call's, the resource it used; a host
 * record's, its instance and the public remote end it talked to (a pool, a C2 server, a domain).
 * Memory follows the window: quiet sessions nobody claims are forgotten.
 */
import type { Activity } from "./activity.ts";
import { isPublicIpv4 } from "./signals/net.ts";

/** One session's recent calls, oldest first, and whoever claimed it (a sequence group). */
export interface SessionCalls<Owner> {
  ids: string[];
  times: number[];
  owner: Owner | undefined;
}

/** How sessions are kept. */
export interface RecentSessionsOptions {
  windowMs: number;
  /** Sessions are told apart per account (a per-account scope: one key calling into two accounts is two stories). */
  perAccount: boolean;
  /** Most calls remembered per session (the latest). */
  maxPerSession?: number;
}

/** Anonymous callers hold one session per resource they use: a bucket's public readers. */
const ANONYMOUS = "anonymous";

/** Sessions' recent calls within a time window. */
export class RecentSessions<Owner> {
  /** Holder (key, instance, anonymous) → remote end → calls: two lookups of strings the records hold, no key built per call. */
  private readonly holders = new Map<string, Map<string, SessionCalls<Owner>>>();
  private readonly maxPerSession: number;
  private sweptAt = -Infinity;

  constructor(private readonly opts: RecentSessionsOptions) {
    this.maxPerSession = opts.maxPerSession ?? 1_000;
  }

  /**
   * Remember an activity in its session; returns the session, or undefined when it has none or is
   * not kept. Host records and anonymous calls are kept only in claimed sessions: an instance's
   * flows to every peer and a public bucket's readers are too many to keep on the chance that one
   * turns suspect, and they are named from the signal (or the change that made a bucket public) on.
   */
  remember(a: Activity): SessionCalls<Owner> | undefined {
    const holder = this.holderOf(a);
    if (holder === undefined) return undefined;
    const claimedOnly = !isKeyedCall(a);
    let sessions = this.holders.get(holder);
    if (!sessions && claimedOnly) return undefined;
    const remote = remoteOf(a);
    if (remote === undefined) return undefined;
    if (!sessions) this.holders.set(holder, (sessions = new Map()));
    let calls = sessions.get(remote);
    if (claimedOnly && calls?.owner === undefined) return undefined;
    if (!calls) sessions.set(remote, (calls = { ids: [], times: [], owner: undefined }));
    calls.ids.push(a.id);
    calls.times.push(a.time);
    // Trimmed by halves: bounded at little cost per call.
    if (calls.ids.length > this.maxPerSession) {
      calls.ids.splice(0, this.maxPerSession / 2);
      calls.times.splice(0, this.maxPerSession / 2);
    }
    return calls;
  }

  /**
   * Claim the session of an activity already remembered (a host record's is opened now); returns
   * it, or undefined when the activity has no session of its own (anonymous readers are many
   * people: one calling from a bad address makes that caller suspect, not the others) or another
   * owner holds it and may keep it.
   */
  claim(a: Activity, owner: Owner, mayTakeFrom: (current: Owner) => boolean): SessionCalls<Owner> | undefined {
    if (a.actorType === "Anonymous") return undefined;
    const holder = this.holderOf(a);
    const remote = holder === undefined ? undefined : remoteOf(a);
    if (holder === undefined || remote === undefined) return undefined;
    return this.take(holder, remote, owner, mayTakeFrom, a);
  }

  /** Claim the anonymous use of a resource of `account` from now on (a bucket a suspect session made public: its public readers are that story's). */
  claimAnonymousUse(account: string, resource: string, owner: Owner, mayTakeFrom: (current: Owner) => boolean): SessionCalls<Owner> | undefined {
    return this.take(this.opts.perAccount ? `${account}|${ANONYMOUS}` : ANONYMOUS, resource, owner, mayTakeFrom);
  }

  /** Forget sessions quiet for a window that nobody claims; sessions are many, so at most every quarter-window. */
  sweep(now: number): void {
    if (now - this.sweptAt < this.opts.windowMs / 4) return;
    this.sweptAt = now;
    for (const [holder, sessions] of this.holders) {
      for (const [remote, calls] of sessions) if (calls.owner === undefined && now - (calls.times.at(-1) ?? -Infinity) > this.opts.windowMs) sessions.delete(remote);
      if (sessions.size === 0) this.holders.delete(holder);
    }
  }

  private take(holder: string, remote: string, owner: Owner, mayTakeFrom: (current: Owner) => boolean, first?: Activity): SessionCalls<Owner> | undefined {
    let sessions = this.holders.get(holder);
    if (!sessions) this.holders.set(holder, (sessions = new Map()));
    let calls = sessions.get(remote);
    if (!calls) sessions.set(remote, (calls = first ? { ids: [first.id], times: [first.time], owner: undefined } : { ids: [], times: [], owner: undefined }));
    if (calls.owner !== undefined && (calls.owner === owner || !mayTakeFrom(calls.owner))) return undefined;
    calls.owner = owner;
    return calls;
  }

  private holderOf(a: Activity): string | undefined {
    const holder = a.source !== "cloudtrail" ? a.host?.instanceId : (a.accessKeyId ?? (a.actorType === "Anonymous" ? ANONYMOUS : undefined));
    return holder === undefined || !this.opts.perAccount ? holder : `${a.account}|${holder}`;
  }
}

/** Ids of a session's calls at or after `since`. */
export function callsSince(calls: SessionCalls<unknown>, since: number): string[] {
  let i = calls.times.length;
  while (i > 0 && calls.times[i - 1]! >= since) i--;
  return calls.ids.slice(i);
}

/** An API call made with an access key: the sessions kept before anyone claims them. */
function isKeyedCall(a: Activity): boolean {
  return a.source === "cloudtrail" && a.accessKeyId !== undefined;
}

/** The address an API call came from, the resource an anonymous call used, or a host record's public remote end (a flow runs either way). */
function remoteOf(a: Activity): string | undefined {
  if (a.source === "cloudtrail") return a.actorType === "Anonymous" ? a.resources[0] : a.sourceIp;
  const host = a.host!;
  if (host.domain !== undefined) return host.domain;
  if (a.source === "vpc-flow" && a.sourceIp !== undefined && isPublicIpv4(a.sourceIp)) return a.sourceIp;
  return host.dstIp !== undefined && isPublicIpv4(host.dstIp) ? host.dstIp : undefined;
}
