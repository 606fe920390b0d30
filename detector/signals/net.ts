/**
 * Network helpers shared by the baseline and host signals: which addresses are public, which
 * ports miners speak on.
 */
import { ipv4ToNumber, type IntelIndex } from "../intel.ts";

/** Private, loopback, link-local (IMDS), CGNAT and multicast ranges as [start, size]. */
const NON_PUBLIC: ReadonlyArray<readonly [number, number]> = [
  ["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["100.64.0.0", 10], ["0.0.0.0", 8], ["224.0.0.0", 3],
].map(([base, bits]) => [ipv4ToNumber(base as string) ?? 0, 2 ** (32 - (bits as number))] as const);

/**
 * `ipv4ToNumber` without its split and regular expressions: four dot-separated runs of one to
 * three ASCII digits, each at most 255. Host rules ask this of every flow.
 */
function parseIpv4(ip: string): number | undefined {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || part > 255 || ++dots > 3) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39 && digits < 3) {
      part = part * 10 + (c - 0x30);
      digits++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0 || part > 255) return undefined;
  return n * 256 + part;
}

/** Whether an IPv4 address is routable on the internet (IPv6 and garbage count as not public). */
export function isPublicIpv4(ip: string): boolean {
  const n = parseIpv4(ip);
  if (n === undefined) return false;
  for (const [start, size] of NON_PUBLIC) if (n >= start && n < start + size) return false;
  return true;
}

/**
 * Which side of AWS an address is on (per intel): `inside` for AWS's public networks and private
 * IPv4 (a VPC, through an endpoint or NAT), `outside` for the rest of the internet, where a
 * workload's own credentials never come from; undefined for IPv6 and garbage. One parse and one
 * lookup, since the history pass asks it of every call.
 */
export function awsSideOf(ip: string, intel: Pick<IntelIndex, "network">): "inside" | "outside" | undefined {
  if (parseIpv4(ip) === undefined) return undefined;
  if (!isPublicIpv4(ip)) return "inside";
  return intel.network(ip)?.usage === "aws" ? "inside" : "outside";
}

/** Whether an address is on the internet outside AWS's networks. */
export function isOutsideAws(ip: string, intel: Pick<IntelIndex, "network">): boolean {
  return awsSideOf(ip, intel) === "outside";
}

/** The instance metadata service address. */
export const IMDS_IP = "169.254.169.254";

/** Miner command lines, whatever the binary is called: pool URLs and miner-only options. */
const MINER_COMMAND = /stratum\d?\+(tcp|ssl|tls):\/\/|--donate-level|\s-a\s+(rx\/0|cn\/|randomx|ethash|kawpow)|--coin[= ](monero|xmr)|\bxmrig\b|--randomx/i;

/** Whether a command line runs a cryptocurrency miner. */
export function isMinerCommand(cmdLine: string | undefined): boolean {
  return cmdLine !== undefined && MINER_COMMAND.test(cmdLine);
}

/** Stratum ports cryptocurrency miners commonly use to reach their pools. */
export const MINING_PORTS: ReadonlySet<number> = new Set([3333, 3334, 4444, 5555, 7777, 14433, 14444, 45560, 45700]);
