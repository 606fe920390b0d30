/**
 * Tactic progression: the signals span at least three ATT&CK tactics and, taken in the order each
 * tactic first appears, mostly move forward along the kill chain (access → persistence → evasion
 * → collection → impact). Benign work rarely walks the chain; attacks do. When the whole sequence
 * does not pass, the chain is also read per public source address, where it must go forward at
 * every step: one operator walks it from one place, and the owner's own earlier signals from
 * home, folded into the sequence through the identity, must not scramble a thief's order.
 */
import type { Signal } from "../signal.ts";
import { tactic } from "../../schema/attack.ts";
import { defineMarker } from "../marker.ts";
import { isPublicIpv4 } from "../signals/net.ts";

/** Tactics needed before the progression means anything. */
const MIN_TACTICS = 3;
/** Share of steps between newly appearing tactics that must go forward. */
const MIN_FORWARD_SHARE = 0.5;
/** The same, for the signals of one address: each address is another try, so the bar is higher. */
const MIN_FORWARD_SHARE_PER_ORIGIN = 1;

/** A forward-moving chain: the tactics in first-seen order, the forward steps, the techniques. */
interface Chain {
  tactics: string[];
  forward: number;
  techniques: Set<string>;
}

/** The chain the signals walk, or undefined when it is too short or goes backwards too often. */
function chainOf(signals: readonly Signal[], minForwardShare: number): Chain | undefined {
  const tactics: string[] = [];
  const seen = new Set<string>();
  const techniques = new Set<string>();
  for (const s of signals) {
    if (s.technique) techniques.add(s.technique);
    if (seen.has(s.tactic) || !tactic(s.tactic)) continue;
    seen.add(s.tactic);
    tactics.push(s.tactic);
  }
  if (tactics.length < MIN_TACTICS) return undefined;
  let forward = 0;
  for (let i = 1; i < tactics.length; i++) if (tactic(tactics[i]!)!.order > tactic(tactics[i - 1]!)!.order) forward++;
  return forward / (tactics.length - 1) >= minForwardShare ? { tactics, forward, techniques } : undefined;
}

/**
 * Signals by public source address, in candidate order; only when there are several addresses.
 * Private addresses repeat across VPCs and accounts, so they name no one operator.
 */
function byOrigin(signals: readonly Signal[]): Map<string, Signal[]> {
  const groups = new Map<string, Signal[]>();
  for (const s of signals) {
    const ip = s.activity.sourceIp;
    if (!ip || !isPublicIpv4(ip)) continue;
    const group = groups.get(ip);
    if (group) group.push(s);
    else groups.set(ip, [s]);
  }
  return groups.size > 1 ? groups : new Map();
}

export default defineMarker({
  id: "kill-chain-progression",
  title: "Signals progress through ATT&CK tactics in kill-chain order",
  weight: 3,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE"],
  evaluate(candidate) {
    let best = chainOf(candidate.signals, MIN_FORWARD_SHARE);
    let from: string | undefined;
    if (!best)
      for (const [ip, signals] of byOrigin(candidate.signals)) {
        const chain = chainOf(signals, MIN_FORWARD_SHARE_PER_ORIGIN);
        if (chain && chain.tactics.length > (best?.tactics.length ?? 0)) [best, from] = [chain, ip];
      }
    if (!best) return undefined;
    const { tactics, forward, techniques } = best;
    const names = tactics.map((id) => `${tactic(id)!.name} (${id})`);
    const indicators = [{ key: "ATTACK_TACTIC", values: tactics, title: "ATT&CK tactics" }];
    if (techniques.size > 0) indicators.push({ key: "ATTACK_TECHNIQUE", values: [...techniques], title: "ATT&CK techniques" });
    return {
      indicators,
      evidence: `${tactics.length} tactics in kill-chain order (${forward} of ${tactics.length - 1} steps forward)${from ? ` from ${from}` : ""}: ${names.join(" → ")}`,
      // Each tactic beyond the third adds a quarter: a longer chain is a stronger story.
      weight: 3 * (1 + 0.25 * (tactics.length - MIN_TACTICS)),
    };
  },
});
