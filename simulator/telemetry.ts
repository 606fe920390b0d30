/**
 * Turns host observations into the three non-CloudTrail sources, in their real formats and S3
 * delivery layouts under `events/`:
 * - VPC Flow Logs: `AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<mm>/<dd>/<account>_vpcflowlogs_<region>_<fl-id>_<stamp>_<hash>.log.gz`,
 *   a header line then one space-separated record per line, aggregated per 10-minute capture
 *   window and direction, with NODATA rows for idle interfaces;
 * - Route 53 Resolver query logs: `AWSLogs/<account>/vpcdnsquerylogs/<vpc-id>/<yyyy>/<mm>/<dd>/<vpc-id>_vpcdnsquerylogs_<account>_<stamp>_<hash>.log.gz`, JSON lines;
 * - EC2 runtime events (OCSF-style, see schema/runtime.ts): `runtime/<account>/<region>/<yyyy>/<mm>/<dd>/<instance>_<stamp>_<hash>.ndjson.gz`.
 */
import { gzipSync, constants } from "node:zlib";
import { join } from "node:path";
import { FLOW_FIELDS } from "../schema/vpcflow.ts";
import { HOUR, isoSeconds } from "./clock.ts";
import type { HostEvent } from "./host.ts";
import { Rng } from "./rng.ts";
import { emptyStats, writeAtomicSync, type WriteStats } from "./writer.ts";

/** VPC Flow Logs' default aggregation interval. */
export const CAPTURE_WINDOW_SECONDS = 600;

const NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function stamp(ms: number): { dir: string; name: string } {
  const iso = isoSeconds(ms);
  return { dir: `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`, name: `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z` };
}

const AREA_CODES: Record<string, string> = { east: "e", west: "w", central: "c", north: "n", south: "s", southeast: "se", northeast: "ne", southwest: "sw", northwest: "nw" };

/** The zone id of a region's first zone, as AWS spells it: use1-az1, euw1-az1, apse1-az1. */
function azId(region: string): string {
  const [geo, area, n] = region.split("-");
  return `${geo}${AREA_CODES[area!] ?? area![0]}${n}-az1`;
}

/** An instance's private DNS name: `ec2.internal` in us-east-1, `<region>.compute.internal` elsewhere. */
function hostname(ip: string, region: string): string {
  return `ip-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`;
}

/** A stable flow-log id per VPC, as `fl-` plus hex. */
function flowLogId(vpcId: string): string {
  return `fl-${vpcId.slice(4, 21).padEnd(17, "0")}`;
}

interface FlowAggregate {
  eni: string;
  account: string;
  region: string;
  vpc: string;
  subnet: string;
  instance: string;
  window: number;
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  protocol: number;
  packets: number;
  bytes: number;
  action: "ACCEPT" | "REJECT";
  direction: "ingress" | "egress";
  path: string;
  /** TCP flags seen: SYN|FIN (3) from the client, SYN-ACK|FIN (19) from the server, SYN (2) refused. */
  flags: number;
  /** First and last packet, in seconds. */
  first: number;
  last: number;
}

function flowLine(f: FlowAggregate | { eni: string; account: string; window: number; status: "NODATA" | "SKIPDATA"; region: string; vpc: string; subnet: string; instance: string }): string {
  if ("status" in f) {
    return ["5", f.account, f.eni, "-", "-", "-", "-", "-", "-", "-", f.window, f.window + CAPTURE_WINDOW_SECONDS, "-", f.status, f.vpc, f.subnet, f.instance, "-", "-", "-", "-", f.region, azId(f.region), "-", "-"].join(" ");
  }
  return ["5", f.account, f.eni, f.src, f.dst, f.srcPort, f.dstPort, f.protocol, f.packets, f.bytes, f.first, Math.max(f.last, f.first + 1), f.action, "OK", f.vpc, f.subnet, f.instance, f.protocol === 6 ? f.flags : "-", "IPv4", f.src, f.dst, f.region, azId(f.region), f.direction, f.path].join(" ");
}

