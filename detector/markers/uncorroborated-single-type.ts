/**
 * Dampener — uncorroborated: every signal is of one type, so nothing from another angle (another
 * tactic, source or kind of evidence) backs it up. Such a candidate is one foundational finding
 * repeated, not an attack sequence.
 */
import { defineMarker } from "../marker.ts";

export default defineMarker({
  id: "uncorroborated-single-type",
  title: "Dampener: a single signal type, uncorroborated",
  weight: -1.5,
  indicatorKeys: [],
  evaluate(candidate) {
    const first = candidate.signals[0];
    if (!first || candidate.signals.some((s) => s.type !== first.type)) return undefined;
    return { indicators: [], evidence: `all ${candidate.signals.length} signals are ${first.type} (${first.tactic}); no other kind of evidence corroborates them` };
  },
});
