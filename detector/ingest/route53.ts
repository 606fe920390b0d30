/**
 * Route 53 Resolver query log record → {@link Activity} (`dns:query`). Fields are checked by hand
 * with the rules of schema/route53.ts; a record that fails gets its reason from the zod schema.
 * The actor is the querying instance (`srcids.instance`), else the resolver endpoint, else
 * `<vpc-id>/<srcaddr>` (captures without source ids). Domains lose their trailing dot and are
 * lower-cased so they compare equal to runtime DNS activity.
 */
import type { Activity } from "../activity.ts";
import { resolverQueryId, resolverQuerySchema, type ResolverQuery } from "../../schema/route53.ts";
import { rejection, type Rejection } from "./reject.ts";
import { isObj, type Obj } from "./json-object.ts";

const isStr = (v: unknown): v is string => typeof v === "string";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ACCOUNT = /^\d{12}$/;
const VPC = /^vpc-[0-9a-z]+$/;
const PORT = /^\d+$/;

function fieldsOk(r: Obj): boolean {
  if (!(isStr(r.version) && isStr(r.account_id) && ACCOUNT.test(r.account_id) && isStr(r.region) && isStr(r.vpc_id) && VPC.test(r.vpc_id))) return false;
  if (!(isStr(r.query_timestamp) && ISO_UTC.test(r.query_timestamp) && isStr(r.query_name) && r.query_name.length > 0 && isStr(r.query_type) && r.query_type.length > 0)) return false;
  if (!(isStr(r.query_class) && isStr(r.rcode) && isStr(r.srcaddr) && isStr(r.srcport) && PORT.test(r.srcport) && (r.transport === "UDP" || r.transport === "TCP"))) return false;
  if (!isObj(r.srcids) || (r.srcids.instance !== undefined && !isStr(r.srcids.instance)) || (r.srcids.resolver_endpoint !== undefined && !isStr(r.srcids.resolver_endpoint))) return false;
  if (!Array.isArray(r.answers)) return false;
  for (const a of r.answers) if (!isObj(a) || !isStr(a.Rdata) || !isStr(a.Type) || !isStr(a.Class)) return false;
  return true;
}

/** A DNS name as activities carry it: no trailing dot, lower case. */
export function normaliseDomain(name: string): string {
  const trimmed = name.endsWith(".") ? name.slice(0, -1) : name;
  return trimmed.toLowerCase();
}

/** A parsed resolver query log record as an activity, or why it cannot be one. */
export function resolverActivity(value: unknown): Activity | Rejection {
  if (!isObj(value)) return rejection("not a JSON object", `record is ${Array.isArray(value) ? "an array" : typeof value}, not a JSON object`);
  if (!fieldsOk(value)) {
    const issue = resolverQuerySchema.safeParse(value).error?.issues[0];
    const path = issue?.path.join(".") || "(record)";
    return rejection(`route53 ${path}`, `not a Resolver query log record: ${path}: ${issue?.message ?? "malformed"}`);
  }
  const r = value as ResolverQuery;
  const instance = r.srcids.instance ?? r.srcids.resolver_endpoint;
  const actor = instance ?? `${r.vpc_id}/${r.srcaddr}`;
  const a: Activity = {
    id: resolverQueryId(r),
    source: "route53-resolver",
    time: Date.parse(r.query_timestamp),
    account: r.account_id,
    region: r.region,
    actor,
    actorType: r.srcids.instance ? "Instance" : "Unknown",
    actorAccount: r.account_id,
    action: "dns:query",
    readOnly: true,
    resources: [],
    sourceIp: r.srcaddr,
    host: { instanceId: actor, domain: normaliseDomain(r.query_name), answers: r.answers.map((x) => x.Rdata), protocol: r.transport.toLowerCase() },
  };
  if (r.rcode !== "NOERROR") a.error = r.rcode;
  return a;
}
