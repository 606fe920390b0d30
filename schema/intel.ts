/**
 * `intel.json`: a threat-intelligence feed as a defender would have it. Like real intel it is
 * incomplete: not every Tor exit or attacker address is listed.
 */
import { z } from "zod";

/** A CIDR block announced by an autonomous system. */
export const asnRangeSchema = z.object({
  cidr: z.string(),
  asn: z.number().int().positive(),
  org: z.string(),
  country: z.string().length(2),
  /** Coarse network type, as commercial IP-intel feeds label it. */
  usage: z.enum(["isp", "mobile", "hosting", "vpn", "business", "aws", "tor"]),
});

/** `intel.json`. */
export const intelSchema = z.object({
  generatedAt: z.string(),
  torExitNodes: z.array(z.string()),
  knownBadIps: z.array(z.object({ ip: z.string(), reason: z.string() })),
  miningPoolDomains: z.array(z.string()),
  ipAsnRanges: z.array(asnRangeSchema),
});

/** Intel types inferred from the schemas. */
export type Intel = z.infer<typeof intelSchema>;
export type AsnRange = z.infer<typeof asnRangeSchema>;
