/**
 * The internet as the simulator sees it: autonomous systems with real ASNs and address blocks,
 * typed the way IP-intelligence feeds type them. Attackers and benign users draw from the same
 * table; only what they pick differs.
 */
import type { AsnRange } from "../schema/intel.ts";
import type { Rng } from "./rng.ts";

/** Coarse network type, as in {@link AsnRange}. */
export type NetworkUsage = AsnRange["usage"];

/** Address blocks of well-known networks (ASN, organisation, country, usage). */
export const ASN_RANGES: readonly AsnRange[] = [
  // residential ISPs
  { cidr: "73.0.0.0/8", asn: 7922, org: "Comcast Cable Communications", country: "US", usage: "isp" },
  { cidr: "71.160.0.0/11", asn: 701, org: "Verizon Business", country: "US", usage: "isp" },
  { cidr: "99.0.0.0/10", asn: 7018, org: "AT&T Services", country: "US", usage: "isp" },
  { cidr: "86.128.0.0/10", asn: 2856, org: "British Telecommunications", country: "GB", usage: "isp" },
  { cidr: "79.192.0.0/10", asn: 3320, org: "Deutsche Telekom AG", country: "DE", usage: "isp" },
  { cidr: "90.0.0.0/9", asn: 3215, org: "Orange S.A.", country: "FR", usage: "isp" },
  { cidr: "49.32.0.0/12", asn: 55836, org: "Reliance Jio Infocomm", country: "IN", usage: "isp" },
  { cidr: "122.160.0.0/12", asn: 24560, org: "Bharti Airtel", country: "IN", usage: "isp" },
  { cidr: "201.0.0.0/12", asn: 8167, org: "V tal", country: "BR", usage: "isp" },
  { cidr: "126.0.0.0/8", asn: 17676, org: "SoftBank Corp.", country: "JP", usage: "isp" },
  // mobile carriers
  { cidr: "172.56.0.0/14", asn: 21928, org: "T-Mobile USA", country: "US", usage: "mobile" },
  { cidr: "174.192.0.0/10", asn: 6167, org: "Verizon Wireless", country: "US", usage: "mobile" },
  { cidr: "82.132.192.0/18", asn: 35228, org: "Telefonica UK (O2)", country: "GB", usage: "mobile" },
  { cidr: "2.200.0.0/13", asn: 3209, org: "Vodafone GmbH", country: "DE", usage: "mobile" },
  // corporate egress (business fibre)
  { cidr: "64.124.0.0/15", asn: 6461, org: "Zayo Bandwidth", country: "US", usage: "business" },
  { cidr: "4.0.0.0/9", asn: 3356, org: "Lumen (Level 3)", country: "US", usage: "business" },
  { cidr: "62.6.0.0/16", asn: 2856, org: "British Telecommunications", country: "GB", usage: "business" },
  { cidr: "80.150.0.0/16", asn: 3320, org: "Deutsche Telekom AG", country: "DE", usage: "business" },
  { cidr: "115.112.0.0/14", asn: 4755, org: "Tata Communications", country: "IN", usage: "business" },
  // VPN providers
  { cidr: "37.120.128.0/17", asn: 9009, org: "M247 Europe (VPN exits)", country: "RO", usage: "vpn" },
  { cidr: "89.187.160.0/19", asn: 60068, org: "Datacamp Limited (CDN77)", country: "GB", usage: "vpn" },
  { cidr: "146.70.0.0/16", asn: 9009, org: "M247 Europe (VPN exits)", country: "GB", usage: "vpn" },
  // cloud and VPS hosting
  { cidr: "159.203.0.0/16", asn: 14061, org: "DigitalOcean, LLC", country: "US", usage: "hosting" },
  { cidr: "167.99.0.0/16", asn: 14061, org: "DigitalOcean, LLC", country: "DE", usage: "hosting" },
  { cidr: "88.198.0.0/16", asn: 24940, org: "Hetzner Online GmbH", country: "DE", usage: "hosting" },
  { cidr: "95.216.0.0/15", asn: 24940, org: "Hetzner Online GmbH", country: "FI", usage: "hosting" },
  { cidr: "51.68.0.0/16", asn: 16276, org: "OVH SAS", country: "FR", usage: "hosting" },
  { cidr: "45.76.0.0/16", asn: 20473, org: "The Constant Company (Vultr)", country: "US", usage: "hosting" },
  { cidr: "45.33.0.0/17", asn: 63949, org: "Akamai Connected Cloud (Linode)", country: "US", usage: "hosting" },
  { cidr: "20.0.0.0/11", asn: 8075, org: "Microsoft Corporation (Azure)", country: "US", usage: "hosting" },
  { cidr: "34.64.0.0/10", asn: 396982, org: "Google LLC (Cloud)", country: "US", usage: "hosting" },
  { cidr: "47.88.0.0/14", asn: 45102, org: "Alibaba (US) Technology", country: "SG", usage: "hosting" },
  // AWS
  { cidr: "3.80.0.0/12", asn: 16509, org: "Amazon.com, Inc.", country: "US", usage: "aws" },
  { cidr: "54.144.0.0/14", asn: 14618, org: "Amazon.com, Inc.", country: "US", usage: "aws" },
  { cidr: "52.0.0.0/11", asn: 16509, org: "Amazon.com, Inc.", country: "US", usage: "aws" },
  { cidr: "18.156.0.0/14", asn: 16509, org: "Amazon.com, Inc.", country: "DE", usage: "aws" },
  { cidr: "13.232.0.0/14", asn: 16509, org: "Amazon.com, Inc.", country: "IN", usage: "aws" },
  { cidr: "3.248.0.0/13", asn: 16509, org: "Amazon.com, Inc.", country: "IE", usage: "aws" },
  // Tor exit operators
  { cidr: "185.220.100.0/22", asn: 60729, org: "Zwiebelfreunde e.V. (Tor exits)", country: "DE", usage: "tor" },
  { cidr: "192.42.116.0/22", asn: 1101, org: "SURF B.V. (Tor exits)", country: "NL", usage: "tor" },
  { cidr: "45.84.107.0/24", asn: 48314, org: "IP Volume (Tor exits)", country: "NL", usage: "tor" },
];

