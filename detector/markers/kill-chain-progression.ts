/**
 * Tactic progression: the signals span at least three ATT&CK tactics and, taken in the order each
 * tactic first appears, mostly move forward along the kill chain (access → persistence → evasion
 * → collection → impact). Benign work rarely walks the chain; attacks do.
 */
import { tactic } from "../../schema/attack.ts";
import { defineMarker } from "../marker.ts";

/** Tactics needed before the progression means anything. */
const MIN_TACTICS = 3;
/** Share of steps between newly appearing tactics that must go forward. */
const MIN_FORWARD_SHARE = 0.5;

export default defineMarker({
  id: "kill-chain-progression",
  title: "Signals progress through ATT&CK tactics in kill-chain order",
  weight: 3,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE"],
  evaluate(candidate) {
    const firstSeen: string[] = [];
    const seen = new Set<string>();
    const techniques = new Set<string>();
    for (const s of candidate.signals) {
      if (s.technique) techniques.add(s.technique);
      if (seen.has(s.tactic) || !tactic(s.tactic)) continue;
      seen.add(s.tactic);
      firstSeen.push(s.tactic);
    }
    if (firstSeen.length < MIN_TACTICS) return undefined;
    let forward = 0;
    for (let i = 1; i < firstSeen.length; i++) if (tactic(firstSeen[i]!)!.order > tactic(firstSeen[i - 1]!)!.order) forward++;
    const share = forward / (firstSeen.length - 1);
    if (share < MIN_FORWARD_SHARE) return undefined;
    const names = firstSeen.map((id) => `${tactic(id)!.name} (${id})`);
    const indicators = [{ key: "ATTACK_TACTIC", values: firstSeen, title: "ATT&CK tactics" }];
    if (techniques.size > 0) indicators.push({ key: "ATTACK_TECHNIQUE", values: [...techniques], title: "ATT&CK techniques" });
    return {
      indicators,
      evidence: `${firstSeen.length} tactics in kill-chain order (${forward} of ${firstSeen.length - 1} steps forward): ${names.join(" → ")}`,
      // Each tactic beyond the third adds a quarter: a longer chain is a stronger story.
      weight: 3 * (1 + 0.25 * (firstSeen.length - MIN_TACTICS)),
    };
  },
});
