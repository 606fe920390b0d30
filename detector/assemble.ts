/**
 * Assembly: turn closed sequence groups and foundational signals into GuardDuty-shaped findings
 * (`service.detection.sequence` with signals, actors, resources, endpoints and indicators) with
 * the `seqlab` block that says why: score, threshold, markers and the records behind it.
 */
import { createHash } from "node:crypto";
import type { Finding, FiredMarker, Indicator, SequenceSignal } from "../schema/finding.ts";
import { tactic as tacticOf, tacticOrder } from "../schema/attack.ts";
import type { Activity, Source } from "./activity.ts";
import type { IntelIndex } from "./intel.ts";
import type { Signal } from "./signal.ts";
import type { SequenceGroup } from "./correlate.ts";

/** The detector that writes findings: its (fake but stable) detector id and the variant. */
export interface AssemblyContext {
  variant: string;
  threshold: number;
  intel: IntelIndex;
}

const DETECTOR_ID = "5eq1ab00000000000000000000000000";

/** A deterministic 32-hex id, like GuardDuty's finding ids. */
export function findingId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** The GuardDuty signal type of a source. */
function signalSourceType(source: Source, action: string): SequenceSignal["type"] {
  if (source === "vpc-flow") return "FLOW_LOGS";
  if (source === "route53-resolver") return "DNS_LOGS";
  if (source === "runtime") return "RUNTIME_MONITORING";
  return action.startsWith("s3:") && /Object|Objects$/.test(action) ? "S3_DATA_EVENTS" : "CLOUD_TRAIL";
}

/** Which attack sequence a group is: instance compromise, data compromise, or credential compromise. */
export function sequenceType(signals: readonly Signal[]): string {
  if (signals.some((s) => s.activity.source !== "cloudtrail")) return "AttackSequence:EC2/CompromisedInstanceGroup";
  const dataStages = new Set(["TA0009", "TA0010", "TA0040"]);
  if (signals.some((s) => s.activity.action.startsWith("s3:") && dataStages.has(s.tactic))) return "AttackSequence:S3/CompromisedData";
  return "AttackSequence:IAM/CompromisedCredentials";
}

/** The foundational finding a signal belongs to: one per type, actor and account per UTC day, as GuardDuty aggregates repeats. */
export function foundationalKey(s: Signal): string {
  return findingId("foundational", s.type, s.activity.actor, s.activity.account, new Date(s.time).toISOString().slice(0, 10));
}

/** Aggregates foundational signals into GuardDuty foundational findings. */
export class FoundationalFindings {
  private readonly byId = new Map<string, { signals: number; first: Signal; last: Signal; severity: number; events: string[] }>();

  /** Count a foundational signal; returns the id of the finding it belongs to. */
  add(s: Signal): string {
    const id = foundationalKey(s);
    const f = this.byId.get(id);
    if (!f) this.byId.set(id, { signals: 1, first: s, last: s, severity: s.severity, events: s.activityIds.slice(0, 200) });
    else {
      f.signals++;
      f.last = s;
      f.severity = Math.max(f.severity, s.severity);
      for (const e of s.activityIds) if (f.events.length < 200) f.events.push(e);
    }
    return id;
  }

  /** The findings, in order of first signal. Foundational findings are always raised (threshold 0). */
  findings(ctx: AssemblyContext): Finding[] {
    return [...this.byId.entries()]
      .sort(([ia, a], [ib, b]) => a.first.time - b.first.time || (ia < ib ? -1 : 1))
      .map(([id, f]) => {
        const a = f.first.activity;
        return base(ctx, {
          id,
          account: a.account,
          region: a.region,
          type: f.first.type,
          title: f.first.evidence,
          description: `${f.first.evidence}${f.signals > 1 ? ` (${f.signals} times, last at ${iso(f.last.time)})` : ""}`,
          severity: f.severity,
          first: f.first.time,
          last: f.last.time,
          count: f.signals,
          resourceType: resourceTypeOf(a),
          seqlab: { variant: ctx.variant, score: f.severity, threshold: 0, detectedAt: iso(f.first.time), eventIds: f.events, markers: [] },
        });
      });
  }
}

