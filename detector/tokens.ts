/**
 * Behaviour tokens: the words of an actor's behaviour that the anomaly models learn — the API it
 * calls, the network (autonomous system) and tool it calls from, the region, and for host sources
 * the process, port and domain suffix.
 */
import type { IntelIndex } from "./intel.ts";
import type { Token, TrainingActivity } from "./model.ts";

/** The last two labels of a domain (`pool.supportxmr.com` → `supportxmr.com`). */
export function domainSuffix(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, "").split(".").slice(-2).join(".");
}

/** Tokens of one activity, in a fixed order: `api:`, `asn:`, `agent:`, `region:`, then host tokens. */
export function tokensOf(a: TrainingActivity, intel: IntelIndex): Token[] {
  const tokens: Token[] = [`api:${a.action}`];
  if (a.sourceIp) {
    const net = intel.network(a.sourceIp);
    tokens.push(net ? `asn:${net.asn}` : "asn:unknown");
  }
  if (a.agentFamily) tokens.push(`agent:${a.agentFamily}`);
  if (a.source === "cloudtrail") tokens.push(`region:${a.region}`);
  if (a.host) {
    if (a.host.process) tokens.push(`process:${a.host.process}`);
    // Ports in the Linux ephemeral range are the client side of a connection: one token for all.
    if (a.host.dstPort !== undefined) tokens.push(a.host.dstPort >= 32768 ? "port:ephemeral" : `port:${a.host.dstPort}`);
    if (a.host.domain) tokens.push(`domain:${domainSuffix(a.host.domain)}`);
  }
  return tokens;
}
