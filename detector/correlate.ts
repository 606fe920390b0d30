/**
 * Correlation: link signals that share an entity — access key (and the keys it issued through STS
 * or IAM), principal, role session, instance and instance group, source IP unless it is shared
 * infrastructure, resource — into sequence groups, in event-time order. A signal joins a group when
 * it shares an entity with it within the window after the group's last signal, so a slow sequence
 * keeps growing past 24 hours as long as its steps are less than a window apart; but a principal or
 * role session links a call from its own network and tool with one from elsewhere only within a few
 * hours, and only when nothing else links it (a trip is not the next day's work at the desk, and a
 * thief's story is not the owner's). Groups close when
 * the window has passed with nothing new; the moment a group's score first reaches the threshold
 * is its `detectedAt`. A group also names the rest of its suspect sessions' calls (sessions.ts),
 * which score nothing but show what happened around its signals.
 */
import type { Activity } from "./activity.ts";
import type { Signal } from "./signal.ts";
import { isInstanceId } from "./peers.ts";
import { RecentSessions, callsSince, type SessionCalls } from "./sessions.ts";
import { isAccessSetting } from "./s3-access.ts";

/** A group of linked signals. */
export interface SequenceGroup {
  /** The id of its first signal: stable whatever the merge order. */
  id: string;
  signals: Signal[];
  start: number;
  end: number;
  accounts: Set<string>;
  actors: Set<string>;
  /** Signal types, with how many signals of each it keeps. */
  types: Map<string, number>;
  /** Event time at which its score first reached the threshold. */
  detectedAt?: number;
  /** Signals beyond the caps are counted, not kept. */
  dropped: number;
  /** The activities of dropped signals (up to a bound): still part of what the group shows. */
  droppedEvents: string[];
  /**
   * The rest of the suspect sessions' activity (up to a bound; it repeats the signals' own events):
   * every call made with the access key of a strong signal from somewhere not its caller's own,
   * from that signal's source address, from the last window before it (at most the session's
   * latest 1,000) until the group's window passes; the anonymous reads of a bucket such a session
   * opened, and everything an instance exchanged with the remote end of such a host signal, from
   * then on (sessions.ts). A session another open group holds adds nothing here. The calls around
   * the signals are what an analyst scopes.
   */
  contextEvents: string[];
}

/** How the correlator links and when it scores. */
export interface CorrelatorOptions {
  windowMs: number;
  scope: "account" | "organization";
  /** Shared infrastructure (NAT gateways, offices, CI runners) must not link unrelated actors. */
  isSharedIp(ip: string): boolean;
  /** An identity broker minting federated users for many people must not link them (see Activity.issuer). */
  isBroker(issuer: string): boolean;
  /** Whether an API call came from its caller's own network and tool, or own device (habits.ts `ownOrigin`); false for host records. */
  isOwnOrigin(a: Activity): boolean;
  /** The group an instance belongs to (Auto Scaling group, or its role), if known. */
  instanceGroup(instanceId: string): string | undefined;
  /** Score of a group as it stands. */
  score(group: SequenceGroup): number;
  threshold: number;
  /** Called once per group when it closes (window passed, or at the end). */
  onClose(group: SequenceGroup): void;
}

/**
 * Signals below this severity link through identity only, unless a rule raised them as a finding
 * without a model's judgement (a trail stopped, Block Public Access removed). A shared network or
 * resource is too thin a link for a low anomaly score; such a signal joins stories through who acted.
 */
const LINKING_SEVERITY = 4;
/** Most signals a group keeps (a noisy actor's group must not grow without bound). */
const MAX_SIGNALS = 1500;
/**
 * Most signals of one type a group keeps: one behaviour repeated thousands of times (stolen
 * credentials used all day) must not fill the group and crowd out the new kinds that follow.
 */
const MAX_SIGNALS_PER_TYPE = 100;
/** Most activity ids of dropped signals a group remembers. */
const MAX_DROPPED_EVENTS = 10_000;
/** Most activity ids of its suspect sessions a group names besides its signals'. */
const MAX_CONTEXT_EVENTS = 10_000;
/** An IP or resource seen with more distinct actors than this is a hub, not a link. */
const MAX_ACTORS_PER_ENTITY = 6;
/**
 * How long after a place-named identity last linked a signal (from its own network and tool or own
 * device, or from elsewhere) it still links a call from the other kind of place — never beyond
 * the window, and only when the caller's own chain links nothing (see `add`): a person switches
 * networks within a sitting; an admin back at their desk the day after a trip is not continuing
 * the trip's story, and the owner's own work is not part of a thief's.
 */
