/**
 * seqlab runtime event (OCSF-style, schema/runtime.ts) → {@link Activity}. Actions:
 * `process:start` (Process Activity launch; other activities `process:<name>`), `network:connect`
 * (Network Activity), `dns:query` (DNS Activity; error = rcode unless NOERROR),
 * `file:create|update|delete|...` (File System Activity). The id is `metadata.uid`.
 */
import type { Activity } from "../activity.ts";
import { runtimeEventSchema } from "../../schema/runtime.ts";
import { normaliseDomain } from "./route53.ts";
import { rejection, type Rejection } from "./reject.ts";
import { isObj, type Obj } from "./json-object.ts";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

const CLASSES = new Set([1007, 4001, 4003, 1001]);

/** `activity_name`s seen repeat: lower-case each once. */
const lowered = new Map<string, string>();
function lower(name: string): string {
  let l = lowered.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    if (lowered.size < 1000) lowered.set(name, l);
  }
  return l;
}

function actionOf(classUid: number, activityId: number, activityName: string): string {
  switch (classUid) {
    case 1007:
      return activityId === 1 ? "process:start" : `process:${lower(activityName)}`;
    case 4001:
      return activityId === 1 ? "network:connect" : `network:${lower(activityName)}`;
    case 4003:
      return "dns:query";
    default:
      return `file:${lower(activityName)}`;
  }
}

/** The fields an activity needs, checked by hand; anything else is the schema's to explain. */
function coreOk(r: Obj): boolean {
  const cloud = r.cloud;
  const device = r.device;
  const metadata = r.metadata;
  return (
    typeof r.class_uid === "number" && CLASSES.has(r.class_uid) &&
    int(r.activity_id) !== undefined && typeof r.activity_name === "string" && int(r.time) !== undefined &&
    isObj(metadata) && typeof metadata.uid === "string" && metadata.uid.length > 0 &&
    isObj(cloud) && typeof cloud.region === "string" && isObj(cloud.account) && typeof cloud.account.uid === "string" &&
    isObj(device) && typeof device.instance_uid === "string" && device.instance_uid.length > 0
  );
}

/** A parsed runtime event as an activity, or why it cannot be one. */
export function runtimeActivity(value: unknown): Activity | Rejection {
  if (!isObj(value)) return rejection("not a JSON object", `record is ${Array.isArray(value) ? "an array" : typeof value}, not a JSON object`);
  if (!coreOk(value)) {
    const issue = runtimeEventSchema.safeParse(value).error?.issues[0];
    const path = issue?.path.join(".") || "(record)";
    return rejection(`runtime ${path}`, `not a runtime event: ${path}: ${issue?.message ?? "malformed"}`);
  }
  const r = value;
  const cloud = r.cloud as Obj;
  const device = r.device as Obj;
  const instanceId = device.instance_uid as string;
  const account = (cloud.account as Obj).uid as string;
  const classUid = r.class_uid as number;
  const action = actionOf(classUid, r.activity_id as number, r.activity_name as string);
  const process = isObj(r.process) ? r.process : isObj(r.actor) && isObj(r.actor.process) ? r.actor.process : undefined;
  const host: NonNullable<Activity["host"]> = { instanceId };
  if (process) {
    const name = str(process.name);
    if (name !== undefined) host.process = name;
    const cmdLine = str(process.cmd_line);
    if (cmdLine !== undefined) host.cmdLine = cmdLine;
  }
  const path = classUid === 1001 ? (isObj(r.file) ? str(r.file.path) : undefined) : process && isObj(process.file) ? str(process.file.path) : undefined;
  if (path !== undefined) host.path = path;
  const query = isObj(r.query) ? str(r.query.hostname) : undefined;
  const dst = isObj(r.dst_endpoint) ? r.dst_endpoint : undefined;
  const domain = query ?? str(dst?.hostname);
  if (domain !== undefined) host.domain = normaliseDomain(domain);
  if (dst) {
    const ip = str(dst.ip);
    if (ip !== undefined) host.dstIp = ip;
    const port = int(dst.port);
    if (port !== undefined) host.dstPort = port;
  }
  const protocol = isObj(r.connection_info) ? str(r.connection_info.protocol_name) : undefined;
  if (protocol !== undefined) host.protocol = protocol.toLowerCase();
  const a: Activity = {
    id: (r.metadata as Obj).uid as string,
    source: "runtime",
    time: r.time as number,
    account,
    region: cloud.region as string,
    actor: instanceId,
    actorType: "Instance",
    actorAccount: account,
    action,
    readOnly: classUid !== 1001,
    resources: [],
    host,
  };
  const ip = str(device.ip);
  if (ip !== undefined) a.sourceIp = ip;
  if (classUid === 4003 && typeof r.rcode === "string" && r.rcode !== "NOERROR") a.error = r.rcode;
  const bytes = isObj(r.traffic) ? int(r.traffic.bytes_out) : undefined;
  if (bytes !== undefined) a.bytes = bytes;
  return a;
}
