/**
 * VPC flow log line → {@link Activity}. Lines are checked by a fast path with the rules of
 * schema/vpcflow.ts; any line it does not accept outright goes to `parseFlowLine`, which either
 * accepts it (odd spacing, IPv6) or names the field that is wrong. Ids come from `flowRecordId`.
 *
 * The actor is the flow's `instance-id` when the line carries one, else the network interface id
 * (version-2 lines name only the ENI). `time` is the capture window's start.
 */
import type { Activity } from "../activity.ts";
import { FLOW_V2_FIELDS, flowRecordId, parseFlowLine, type FlowRecord } from "../../schema/vpcflow.ts";
import { rejection, type Rejection } from "./reject.ts";

/** zod's IPv4 rule, so the fast path accepts exactly what the schema accepts. */
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ACCOUNT = /^(\d{12}|-|unknown)$/;
const ENI = /^(eni-[0-9a-f]+|-)$/;
const DIGITS = /^\d+$/;

/** Protocol numbers as names, so flow and runtime activities agree (`tcp`, `udp`). */
const PROTOCOLS: Record<number, string> = { 1: "icmp", 6: "tcp", 17: "udp", 58: "icmpv6" };

/** Where the file sits tells what the lines may omit (version-2 lines carry no region). */
export interface FlowFileContext {
  region?: string;
  account?: string;
}

/** A flow line skipped by design: `NODATA` or `SKIPDATA`. */
export type FlowSkip = "flow NODATA" | "flow SKIPDATA";

/** The fields an activity is built from. */
type FlowFields = Pick<FlowRecord, "account-id" | "interface-id" | "srcaddr" | "dstaddr" | "srcport" | "dstport" | "protocol" | "bytes" | "start" | "action" | "log-status"> & { "instance-id"?: unknown; region?: unknown };

const num = (v: string | number): number | undefined => (typeof v === "number" ? v : undefined);

function intOrDash(v: string | undefined, max: number): number | "-" | undefined {
  if (v === "-") return "-";
  if (v === undefined || !DIGITS.test(v)) return undefined;
  const n = Number(v);
  return n <= max ? n : undefined;
}

/** Reads the lines of one flow log file against its header (default: version 2). */
export class FlowLineReader {
  /** Position of each field the reader uses in this file's lines (-1: absent). */
  private readonly at: Record<"version" | "account" | "eni" | "srcaddr" | "dstaddr" | "srcport" | "dstport" | "protocol" | "packets" | "bytes" | "start" | "end" | "action" | "status" | "instance" | "region", number>;

  constructor(
    readonly fields: readonly string[] = FLOW_V2_FIELDS,
    private readonly context: FlowFileContext = {},
  ) {
    const i = (field: string) => fields.indexOf(field);
    this.at = {
      version: i("version"), account: i("account-id"), eni: i("interface-id"), srcaddr: i("srcaddr"), dstaddr: i("dstaddr"),
      srcport: i("srcport"), dstport: i("dstport"), protocol: i("protocol"), packets: i("packets"), bytes: i("bytes"),
      start: i("start"), end: i("end"), action: i("action"), status: i("log-status"), instance: i("instance-id"), region: i("region"),
    };
  }

  /** One line as an activity, a skip, or why it cannot be one. */
  read(line: string): Activity | Rejection | FlowSkip {
    const values = line.split(" ");
    const status = values[this.at.status];
    if (status === "NODATA" || status === "SKIPDATA") return `flow ${status}`;
    const record: FlowFields | { error: string } = this.fast(values) ?? this.slow(line);
    if ("error" in record) return rejection(`vpc-flow ${record.error.split(":")[0]!.split(" ")[0]}`, `not a flow record: ${record.error}`);
    if (record["log-status"] !== "OK") return `flow ${record["log-status"]}`;
    return this.activity(record);
  }

  /** The record when every field passes the schema's rules, else undefined (the slow path decides). */
  private fast(values: string[]): FlowFields | undefined {
    const at = this.at;
    if (values.length !== this.fields.length || at.version < 0) return undefined;
    const versionText = values[at.version]!;
    const version = Number(versionText);
    if (!(version >= 2 && version <= 5 && DIGITS.test(versionText))) return undefined;
    const srcaddr = values[at.srcaddr] ?? "";
    const dstaddr = values[at.dstaddr] ?? "";
    if (!(srcaddr === "-" || IPV4.test(srcaddr)) || !(dstaddr === "-" || IPV4.test(dstaddr))) return undefined;
    const accountId = values[at.account] ?? "";
    const eni = values[at.eni] ?? "";
    if (!ACCOUNT.test(accountId) || !ENI.test(eni)) return undefined;
    const srcport = intOrDash(values[at.srcport], 65535);
    const dstport = intOrDash(values[at.dstport], 65535);
    const protocol = intOrDash(values[at.protocol], 255);
    const packets = intOrDash(values[at.packets], Number.MAX_SAFE_INTEGER);
    const bytes = intOrDash(values[at.bytes], Number.MAX_SAFE_INTEGER);
    if (srcport === undefined || dstport === undefined || protocol === undefined || packets === undefined || bytes === undefined) return undefined;
    const start = values[at.start] ?? "";
    if (!DIGITS.test(start) || !DIGITS.test(values[at.end] ?? "")) return undefined;
    const action = values[at.action];
    if (action !== "ACCEPT" && action !== "REJECT" && action !== "-") return undefined;
    if (values[at.status] !== "OK") return undefined;
    const record: FlowFields = { "account-id": accountId, "interface-id": eni, srcaddr, dstaddr, srcport, dstport, protocol, bytes, start: Number(start), action, "log-status": "OK" };
    if (at.instance >= 0) record["instance-id"] = values[at.instance];
    if (at.region >= 0) record.region = values[at.region];
    return record;
  }

  private slow(line: string): FlowRecord | { error: string } {
    const parsed = parseFlowLine(line, this.fields);
    return "record" in parsed ? parsed.record : parsed;
  }

  private activity(r: FlowFields): Activity {
    const instance = typeof r["instance-id"] === "string" && r["instance-id"] !== "-" ? r["instance-id"] : r["interface-id"];
    const account = r["account-id"] !== "-" && r["account-id"] !== "unknown" ? r["account-id"] : (this.context.account ?? "");
    const region = typeof r.region === "string" && r.region !== "-" ? r.region : (this.context.region ?? "");
    const protocol = num(r.protocol);
    const a: Activity = {
      id: flowRecordId(r),
      source: "vpc-flow",
      time: r.start * 1000,
      account,
      region,
      actor: instance,
      actorType: "Instance",
      actorAccount: account,
      action: `flow:${r.action === "-" ? "NONE" : r.action}`,
      readOnly: true,
      resources: [],
      host: { instanceId: instance },
    };
    if (r.action === "REJECT") a.error = "REJECT";
    if (r.srcaddr !== "-") a.sourceIp = r.srcaddr;
    const bytes = num(r.bytes);
    if (bytes !== undefined) a.bytes = bytes;
    if (r.dstaddr !== "-") a.host!.dstIp = r.dstaddr;
    const dstPort = num(r.dstport);
    if (dstPort !== undefined) a.host!.dstPort = dstPort;
    if (protocol !== undefined) a.host!.protocol = PROTOCOLS[protocol] ?? String(protocol);
    return a;
  }
}
