/**
 * Defense evasion: the sequence includes successful Defense Evasion (TA0005) moves — logging
 * stopped, detectors disabled, trails or flow logs deleted, unused regions used. Attackers blind
 * the defender before or after acting; benign changes to security tooling are rare and planned.
 */
import { defineMarker } from "../marker.ts";
import { succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";

export default defineMarker({
  id: "defense-evasion",
  title: "Defense evasion in the sequence",
  weight: 2,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE"],
  evaluate(candidate) {
    const moves = new Map<string, Set<string>>();
    const techniques = new Set<string>();
    for (const s of candidate.signals) {
      if (s.tactic !== "TA0005" || !succeeded(s.activity)) continue;
      const targets = moves.get(s.activity.action) ?? new Set<string>();
      for (const r of s.activity.resources) targets.add(r);
      moves.set(s.activity.action, targets);
      if (s.technique) techniques.add(s.technique);
    }
    if (moves.size === 0) return undefined;
    const indicators = [{ key: "ATTACK_TACTIC", values: ["TA0005"], title: "Defense Evasion" }];
    if (techniques.size) indicators.push({ key: "ATTACK_TECHNIQUE", values: [...techniques], title: "Defense evasion techniques" });
    const described = [...moves].map(([action, targets]) => (targets.size ? `${action} on ${listOf(targets, 3)}` : action));
    return {
      indicators,
      evidence: `defense evasion succeeded: ${listOf(described, 5, "; ")}`,
      // Each further distinct evasion move adds half (blinding several tools is deliberate).
      weight: 2 * Math.min(2, 1 + 0.5 * (moves.size - 1)),
    };
  },
});