const ORIGIN_SWITCH_MS = 3 * 3_600_000;
/** Suffixes naming a principal or role session by the kind of place a call came from. */
const OWN_PLACE = "~own";
const AWAY = "~away";
/** Whether an entity names a principal or role session by place (see `entities`). */
function isPlaceNamed(entity: string): boolean {
  return entity.endsWith(OWN_PLACE) || entity.endsWith(AWAY);
}
/** Whether an entity (without its scope prefix) is the caller's own chain — its key, address or place-named identity — rather than a resource or instance it shares with others. */
function isOwnChain(entity: string): boolean {
  return entity.startsWith("key:") || entity.startsWith("ip:") || isPlaceNamed(entity);
}
/** How long STS and IAM key lineage is remembered beyond the window: the longest role session. */
const SESSION_MS = 12 * 3_600_000;

const CREDENTIAL_ISSUERS = new Set(["sts:AssumeRole", "sts:GetFederationToken", "sts:GetSessionToken", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "iam:CreateAccessKey"]);
const PRIVATE_IP = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.|169\.254\.)/;

/** Streams signals into groups; call `observe` for every activity and `add` for every signal, in time order. */
export class Correlator {
  private readonly open = new Set<SequenceGroup>();
  private readonly byEntity = new Map<string, SequenceGroup>();
  private readonly entitiesOf = new Map<SequenceGroup, Set<string>>();
  /** When each place-named identity (see `entities`) last linked a signal: the other kind of place links only soon after. */
  private readonly placeSeen = new Map<string, number>();
  /** Entity → distinct actors seen with it, to detect hubs. */
  private readonly actorsOf = new Map<string, { actors: Set<string>; last: number }>();
  /** Issued key → the key (or principal) that asked for it, with the time. */
  private readonly issuedBy = new Map<string, { parent: string; time: number }>();
  /** Every session's recent calls; a suspect one is owned by the open group that names its calls. */
  private readonly sessions: RecentSessions<SequenceGroup>;
  /** The sessions each open group owns, to release them when it closes. */
  private readonly sessionsOf = new Map<SequenceGroup, Set<SessionCalls<SequenceGroup>>>();
  private lastSweep = 0;

  constructor(private readonly opts: CorrelatorOptions) {
    this.sessions = new RecentSessions({ windowMs: opts.windowMs, perAccount: opts.scope === "account" });
  }

  /**
   * See every activity: remember each session's recent calls (a session that turns suspect is
   * named whole), and learn key lineage from activities that issue credentials (they need not raise
   * signals).
   */
  observe(a: Activity): void {
    const owner = this.sessions.remember(a)?.owner;
    // Until the owner's window has passed (it closes at the next sweep).
    if (owner && a.time - owner.end <= this.opts.windowMs && owner.contextEvents.length < MAX_CONTEXT_EVENTS) owner.contextEvents.push(a.id);
    if (!CREDENTIAL_ISSUERS.has(a.action) || a.error) return;
    const issued = issuedKey(a.response);
    // Keys AWS services obtain (instance profiles, Lambda) have no parent worth linking through.
    const parent = a.accessKeyId ? `key:${a.accessKeyId}` : a.actorType === "IAMUser" || a.actorType === "Root" ? `actor:${a.actor}` : undefined;
    if (issued && parent) this.issuedBy.set(issued, { parent, time: a.time });
  }

