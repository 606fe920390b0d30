/** Route 53 Resolver query logs: one JSON object per line, as Resolver delivers them to S3. */
import { z } from "zod";
import { isoUtc } from "./cloudtrail.ts";

/** One resolver query log record. */
export const resolverQuerySchema = z.looseObject({
  version: z.string(),
  account_id: z.string().regex(/^\d{12}$/),
  region: z.string(),
  vpc_id: z.string().regex(/^vpc-[0-9a-z]+$/, "expected a VPC id like vpc-0a1b2c3d"),
  query_timestamp: isoUtc,
  query_name: z.string().min(1),
  query_type: z.string().min(1),
  query_class: z.string(),
  rcode: z.string(),
  answers: z.array(z.looseObject({ Rdata: z.string(), Type: z.string(), Class: z.string() })),
  srcaddr: z.string(),
  srcport: z.string().regex(/^\d+$/),
  transport: z.enum(["UDP", "TCP"]),
  srcids: z.looseObject({ instance: z.string().optional(), resolver_endpoint: z.string().optional() }),
});

/** A resolver query log record. */
export type ResolverQuery = z.infer<typeof resolverQuerySchema>;

/** The id of a resolver query record, for truth and findings: composed, as the log has none. */
export function resolverQueryId(r: Pick<ResolverQuery, "vpc_id" | "query_timestamp" | "srcaddr" | "srcport" | "query_name" | "query_type">): string {
  return `r53:${r.vpc_id}:${r.query_timestamp}:${r.srcaddr}:${r.srcport}:${r.query_name}:${r.query_type}`;
}
