/**
 * Recent activity per session, so that a session which turns suspect can be named whole: the calls
 * before its first strong signal (API calls) and all those after. An API call's session is its access key and
 * source address; an anonymous call's, the resource it used; a host record's, its instance and the
 * public remote end it talked to (a pool, a C2 server, a domain). Memory follows the window: quiet
 * sessions are forgotten.
 */
import type { Activity } from "./activity.ts";
import { isPublicIpv4 } from "./signals/net.ts";

/** One session's recent calls, oldest first, and whoever claimed it (a sequence group). */
export interface SessionCalls<Owner> {
  ids: string[];
  times: number[];
  owner: Owner | undefined;
}

/** Sessions' recent calls within a time window. */
export class RecentSessions<Owner> {
  /** Credential or instance → remote end → calls: two lookups of strings the records already hold, no key built per call. */
  private readonly holders = new Map<string, Map<string, SessionCalls<Owner>>>();
  private sweptAt = -Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly maxPerSession = 1_000,
  ) {}

  /**
   * Remember an activity in its session; returns the session, or undefined when it has none. Host
   * records are remembered only in sessions already claimed: an instance's flows to every peer
   * are too many to keep on the chance that one turns suspect, and its first signal (a pool's DNS
   * answer, a beacon) comes early in the exchange anyway.
   */
  remember(a: Activity): SessionCalls<Owner> | undefined {
    const holder = holderOf(a);
    if (holder === undefined) return undefined;
    let sessions = this.holders.get(holder);
    if (!sessions && a.source !== "cloudtrail") return undefined;
    const remote = remoteOf(a);
    if (remote === undefined) return undefined;
    if (!sessions) this.holders.set(holder, (sessions = new Map()));
    let calls = sessions.get(remote);
    if (!calls) {
      if (a.source !== "cloudtrail") return undefined;
      sessions.set(remote, (calls = { ids: [], times: [], owner: undefined }));
    }
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
   * it, or undefined when the activity has no session of its own or another owner holds it.
   */
  claim(a: Activity, owner: Owner): SessionCalls<Owner> | undefined {
    // Anonymous readers of a resource are many people: one of them calling from a bad address
    // makes that caller suspect, not the others (their session is claimed through a change).
    if (a.actorType === "Anonymous") return undefined;
    const holder = holderOf(a);
    const remote = holder === undefined ? undefined : remoteOf(a);
    if (holder === undefined || remote === undefined) return undefined;
    let sessions = this.holders.get(holder);
    if (!sessions) this.holders.set(holder, (sessions = new Map()));
    let calls = sessions.get(remote);
    if (!calls) sessions.set(remote, (calls = { ids: [a.id], times: [a.time], owner: undefined }));
    if (calls.owner !== undefined) return undefined;
    calls.owner = owner;
    return calls;
  }

  /**
   * Claim the anonymous use of a resource from now on (a bucket a suspect session made public: its
   * public readers are that story's); returns the session, or undefined when another owner holds it.
   */
  claimAnonymousUse(resource: string, owner: Owner): SessionCalls<Owner> | undefined {
    let sessions = this.holders.get(ANONYMOUS);
    if (!sessions) this.holders.set(ANONYMOUS, (sessions = new Map()));
    let calls = sessions.get(resource);
    if (!calls) sessions.set(resource, (calls = { ids: [], times: [], owner: undefined }));
    if (calls.owner !== undefined) return undefined;
    calls.owner = owner;
    return calls;
  }

  /** Forget sessions quiet for a window that nobody claims; sessions are many, so at most every quarter-window. */
  sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs / 4) return;
    this.sweptAt = now;
    for (const [holder, sessions] of this.holders) {
      for (const [remote, calls] of sessions) if (calls.owner === undefined && now - (calls.times.at(-1) ?? -Infinity) > this.windowMs) sessions.delete(remote);
      if (sessions.size === 0) this.holders.delete(holder);
    }
  }
}

/** Ids of a session's calls at or after `since`. */
export function callsSince(calls: SessionCalls<unknown>, since: number): string[] {
  let i = calls.times.length;
  while (i > 0 && calls.times[i - 1]! >= since) i--;
  return calls.ids.slice(i);
}

/** Anonymous callers hold one session per resource they use: a bucket's public readers. */
const ANONYMOUS = "anonymous";

function holderOf(a: Activity): string | undefined {
  if (a.source !== "cloudtrail") return a.host?.instanceId;
  return a.accessKeyId ?? (a.actorType === "Anonymous" ? ANONYMOUS : undefined);
}

/** The address an API call came from; for a host record the public remote end (a flow runs either way). */
function remoteOf(a: Activity): string | undefined {
  if (a.source === "cloudtrail") return a.actorType === "Anonymous" ? a.resources[0] : a.sourceIp;
  const host = a.host!;
  if (host.domain !== undefined) return host.domain;
  if (a.source === "vpc-flow" && a.sourceIp !== undefined && isPublicIpv4(a.sourceIp)) return a.sourceIp;
  return host.dstIp !== undefined && isPublicIpv4(host.dstIp) ? host.dstIp : undefined;
}