/** A sequence finding from a closed group, its score and the markers that fired. */
export function sequenceFinding(group: SequenceGroup, score: number, markers: FiredMarker[], markerIndicators: Indicator[], ctx: AssemblyContext): Finding {
  const signals = group.signals;
  const type = sequenceType(signals);
  const first = signals[0]!.activity;
  const id = findingId("sequence", ctx.variant, group.id);
  const raised = score >= ctx.threshold;
  const detectedAt = raised ? (group.detectedAt ?? group.end) : group.end;

  const actors = new Map<string, Activity>();
  for (const s of signals) if (!actors.has(actorId(s.activity))) actors.set(actorId(s.activity), s.activity);
  const endpoints = new Map<string, string>();
  for (const s of signals) if (s.activity.sourceIp && !endpoints.has(s.activity.sourceIp)) endpoints.set(s.activity.sourceIp, `ENDPOINT:${s.activity.sourceIp}`);
  const resources = new Map<string, { uid: string; type: string; account: string; region: string }>();
  for (const s of signals) for (const r of resourcesOf(s.activity)) if (!resources.has(r.uid) && resources.size < 50) resources.set(r.uid, r);

  // One sequence signal per foundational finding it folds in, and per kind of weak behaviour:
  // GuardDuty shows each once with its count.
  const byUid = new Map<string, Signal[]>();
  for (const s of signals) {
    const uid = s.foundational ? foundationalKey(s) : findingId("signal", group.id, s.type);
    const list = byUid.get(uid);
    if (list) list.push(s);
    else byUid.set(uid, [s]);
  }
  const sequenceSignals: SequenceSignal[] = [...byUid.entries()].map(([uid, list]) => {
    const s0 = list[0]!;
    const name = s0.type;
    const last = list[list.length - 1]!;
    return {
      uid,
      type: s0.foundational ? "FINDING" : signalSourceType(s0.activity.source, s0.activity.action),
      name,
      description: s0.evidence,
      createdAt: iso(s0.time),
      updatedAt: iso(last.time),
      firstSeenAt: iso(s0.time),
      lastSeenAt: iso(last.time),
      severity: Math.max(...list.map((x) => x.severity)),
      count: list.length,
      actorIds: [...new Set(list.map((x) => actorId(x.activity)))],
      resourceUids: [...new Set(list.flatMap((x) => resourcesOf(x.activity).map((r) => r.uid)))].slice(0, 20),
      endpointIds: [...new Set(list.flatMap((x) => (x.activity.sourceIp ? [`ENDPOINT:${x.activity.sourceIp}`] : [])))].slice(0, 20),
      signalIndicators: mergeIndicators(list.flatMap((x) => x.indicators)),
    };
  });
  const tactics = [...new Set(signals.map((s) => s.tactic))].sort((a, b) => tacticOrder(a) - tacticOrder(b));
  const indicators = mergeIndicators([
    { key: "ATTACK_TACTIC", values: tactics.map((t) => tacticOf(t)?.name ?? t), title: "Attack tactics" },
    ...signals.flatMap((s) => s.indicators),
    ...markerIndicators,
  ]);
  const eventIds = [...new Set([...signals.flatMap((s) => s.activityIds), ...group.droppedEvents, ...group.contextEvents])];
  const principal = first.actor;
  const description = timeline(group, type, tactics);
  return base(ctx, {
    id,
    account: first.account,
    region: first.region,
    type,
    title: `Potential ${type.split("/")[1]!.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} of ${principal} indicated by a sequence of actions.`,
    description,
    // GuardDuty rates attack sequences critical: 9.0 to 10.0 by strength.
    severity: Math.min(10, 9 + Math.max(0, score - ctx.threshold) / (2 * ctx.threshold)),
    first: group.start,
    last: group.end,
    count: signals.length + group.dropped,
    resourceType: "AttackSequence",
    sequence: {
      uid: id,
      description,
      actors: [...actors.entries()].map(([aid, a]) => actorOf(aid, a)),
      resources: [...resources.values()].map((r) => ({ uid: r.uid, name: r.uid, accountId: r.account, region: r.region, resourceType: r.type as "S3_BUCKET" })),
      endpoints: [...endpoints.entries()].map(([ip, eid]) => endpointOf(eid, ip, ctx.intel)),
      signals: sequenceSignals,
      sequenceIndicators: indicators,
      additionalSequenceTypes: [],
    },
    seqlab: { variant: ctx.variant, score, threshold: ctx.threshold, detectedAt: iso(detectedAt), eventIds, markers },
  });
}

/** A readable timeline: one line per signal type in order of first appearance. */
function timeline(group: SequenceGroup, type: string, tactics: string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of group.signals) {
    if (seen.has(s.type)) continue;
    seen.add(s.type);
    if (lines.length < 12) lines.push(`  - ${iso(s.time)} ${s.type}: ${s.evidence}`);
  }
  const accounts = [...group.accounts].sort().join(", ");
  return [
    `A sequence of ${group.signals.length + group.dropped} signals (${seen.size} kinds) indicating ${type.slice("AttackSequence:".length)} in account(s) ${accounts} between ${iso(group.start)} and ${iso(group.end)}.`,
    `  ${tactics.length} MITRE ATT&CK tactics observed: ${tactics.map((t) => tacticOf(t)?.name ?? t).join(", ")}`,
    ...lines,
  ].join("\n");
}

