/**
 * Behaviour tokens: the words of an actor's behaviour that the anomaly models learn — the API it
 * calls, the network (autonomous system) and tool it calls from, the region, and for host sources
 * the process, port and domain suffix.
 */
import type { IntelIndex, NetworkInfo } from "./intel.ts";
import type { Token, TrainingActivity } from "./model.ts";

/** Distinct values kept per token kind; past this a kind's memory starts afresh (it only saves work). */
const TOKENS_KEPT = 100_000;
/** Values longer than this (absurd ones, up to the 64 KiB value bound) are not kept. */
const TOKEN_KEPT_CHARS = 256;

/**
 * One token string per value, so that every rule asking about the same activity hands the models
 * the same string: its hash is computed once, where a fresh `api:${action}` per question would be
 * built, flattened and hashed each time (a measurable share of detection).
 */
function tokenMaker(kind: string): (value: string | number) => Token {
  const made = new Map<string | number, Token>();
  return (value) => {
    let token = made.get(value);
    if (token === undefined) {
      token = `${kind}:${value}`;
      if (token.length > TOKEN_KEPT_CHARS) return token;
      if (made.size >= TOKENS_KEPT) made.clear();
      made.set(value, token);
    }
    return token;
  };
}

/** `api:<service:Event>`. */
export const apiToken: (action: string) => Token = tokenMaker("api");
/** `agent:<user-agent family>`. */
export const agentToken: (family: string) => Token = tokenMaker("agent");
const asnOf = tokenMaker("asn");
/** `asn:<number>` of a network, `asn:unknown` when intel does not know it. */
export const asnToken = (net: NetworkInfo | undefined): Token => asnOf(net ? net.asn : "unknown");

/** The last two labels of a domain (`pool.supportxmr.com` → `supportxmr.com`). */
export function domainSuffix(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, "").split(".").slice(-2).join(".");
}

/** Tokens of one activity, in a fixed order: `api:`, `asn:`, `agent:`, `region:`, then host tokens. */
export function tokensOf(a: TrainingActivity, intel: IntelIndex): Token[] {
  const tokens: Token[] = [apiToken(a.action)];
  if (a.sourceIp) tokens.push(asnToken(intel.network(a.sourceIp)));
  if (a.agentFamily) tokens.push(agentToken(a.agentFamily));
  if (a.source === "cloudtrail") tokens.push(`region:${a.region}`);
  if (a.host) {
    if (a.host.process) tokens.push(`process:${a.host.process}`);
    // Ports in the Linux ephemeral range are the client side of a connection: one token for all.
    if (a.host.dstPort !== undefined) tokens.push(a.host.dstPort >= 32768 ? "port:ephemeral" : `port:${a.host.dstPort}`);
    if (a.host.domain) tokens.push(`domain:${domainSuffix(a.host.domain)}`);
  }
  return tokens;
}
