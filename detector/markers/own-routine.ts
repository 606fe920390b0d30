/**
 * Dampener — explained by history: every signal's behaviour tokens (API, network, agent, region,
 * host process/port/domain) were seen in history for its actor or its peer group, and nothing
 * high-risk, intel-listed or handed to another cloud account is involved. Signals that only
 * repeat what the actor and its peers do anyway are noise from the models, not an intrusion.
 */
import type { ActorProfile } from "../model.ts";
import { settledActor } from "../habits.ts";
import { defineMarker, type MarkerContext } from "../marker.ts";
import { peerGroupOf } from "../peers.ts";
import { tokensOf } from "../tokens.ts";
import { isTransferOut, shortName } from "./calls.ts";
import { listOf } from "./evidence.ts";
import { highRiskReason } from "./high-risk-apis.ts";

/** Peers consulted per group, at most. */
const MAX_PEERS = 20;

/** Whether some peer of the group used the token; answers cached per evaluation. */
function peerKnows(group: string, token: string, ctx: MarkerContext, cache: Map<string, boolean>): boolean {
  const key = `${group}\u0000${token}`;
  let known = cache.get(key);
  if (known === undefined) {
    known = ctx.baseline.peers(group).slice(0, MAX_PEERS).some((k) => ctx.baseline.actor(k)?.tokens.has(token) === true);
    cache.set(key, known);
  }
  return known;
}

export default defineMarker({
  id: "own-routine",
  title: "Dampener: every signal is the actor's (or its peers') known behaviour",
  weight: -2,
  indicatorKeys: [],
  evaluate(candidate, ctx) {
    const cache = new Map<string, boolean>();
    const profiles = new Map<string, ActorProfile>();
    const byPeers = new Set<string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (highRiskReason(a) || (a.sourceIp && (ctx.intel.isTorExit(a.sourceIp) || ctx.intel.badIpReason(a.sourceIp)))) return undefined;
      // Data handed to another cloud account is never routine, however familiar the tools.
      if (isTransferOut(s)) return undefined;
      const p = settledActor(a.actor, ctx.baseline);
      if (!p) return undefined;
      profiles.set(a.actor, p);
      for (const token of tokensOf(a, ctx.intel)) {
        if (p.tokens.has(token)) continue;
        if (!peerKnows(peerGroupOf(a), token, ctx, cache)) return undefined;
        byPeers.add(token);
      }
    }
    if (profiles.size === 0) return undefined;
    const who = [...profiles.values()].map((p) => `${shortName(p.ref.key)} (${p.activeDays} active days)`);
    return {
      indicators: [],
      evidence: `all ${candidate.signals.length} signals repeat behaviour seen in history for ${listOf(who, 3)}${byPeers.size ? `; from its peers: ${listOf(byPeers, 5)}` : ""}`,
    };
  },
});