interface BaseParts {
  id: string;
  account: string;
  region: string;
  type: string;
  title: string;
  description: string;
  severity: number;
  first: number;
  last: number;
  count: number;
  resourceType: string;
  sequence?: NonNullable<NonNullable<Finding["service"]["detection"]>["sequence"]>;
  seqlab: Finding["seqlab"];
}

function base(ctx: AssemblyContext, p: BaseParts): Finding {
  const at = iso(p.last);
  return {
    schemaVersion: "2.0",
    id: p.id,
    arn: `arn:aws:guardduty:${p.region}:${p.account}:detector/${DETECTOR_ID}/finding/${p.id}`,
    accountId: p.account,
    region: p.region,
    partition: "aws",
    type: p.type,
    title: p.title,
    description: p.description,
    severity: Math.round(p.severity * 10) / 10,
    createdAt: p.seqlab.detectedAt,
    updatedAt: at,
    resource: { resourceType: p.resourceType },
    service: {
      serviceName: "guardduty",
      detectorId: DETECTOR_ID,
      archived: false,
      count: p.count,
      eventFirstSeen: iso(p.first),
      eventLastSeen: at,
      featureName: p.sequence ? "Correlation" : "CloudTrail",
      resourceRole: "TARGET",
      additionalInfo: { value: `{"variant":"${ctx.variant}"}`, type: "default" },
      ...(p.sequence && { detection: { sequence: p.sequence } }),
    },
    seqlab: p.seqlab,
  };
}

function actorId(a: Activity): string {
  return a.session ? `${a.actorType.toUpperCase()}:${a.actor}:${a.session}` : `${a.actorType.toUpperCase()}:${a.actor}`;
}

function actorOf(id: string, a: Activity): NonNullable<NonNullable<BaseParts["sequence"]>["actors"]>[number] {
  return {
    id,
    user: {
      name: a.actor.slice(a.actor.lastIndexOf("/") + 1),
      uid: a.actor,
      type: a.actorType,
      ...(a.accessKeyId && { credentialUid: a.accessKeyId }),
      account: { uid: a.actorAccount },
    },
    ...(a.session !== undefined && { session: { uid: a.session, mfaStatus: a.mfa ? ("ENABLED" as const) : ("DISABLED" as const) } }),
  };
}

function endpointOf(id: string, ip: string, intel: IntelIndex): NonNullable<NonNullable<BaseParts["sequence"]>["endpoints"]>[number] {
  const net = intel.network(ip);
  return { id, ip, ...(net && { autonomousSystem: { name: net.org, number: net.asn } }), connection: { direction: "INBOUND" as const } };
}

function resourceTypeOf(a: Activity): string {
  if (a.source !== "cloudtrail") return "Instance";
  if (a.action.startsWith("s3:")) return "S3Bucket";
  return "AccessKey";
}

/** The resources an activity names, typed as GuardDuty types them. */
function resourcesOf(a: Activity): { uid: string; type: string; account: string; region: string }[] {
  const out: { uid: string; type: string; account: string; region: string }[] = [];
  if (a.host) out.push({ uid: a.host.instanceId, type: "EC2_INSTANCE", account: a.account, region: a.region });
  if (a.accessKeyId) out.push({ uid: a.accessKeyId, type: "ACCESS_KEY", account: a.actorAccount, region: a.region });
  if (a.action.startsWith("s3:")) for (const r of a.resources) out.push({ uid: r, type: "S3_BUCKET", account: a.account, region: a.region });
  return out;
}

/** Merge indicators by key, values deduplicated and capped. */
function mergeIndicators(list: readonly Indicator[]): Indicator[] {
  const byKey = new Map<string, { values: Set<string>; title?: string }>();
  for (const i of list) {
    let entry = byKey.get(i.key);
    if (!entry) {
      entry = { values: new Set(), ...(i.title !== undefined && { title: i.title }) };
      byKey.set(i.key, entry);
    }
    for (const v of i.values ?? []) if (entry.values.size < 20) entry.values.add(v);
  }
  return [...byKey.entries()].map(([key, e]) => ({ key, values: [...e.values], ...(e.title !== undefined && { title: e.title }) }));
}
