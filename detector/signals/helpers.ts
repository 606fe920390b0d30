/**
 * Small helpers the signal rules share: indicators, ATT&CK names, request fields, network labels
 * and the anomaly gate.
 */
import type { Activity } from "../activity.ts";
import type { Indicator } from "../../schema/finding.ts";
import { tactic as tacticById, technique as techniqueById } from "../../schema/attack.ts";
import type { SignalContext } from "./define.ts";
import { agentToken, apiToken, asnToken } from "../tokens.ts";

/** An indicator with its values (deduplicated, as strings). */
export function indicator(key: string, values: ReadonlyArray<string | number>, title?: string): Indicator {
  return { key, values: [...new Set(values.map(String))], ...(title ? { title } : {}) };
}

/** ATTACK_TACTIC and ATTACK_TECHNIQUE indicators with ATT&CK names. */
export function attackIndicators(tacticId: string, techniqueId?: string): Indicator[] {
  const out = [indicator("ATTACK_TACTIC", [tacticById(tacticId)?.name ?? tacticId])];
  if (techniqueId) out.push(indicator("ATTACK_TECHNIQUE", [techniqueById(techniqueId)?.name ?? techniqueId]));
  return out;
}

/** The event name of a `service:Event` action. */
export function eventName(action: string): string {
  return action.slice(action.indexOf(":") + 1);
}

/** A nested request (or response) field, or undefined: `field(a.request, "bucketPolicy", "Statement")`. */
export function field(root: unknown, ...path: string[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** A value that may be one item or a list, as a list (CloudTrail renders single XML items bare). */
export function asList(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** A JSON document given as an object or a JSON string, as an object (or undefined). */
export function jsonDocument(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** `AS7922 Comcast (isp)` for an IP, or `an unknown network`. */
export function networkLabel(ctx: SignalContext, ip: string | undefined): string {
  const net = ip ? ctx.intel.network(ip) : undefined;
  return net ? `AS${net.asn} ${net.org} (${net.usage})` : "an unknown network";
}

/** The activity's `asn:` token, or undefined without a source IP. */
export function sourceAsnToken(ctx: SignalContext, a: Activity): string | undefined {
  return a.sourceIp ? asnToken(ctx.intel.network(a.sourceIp)) : undefined;
}

/** The model's score of the activity's API for its actor. */
export function apiScore(ctx: SignalContext, a: Activity): number {
  return ctx.anomaly(a, apiToken(a.action));
}

/** The highest score among the activity's network and tool tokens (how foreign its origin is). */
export function originScore(ctx: SignalContext, a: Activity): number {
  const asn = sourceAsnToken(ctx, a);
  let s = asn ? ctx.anomaly(a, asn) : 0;
  if (a.agentFamily) s = Math.max(s, ctx.anomaly(a, agentToken(a.agentFamily)));
  return s;
}

/** Why an act judged from elsewhere (habits.ts `fromElsewhere`) is told, or else the model's score: the evidence's closing words. */
export function elsewhereOrScore(a: Activity, elsewhere: boolean, score: number): string {
  return elsewhere ? `from ${a.sourceIp}, somewhere else than its own places` : `(anomaly ${fmt(score)})`;
}

/** Whether the call failed (any error code). */
export function failed(a: Activity): boolean {
  return a.error !== undefined && a.error !== "";
}

/** Access-denied style error codes across services. */
export function isAccessDenied(error: string | undefined): boolean {
  return error !== undefined && /denied|unauthorized|forbidden/i.test(error);
}

/** Round a score for evidence text. */
export function fmt(score: number): string {
  return score.toFixed(2);
}

/** Human bytes: `1.2 GB`. */
export function bytesLabel(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v >= 10 || u === 0 ? 0 : 1)} ${units[u]}`;
}

/** What kind of host record an activity is: a flow, a DNS query, a connection, a file change or a process start. */
export function hostKind(a: Activity): "flow" | "dns" | "network" | "file" | "process" | undefined {
  if (a.source === "vpc-flow") return "flow";
  if (a.source === "route53-resolver") return "dns";
  if (a.source !== "runtime" || !a.host) return undefined;
  // Ingest names runtime actions by OCSF class: `process:start`, `network:connect`, `dns:query`, `file:create`.
  if (a.action.startsWith("dns:")) return "dns";
  if (a.action.startsWith("network:")) return "network";
  if (a.action.startsWith("file:")) return "file";
  return a.action.startsWith("process:") ? "process" : undefined;
}

/** A domain without its trailing dot, lower case. */
export function normalDomain(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, "");
}