  /** Add a signal: link it to the groups it shares entities with (merging them), or start a group. */
  add(signal: Signal): void {
    const t = signal.time;
    if (t - this.lastSweep > 600_000) this.sweep(t);
    const own = this.opts.isOwnOrigin(signal.activity);
    const { entities, minters, otherPlace } = this.entities(signal, own);
    const groups = new Set<SequenceGroup>();
    const prefixLength = this.opts.scope === "account" ? signal.activity.account.length + 1 : 0;
    let chained = false;
    for (const e of [...entities, ...minters]) {
      const g = this.byEntity.get(e);
      if (!g || !this.open.has(g) || t - g.end > this.opts.windowMs) continue;
      groups.add(g);
      chained ||= isOwnChain(e.slice(prefixLength));
    }
    // The other kind of place links only when the caller's own chain (key, address, this kind of
    // place, minter) does not, so that one call cannot bridge a trip's story and the desk's; and
    // only within a sitting of that name's last link.
    const switchMs = Math.min(ORIGIN_SWITCH_MS, this.opts.windowMs);
    if (!chained) {
      for (const e of otherPlace) {
        const g = this.byEntity.get(e);
        const seen = this.placeSeen.get(e);
        if (g && this.open.has(g) && seen !== undefined && t - seen <= switchMs) groups.add(g);
      }
    }
    let group: SequenceGroup;
    if (groups.size === 0) {
      group = { id: signal.id, signals: [], start: t, end: t, accounts: new Set(), actors: new Set(), types: new Map(), dropped: 0, droppedEvents: [], contextEvents: [] };
      this.open.add(group);
      this.entitiesOf.set(group, new Set());
      this.sessionsOf.set(group, new Set());
    } else {
      group = this.merge([...groups]);
    }
    const known = group.types.has(signal.type);
    const kept = keep(group, signal.type);
    if (kept) group.signals.push(signal);
    else drop(group, signal.activityIds);
    group.end = Math.max(group.end, t);
    group.accounts.add(signal.activity.account);
    group.actors.add(signal.activity.actor);
    const linked = this.entitiesOf.get(group)!;
    for (const e of entities) {
      linked.add(e);
      this.byEntity.set(e, group);
      if (isPlaceNamed(e)) this.placeSeen.set(e, t);
    }
    // A strong signal from the caller's own place and tool (a workload's nightly clean-up raising a
    // delete burst) says nothing of the session's thousands of other calls.
    if (isStrong(signal) && !own) this.suspect(group, signal.activity);
    const n = group.signals.length;
    // Scoring is the costly part: rescore when the picture changes (a new kind of signal), and
    // otherwise at a shrinking rate as the group grows; a dropped repeat changes nothing.
    if (group.detectedAt === undefined && kept && (!known || n <= 32 || (n & (n - 1)) === 0) && this.opts.score(group) >= this.opts.threshold) group.detectedAt = t;
  }

  /** Close every group whose window has passed by `now`. */
  sweep(now: number): void {
    this.lastSweep = now;
    for (const g of this.open) if (now - g.end > this.opts.windowMs) this.close(g);
    for (const [key, link] of this.issuedBy) if (now - link.time > this.opts.windowMs + SESSION_MS) this.issuedBy.delete(key);
    for (const [e, seen] of this.actorsOf) if (now - seen.last > this.opts.windowMs) this.actorsOf.delete(e);
    this.sessions.sweep(now);
  }

  /** Close every open group (end of input), oldest first. */
  finish(): void {
    for (const g of [...this.open].sort((a, b) => a.start - b.start || compareIds(a.id, b.id))) this.close(g);
  }

  private close(g: SequenceGroup): void {
    this.open.delete(g);
    for (const e of this.entitiesOf.get(g) ?? []) {
      if (this.byEntity.get(e) !== g) continue;
      this.byEntity.delete(e);
      this.placeSeen.delete(e);
    }
    this.entitiesOf.delete(g);
    for (const session of this.sessionsOf.get(g) ?? []) if (session.owner === g) session.owner = undefined;
    this.sessionsOf.delete(g);
    this.opts.onClose(g);
  }

