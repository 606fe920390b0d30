/**
 * VPC Flow Logs in their real space-separated line format. A file delivered to S3 starts with a
 * header line naming its fields; without one, the line is the default version-2 format. Missing
 * values are written `-`; `NODATA` and `SKIPDATA` rows carry only the interface and the window.
 */
import { z } from "zod";

/** The default (version 2) fields, in order. */
export const FLOW_V2_FIELDS = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"] as const;

/** The fields seqlab writes: version 2 plus the version 3-5 fields correlation uses. */
export const FLOW_FIELDS = [...FLOW_V2_FIELDS, "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region", "az-id", "flow-direction", "traffic-path"] as const;

const int = z.coerce.number().int().nonnegative();
const dash = z.literal("-");

/** One parsed flow record (field names as in the AWS documentation). */
export const flowRecordSchema = z.looseObject({
  version: z.coerce.number().int().min(2).max(5),
  "account-id": z.string().regex(/^(\d{12}|-|unknown)$/),
  "interface-id": z.string().regex(/^(eni-[0-9a-f]+|-)$/),
  srcaddr: z.union([z.ipv4(), z.ipv6(), dash]),
  dstaddr: z.union([z.ipv4(), z.ipv6(), dash]),
  srcport: z.union([int.max(65535), dash]),
  dstport: z.union([int.max(65535), dash]),
  protocol: z.union([int.max(255), dash]),
  packets: z.union([int, dash]),
  bytes: z.union([int, dash]),
  start: int,
  end: int,
  action: z.enum(["ACCEPT", "REJECT", "-"]),
  "log-status": z.enum(["OK", "NODATA", "SKIPDATA"]),
});

/** A parsed flow record. */
export type FlowRecord = z.infer<typeof flowRecordSchema>;

/**
 * Parse one flow-log line against the file's field list (default: version 2). Returns the record,
 * or a reason naming the field that is wrong.
 */
export function parseFlowLine(line: string, fields: readonly string[] = FLOW_V2_FIELDS): { record: FlowRecord } | { error: string } {
  const values = line.trim().split(/\s+/);
  if (values.length !== fields.length) return { error: `expected ${fields.length} space-separated fields (${fields.join(" ")}), got ${values.length}` };
  const raw: Record<string, string> = {};
  fields.forEach((f, i) => (raw[f] = values[i]!));
  const parsed = flowRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.join(".")}: ${issue.message} (value "${raw[String(issue.path[0])]}")` };
  }
  return { record: parsed.data };
}

/** The field list of a header line, or undefined when the line is a record, not a header. */
export function flowHeaderFields(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  return words.includes("version") && words.includes("srcaddr") ? words : undefined;
}

/**
 * The id of a flow record, for truth and findings: flow lines carry none, so it is composed from
 * the fields that make a record unique (interface, window start, 5-tuple, direction of the pair).
 */
export function flowRecordId(r: Pick<FlowRecord, "interface-id" | "start" | "srcaddr" | "srcport" | "dstaddr" | "dstport" | "protocol">): string {
  return `vpcflow:${r["interface-id"]}:${r.start}:${r.srcaddr}:${r.srcport}>${r.dstaddr}:${r.dstport}/${r.protocol}`;
}