/** Aggregate connections into flow records: one per direction, 5-tuple and capture window. */
function flows(events: HostEvent[]): Map<string, FlowAggregate> {
  const out = new Map<string, FlowAggregate>();
  const add = (f: Omit<FlowAggregate, "packets" | "bytes" | "first" | "last">, bytes: number, time: number) => {
    const key = `${f.eni}|${f.window}|${f.src}|${f.srcPort}|${f.dst}|${f.dstPort}|${f.protocol}`;
    const agg = out.get(key);
    // Handshake and teardown packets, then full-size segments; pure ACKs count too.
    const packets = f.action === "REJECT" ? 1 : 3 + Math.ceil(bytes / 1400);
    const second = Math.floor(time / 1000);
    const last = Math.min(f.window + CAPTURE_WINDOW_SECONDS - 1, second + Math.ceil(bytes / 500_000));
    if (agg) {
      agg.bytes += bytes;
      agg.packets += packets;
      agg.first = Math.min(agg.first, second);
      agg.last = Math.max(agg.last, last);
    } else out.set(key, { ...f, bytes, packets, first: second, last });
  };
  for (const e of events) {
    // Link-local traffic (the metadata service) never reaches VPC Flow Logs.
    if (e.kind !== "connect" || e.peerIp.startsWith("169.254.")) continue;
    const i = e.instance;
    const base = { eni: i.networkInterfaceId, account: e.accountId, region: i.region, vpc: i.vpcId, subnet: i.subnetId, instance: i.id, window: Math.floor(e.time / 1000 / CAPTURE_WINDOW_SECONDS) * CAPTURE_WINDOW_SECONDS, protocol: e.protocol };
    const [client, clientPort, server, serverPort] = e.direction === "egress" ? [i.privateIp, e.localPort, e.peerIp, e.peerPort] : [e.peerIp, e.peerPort, i.privateIp, e.localPort];
    const fromInstanceFirst = e.direction === "egress";
    if (e.rejected) {
      add({ ...base, src: client, srcPort: clientPort, dst: server, dstPort: serverPort, action: "REJECT", direction: "ingress", path: "-", flags: 2 }, e.bytesIn, e.time);
      continue;
    }
    // Instances reach the internet through a NAT gateway in their own VPC: traffic path 1.
    const outPath = "1";
    // Each connection shows up twice on the interface: the request and its return traffic.
    add({ ...base, src: client, srcPort: clientPort, dst: server, dstPort: serverPort, action: "ACCEPT", direction: fromInstanceFirst ? "egress" : "ingress", path: fromInstanceFirst ? outPath : "-", flags: 3 }, fromInstanceFirst ? e.bytesOut : e.bytesIn, e.time);
    add({ ...base, src: server, srcPort: serverPort, dst: client, dstPort: clientPort, action: "ACCEPT", direction: fromInstanceFirst ? "ingress" : "egress", path: fromInstanceFirst ? "-" : outPath, flags: 19 }, fromInstanceFirst ? e.bytesIn : e.bytesOut, e.time);
  }
  return out;
}

function ocsf(e: HostEvent, uid: string): Record<string, unknown> {
  const common = {
    time: Math.floor(e.time),
    severity_id: 1,
    metadata: { version: "1.1.0", uid, product: { name: "seqlab runtime sensor", vendor_name: "seqlab" } },
    cloud: { provider: "AWS", region: e.instance.region, account: { uid: e.accountId } },
    device: { instance_uid: e.instance.id, hostname: hostname(e.instance.privateIp, e.instance.region), ip: e.instance.privateIp, type_id: 6 },
  };
  const actor = { process: { pid: e.process.pid, name: e.process.name, cmd_line: e.process.cmdLine, file: { path: e.process.path }, user: { name: e.process.user } } };
  switch (e.kind) {
    case "process":
      return { class_uid: 1007, class_name: "Process Activity", category_uid: 1, activity_id: 1, activity_name: "Launch", type_uid: 100701, ...common, process: { ...actor.process, ...(e.process.parent ? { parent_process: e.process.parent } : {}) } };
    case "file": {
      const activity = { Create: 1, Update: 3, Delete: 4 }[e.activity];
      return { class_uid: 1001, class_name: "File System Activity", category_uid: 1, activity_id: activity, activity_name: e.activity, type_uid: 100100 + activity, ...common, actor, file: { path: e.path } };
    }
    case "dns":
      return { class_uid: 4003, class_name: "DNS Activity", category_uid: 4, activity_id: 1, activity_name: "Query", type_uid: 400301, ...common, actor, query: { hostname: e.name, type: e.type }, rcode: e.rcode, src_endpoint: { ip: e.instance.privateIp, port: e.srcPort } };
    case "connect":
      return {
        class_uid: 4001,
        class_name: "Network Activity",
        category_uid: 4,
        activity_id: e.rejected ? 5 : 1,
        activity_name: e.rejected ? "Refuse" : "Open",
        type_uid: e.rejected ? 400105 : 400101,
        ...common,
        actor,
        src_endpoint: e.direction === "egress" ? { ip: e.instance.privateIp, port: e.localPort } : { ip: e.peerIp, port: e.peerPort },
        dst_endpoint: e.direction === "egress" ? { ip: e.peerIp, port: e.peerPort, ...(e.hostname ? { hostname: e.hostname } : {}) } : { ip: e.instance.privateIp, port: e.localPort },
        connection_info: { protocol_name: e.protocol === 6 ? "tcp" : "udp", direction: e.direction === "egress" ? "Outbound" : "Inbound" },
        traffic: { bytes_out: e.bytesOut, bytes_in: e.bytesIn },
      };
  }
}

function resolverRecord(e: Extract<HostEvent, { kind: "dns" }>): Record<string, unknown> {
  return {
    version: "1.100000",
    account_id: e.accountId,
    region: e.instance.region,
    vpc_id: e.instance.vpcId,
    query_timestamp: isoSeconds(e.time),
    query_name: `${e.name}.`,
    query_type: e.type,
    query_class: "IN",
    rcode: e.rcode,
    answers: e.answers.map((ip) => ({ Rdata: ip, Type: e.type, Class: "IN" })),
    srcaddr: e.instance.privateIp,
    srcport: String(e.srcPort),
    transport: "UDP",
    srcids: { instance: e.instance.id },
  };
}

