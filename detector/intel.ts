/**
 * Threat intel lookups over `intel.json` (or a user's own feed in that format): Tor exits,
 * known-bad IPs, mining-pool domains and IP → autonomous system.
 */
import type { AsnRange, Intel } from "../schema/intel.ts";

/** What intel says about an IP's network. */
export type NetworkInfo = Pick<AsnRange, "asn" | "org" | "country" | "usage">;

/** Fast lookups over one intel feed. */
export interface IntelIndex {
  isTorExit(ip: string): boolean;
  /** Why the IP is known bad, or undefined. */
  badIpReason(ip: string): string | undefined;
  /** Whether the domain or one of its parents is a known mining pool. */
  isMiningDomain(domain: string): boolean;
  /** The autonomous system announcing the IP (longest prefix), or undefined. */
  network(ip: string): NetworkInfo | undefined;
}

/** Parse a dotted IPv4 address to an unsigned 32-bit number, or undefined. */
export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Build the index; an empty feed gives an index that knows nothing. */
export function indexIntel(intel: Intel | undefined): IntelIndex {
  const tor = new Set(intel?.torExitNodes ?? []);
  const bad = new Map((intel?.knownBadIps ?? []).map((b) => [b.ip, b.reason]));
  const pools = new Set((intel?.miningPoolDomains ?? []).map((d) => d.toLowerCase().replace(/\.$/, "")));
  // Ranges by prefix length, longest first, so the most specific announcement wins.
  const ranges = (intel?.ipAsnRanges ?? [])
    .map((r) => {
      const [base, bits] = r.cidr.split("/");
      const prefix = Number(bits);
      const start = ipv4ToNumber(base ?? "");
      if (start === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
      const size = 2 ** (32 - prefix);
      return { start: start - (start % size), size, prefix, info: { asn: r.asn, org: r.org, country: r.country, usage: r.usage } };
    })
    .filter((r) => r !== undefined)
    .sort((a, b) => b.prefix - a.prefix || a.start - b.start);
  const cache = new Map<string, NetworkInfo | undefined>();
  return {
    isTorExit: (ip) => tor.has(ip),
    badIpReason: (ip) => bad.get(ip),
    isMiningDomain(domain) {
      const labels = domain.toLowerCase().replace(/\.$/, "").split(".");
      for (let i = 0; i < labels.length - 1; i++) if (pools.has(labels.slice(i).join("."))) return true;
      return false;
    },
    network(ip) {
      if (cache.has(ip)) return cache.get(ip);
      const n = ipv4ToNumber(ip);
      const found = n === undefined ? undefined : ranges.find((r) => n >= r.start && n < r.start + r.size)?.info;
      if (cache.size < 200_000) cache.set(ip, found);
      return found;
    },
  };
}