/** An IPv4 address as an unsigned 32-bit number. */
export function ipToNumber(ip: string): number {
  const parts = ip.split(".");
  if (parts.length !== 4) throw new Error(`not an IPv4 address: "${ip}"`);
  let n = 0;
  for (const p of parts) n = n * 256 + Number(p);
  return n;
}

/** The dotted form of an unsigned 32-bit address. */
export function numberToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** First address and size of a CIDR block. */
export function cidrRange(cidr: string): { first: number; size: number } {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return { first: ipToNumber(base!) - (ipToNumber(base!) % size), size };
}

/** A host address inside a block, avoiding network and broadcast addresses. */
export function randomIpIn(cidr: string, rng: Rng): string {
  const { first, size } = cidrRange(cidr);
  return numberToIp(first + 1 + Math.floor(rng.next() * Math.max(1, size - 2)));
}

/** All blocks of one usage type. */
export function rangesOf(usage: NetworkUsage, country?: string): AsnRange[] {
  const all = ASN_RANGES.filter((r) => r.usage === usage);
  const local = country ? all.filter((r) => r.country === country) : [];
  return local.length > 0 ? local : all;
}

/** The block holding an address, or undefined for private or unknown space. */
export function lookupIp(ip: string): AsnRange | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return undefined;
  const n = ipToNumber(ip);
  return ASN_RANGES.find((r) => {
    const { first, size } = cidrRange(r.cidr);
    return n >= first && n < first + size;
  });
}

/** Every commercial region: scanners sweep them all, as attackers' discovery does. */
export const ALL_REGIONS: readonly string[] = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1"];