function writeGroups(eventsDir: string, seed: number, unitId: string, source: string, groups: Map<string, { path: (unique: string) => string; lines: string[] }>, stats: WriteStats): void {
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const unique = new Rng(seed, `file/${unitId}/${source}/${key}`).chars(16, NAME_CHARS);
    const data = gzipSync(g.lines.join("\n") + "\n", { level: constants.Z_BEST_SPEED });
    writeAtomicSync(join(eventsDir, g.path(unique)), data);
    stats.files++;
    stats.bytes += data.length;
  }
}

/** Write one unit's host observations as flow, resolver and runtime files; returns what was written. */
export function writeHostTelemetry(eventsDir: string, seed: number, unitId: string, events: HostEvent[], idleWindows: { eni: string; account: string; region: string; vpc: string; subnet: string; instance: string; windows: number[] }[]): WriteStats {
  const stats = emptyStats();
  const count = (source: string, account: string, n: number) => {
    stats.events += n;
    stats.perSource[source] = (stats.perSource[source] ?? 0) + n;
    stats.perAccount[account] = (stats.perAccount[account] ?? 0) + n;
  };
  events.sort((a, b) => a.time - b.time || a.kind.localeCompare(b.kind));

  const flowGroups = new Map<string, { path: (u: string) => string; lines: string[] }>();
  const aggregates = [...flows(events).values()];
  const busy = new Set(aggregates.map((f) => `${f.eni}|${f.window}`));
  const rows: { window: number; line: string; account: string; region: string }[] = aggregates.map((f) => ({ window: f.window, line: flowLine(f), account: f.account, region: f.region }));
  const skipRng = new Rng(seed, `skipdata/${unitId}`);
  for (const idle of idleWindows) {
    for (const window of idle.windows) {
      if (!busy.has(`${idle.eni}|${window}`)) rows.push({ window, line: flowLine({ ...idle, window, status: "NODATA" }), account: idle.account, region: idle.region });
      else if (skipRng.chance(0.001)) rows.push({ window, line: flowLine({ ...idle, window, status: "SKIPDATA" }), account: idle.account, region: idle.region });
    }
  }
  rows.sort((a, b) => a.window - b.window || (a.line < b.line ? -1 : 1));
  for (const r of rows) {
    const slot = Math.floor((r.window * 1000) / HOUR) * HOUR;
    const key = `${r.account}|${r.region}|${slot}`;
    let g = flowGroups.get(key);
    if (!g) {
      const s = stamp(slot + HOUR + 5 * 60_000);
      const vpcForName = r.line.split(" ")[14]!;
      g = { path: (u) => `AWSLogs/${r.account}/vpcflowlogs/${r.region}/${s.dir}/${r.account}_vpcflowlogs_${r.region}_${flowLogId(vpcForName)}_${s.name}_${u}.log.gz`, lines: [FLOW_FIELDS.join(" ")] };
      flowGroups.set(key, g);
    }
    g.lines.push(r.line);
    count("vpc-flow", r.account, 1);
  }
  writeGroups(eventsDir, seed, unitId, "vpcflow", flowGroups, stats);

  const dnsGroups = new Map<string, { path: (u: string) => string; lines: string[] }>();
  const runtimeGroups = new Map<string, { path: (u: string) => string; lines: string[] }>();
  for (const e of events) {
    const slot = Math.floor(e.time / HOUR) * HOUR;
    const s = stamp(slot + HOUR + 5 * 60_000);
    if (e.kind === "dns") {
      const key = `${e.accountId}|${e.instance.vpcId}|${slot}`;
      let g = dnsGroups.get(key);
      if (!g) dnsGroups.set(key, (g = { path: (u) => `AWSLogs/${e.accountId}/vpcdnsquerylogs/${e.instance.vpcId}/${s.dir}/${e.instance.vpcId}_vpcdnsquerylogs_${e.accountId}_${s.name}_${u}.log.gz`, lines: [] }));
      g.lines.push(JSON.stringify(resolverRecord(e)));
      count("route53-resolver", e.accountId, 1);
    }
    // The sensor reports process launches, lookups and connections out of the VPC, not every
    // load-balancer request or database query.
    if (e.kind === "connect" && (e.direction === "ingress" || e.peerIp.startsWith("10."))) continue;
    const key = `${e.accountId}|${e.instance.region}|${e.instance.id}|${slot}`;
    let g = runtimeGroups.get(key);
    if (!g) runtimeGroups.set(key, (g = { path: (u) => `runtime/${e.accountId}/${e.instance.region}/${s.dir}/${e.instance.id}_${s.name}_${u}.ndjson.gz`, lines: [] }));
    g.lines.push(JSON.stringify(ocsf(e, e.uid)));
    count("runtime", e.accountId, 1);
  }
  writeGroups(eventsDir, seed, unitId, "route53", dnsGroups, stats);
  writeGroups(eventsDir, seed, unitId, "runtime", runtimeGroups, stats);
  return stats;
}