  /** Merge groups into the one that started first; entities are re-pointed. */
  private merge(groups: SequenceGroup[]): SequenceGroup {
    groups.sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
    const into = groups[0]!;
    const own = this.entitiesOf.get(into)!;
    const ownSessions = this.sessionsOf.get(into)!;
    for (const g of groups.slice(1)) {
      for (const s of g.signals) {
        if (keep(into, s.type)) into.signals.push(s);
        else drop(into, s.activityIds);
      }
      into.dropped += g.dropped;
      drop(into, g.droppedEvents, 0);
      for (const type of g.types.keys()) if (!into.types.has(type)) into.types.set(type, 0);
      into.signals.sort((a, b) => a.time - b.time || compareIds(a.id, b.id));
      into.start = Math.min(into.start, g.start);
      into.end = Math.max(into.end, g.end);
      for (const x of g.accounts) into.accounts.add(x);
      for (const x of g.actors) into.actors.add(x);
      if (g.detectedAt !== undefined) into.detectedAt = Math.min(into.detectedAt ?? Infinity, g.detectedAt);
      for (const e of this.entitiesOf.get(g) ?? []) {
        own.add(e);
        this.byEntity.set(e, into);
      }
      this.entitiesOf.delete(g);
      pushBounded(into.contextEvents, g.contextEvents, MAX_CONTEXT_EVENTS);
      for (const session of this.sessionsOf.get(g) ?? []) {
        ownSessions.add(session);
        session.owner = into;
      }
      this.sessionsOf.delete(g);
      this.open.delete(g);
    }
    return into;
  }

  /**
   * The entities a signal links through, scoped to its account when sequences stay in one account.
   * Identity (keys, principal, session, instance) links within the window, principals and role
   * sessions by place (below); an IP or a resource links only
   * for signals strong enough to matter, so weak noise from many actors cannot chain them together.
   * A principal or role session is named with the kind of place the call came from (`own`: its own
   * network and tool, or own device; or elsewhere); `otherPlace` names it with the other kind, which
   * links only within {@link ORIGIN_SWITCH_MS} (see `add`). A key minted by a principal, and a
   * federated user, link to the principal that minted them whatever the place (`minters`: the
   * minter under the other kind, looked up within the window like the rest but not registered);
   * the principal's own later calls from the other kind of place reach that story only as any call
   * does, within a sitting.
   */
  private entities(signal: Signal, own: boolean): { entities: string[]; minters: string[]; otherPlace: string[] } {
    const a = signal.activity;
    const prefix = this.opts.scope === "account" ? `${a.account}|` : "";
    const out: string[] = [];
    /** Principals and role sessions: named with the kind of place the call came from. */
    const identities: string[] = [];
    /** Principals that minted the key or the federated user: a link whatever the place. */
    const minters: string[] = [];
    if (a.accessKeyId) {
      out.push(`key:${a.accessKeyId}`);
      // Keys issued by keys: an assumed role's session belongs to whoever assumed it.
      let link = this.issuedBy.get(a.accessKeyId);
      for (let depth = 0; link && depth < 4; depth++) {
        (link.parent.startsWith("key:") ? out : minters).push(link.parent);
        link = link.parent.startsWith("key:") ? this.issuedBy.get(link.parent.slice(4)) : undefined;
      }
    }
    if (a.actorType === "IAMUser" || a.actorType === "FederatedUser" || a.actorType === "Root") identities.push(`actor:${a.actor}`);
    // A federated user acts with its issuer's rights, often from a console session whose key
    // nothing else links: one identity chain with the IAM user that minted it. Not for a broker
    // minting federated users for many people (known from history, or seen minting many now).
    if (a.issuer && !this.opts.isBroker(a.issuer) && !this.isHub(`minted-by:${a.issuer}`, a)) minters.push(`actor:${a.issuer}`);
    if (a.actorType === "AssumedRole" && a.session) {
      identities.push(`session:${a.actor}#${a.session}`);
      if (isInstanceId(a.session)) out.push(...this.instanceEntities(a.session));
    }
    if (a.actorType === "Instance") out.push(...this.instanceEntities(a.actor));
    if (isStrong(signal)) {
      const hubbable: string[] = [];
      if (a.sourceIp && !PRIVATE_IP.test(a.sourceIp) && !this.opts.isSharedIp(a.sourceIp)) hubbable.push(`ip:${a.sourceIp}`);
      // A resource links what changed it to who then used it (a policy made public, then anonymous
      // reads); reads alone do not, or every heavy reader of a popular bucket would chain together.
      // Resources are named within their account; AWS-managed policies belong to everyone.
      if ((!a.readOnly || a.actorType === "Anonymous") && a.actorType !== "AWSService") {
        for (const r of a.resources) if (!r.startsWith("arn:aws:iam::aws:")) hubbable.push(`res:${r.startsWith("arn:") ? r : `${a.account}/${r}`}`);
      }
      for (const e of hubbable) if (!this.isHub(e, a)) out.push(e);
    }
    const [here, there] = own ? [OWN_PLACE, AWAY] : [AWAY, OWN_PLACE];
    for (const e of [...identities, ...minters]) out.push(e + here);
    const scoped = (list: string[]) => (prefix ? list.map((e) => prefix + e) : list);
    return { entities: scoped(out), minters: scoped(minters.map((e) => e + there)), otherPlace: scoped(identities.map((e) => e + there)) };
  }

