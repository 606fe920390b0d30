/**
 * EC2 runtime telemetry as OCSF-style JSON (schema 1.1): Process Activity (class 1007), Network
 * Activity (4001), DNS Activity (4003) and File System Activity (1001) from an agent on the
 * instance. seqlab's own documented subset of OCSF: the fields below, nothing else required.
 */
import { z } from "zod";

const processSchema = z.looseObject({
  pid: z.number().int(),
  name: z.string(),
  cmd_line: z.string(),
  file: z.looseObject({ path: z.string() }),
  user: z.looseObject({ name: z.string() }),
  parent_process: z.looseObject({ pid: z.number().int(), name: z.string() }).optional(),
});

const endpointSchema = z.looseObject({ ip: z.string(), port: z.number().int() });

/** One runtime event. */
export const runtimeEventSchema = z.looseObject({
  class_uid: z.union([z.literal(1007), z.literal(4001), z.literal(4003), z.literal(1001)]),
  class_name: z.enum(["Process Activity", "Network Activity", "DNS Activity", "File System Activity"]),
  category_uid: z.union([z.literal(1), z.literal(4)]),
  activity_id: z.number().int(),
  activity_name: z.string(),
  type_uid: z.number().int(),
  time: z.number().int(),
  severity_id: z.number().int(),
  metadata: z.looseObject({ version: z.string(), uid: z.string(), product: z.looseObject({ name: z.string(), vendor_name: z.string() }) }),
  cloud: z.looseObject({ provider: z.literal("AWS"), region: z.string(), account: z.looseObject({ uid: z.string() }) }),
  device: z.looseObject({ instance_uid: z.string(), hostname: z.string(), ip: z.string(), type_id: z.number().int() }),
  process: processSchema.optional(),
  actor: z.looseObject({ process: processSchema }).optional(),
  src_endpoint: endpointSchema.optional(),
  dst_endpoint: endpointSchema.extend({ hostname: z.string().optional() }).optional(),
  connection_info: z.looseObject({ protocol_name: z.string(), direction: z.string() }).optional(),
  traffic: z.looseObject({ bytes_out: z.number().int(), bytes_in: z.number().int() }).optional(),
  query: z.looseObject({ hostname: z.string(), type: z.string() }).optional(),
  rcode: z.string().optional(),
  file: z.looseObject({ path: z.string() }).optional(),
});

/** A runtime event. */
export type RuntimeEvent = z.infer<typeof runtimeEventSchema>;