  /**
   * Name the session behind a strong signal as the group's: its calls of the last window now, and
   * each later one as it comes; and, when it changed who may read a bucket, the anonymous reads of
   * that bucket from now on. A session another group holds stays with it unless that group's window
   * has passed (it is closed at the next sweep, and this is a new story).
   */
  private suspect(group: SequenceGroup, a: Activity): void {
    const own = this.sessionsOf.get(group)!;
    const mayTakeFrom = (current: SequenceGroup) => a.time - current.end > this.opts.windowMs;
    const session = this.sessions.claim(a, group, mayTakeFrom);
    if (session) {
      own.add(session);
      pushBounded(group.contextEvents, callsSince(session, a.time - this.opts.windowMs), MAX_CONTEXT_EVENTS);
    }
    const bucket = a.resources[0];
    if (bucket === undefined || !isAccessSetting(a.action)) return;
    const readers = this.sessions.claimAnonymousUse(a.account, bucket, group, mayTakeFrom);
    if (readers) own.add(readers);
  }

  private instanceEntities(instanceId: string): string[] {
    const group = this.opts.instanceGroup(instanceId);
    return group ? [`instance:${instanceId}`, `igroup:${group}`] : [`instance:${instanceId}`];
  }

  /** Whether too many distinct actors share this IP or resource for it to link them. */
  private isHub(entity: string, a: Activity): boolean {
    let seen = this.actorsOf.get(entity);
    if (!seen) {
      seen = { actors: new Set(), last: a.time };
      this.actorsOf.set(entity, seen);
    }
    seen.last = a.time;
    if (seen.actors.size <= MAX_ACTORS_PER_ENTITY) seen.actors.add(a.actor);
    return seen.actors.size > MAX_ACTORS_PER_ENTITY;
  }
}

/** Whether a signal is strong enough to link through a network or resource, and to make its session suspect. */
function isStrong(signal: Signal): boolean {
  return signal.severity >= LINKING_SEVERITY || (signal.foundational && signal.anomaly === undefined);
}

/** Append `items` to `list` while it holds fewer than `max`. */
function pushBounded(list: string[], items: readonly string[], max: number): void {
  for (const item of items) {
    if (list.length >= max) return;
    list.push(item);
  }
}

/** Whether a group has room for one more signal of `type`; if so, counts it as kept. */
function keep(group: SequenceGroup, type: string): boolean {
  const kept = group.types.get(type) ?? 0;
  if (group.signals.length >= MAX_SIGNALS || kept >= MAX_SIGNALS_PER_TYPE) {
    if (kept === 0) group.types.set(type, 0);
    return false;
  }
  group.types.set(type, kept + 1);
  return true;
}

/** Count `signals` dropped signals whose activities were `events`, remembering the activities within the bound. */
function drop(group: SequenceGroup, events: readonly string[], signals = 1): void {
  group.dropped += signals;
  pushBounded(group.droppedEvents, events, MAX_DROPPED_EVENTS);
}

/** The access key id an issuing call returned (STS credentials, or a new IAM access key). */
function issuedKey(response: Record<string, unknown> | undefined): string | undefined {
  const creds = response?.credentials as { accessKeyId?: unknown } | undefined;
  if (typeof creds?.accessKeyId === "string") return creds.accessKeyId;
  const key = response?.accessKey as { accessKeyId?: unknown } | undefined;
  return typeof key?.accessKeyId === "string" ? key.accessKeyId : undefined;
}

/** Code-point order: deterministic across machines. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
