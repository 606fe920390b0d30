/**
 * The score of a candidate sequence: what its signals say (each kind of behaviour counted once, by
 * its strongest severity) plus the weights of the markers that fire. Every point is explained: the
 * signal part by the sequence's signals, the rest by the markers' evidence.
 */
import type { FiredMarker, Indicator } from "../schema/finding.ts";
import type { Candidate, MarkerContext, MarkerDefinition } from "./marker.ts";
import type { SequenceGroup } from "./correlate.ts";
import { evaluateMarkers } from "./markers/score.ts";

/** A scored sequence. */
export interface SequenceScore {
  score: number;
  /** The part from signals alone. */
  signalScore: number;
  markers: FiredMarker[];
  indicators: Indicator[];
}

/**
 * Points from signals: each signal type contributes its highest severity over 4 (a high-severity
 * type ≈ 2, a weak one ≈ 0.5), so many repeats of one behaviour do not make a sequence.
 */
export function signalScore(group: Pick<SequenceGroup, "signals">): number {
  const best = new Map<string, number>();
  for (const s of group.signals) best.set(s.type, Math.max(best.get(s.type) ?? 0, s.severity));
  let total = 0;
  for (const severity of best.values()) total += severity / 4;
  return total;
}

/** The candidate view of a group that markers judge. */
export function candidateOf(group: SequenceGroup): Candidate {
  return { id: group.id, signals: group.signals, start: group.start, end: group.end, accounts: group.accounts, actors: group.actors };
}

/** Score a group: signals plus markers (none when the variant runs without judgement). */
export function scoreSequence(group: SequenceGroup, markers: readonly MarkerDefinition[], ctx: MarkerContext): SequenceScore {
  const fromSignals = signalScore(group);
  if (markers.length === 0) return { score: fromSignals, signalScore: fromSignals, markers: [], indicators: [] };
  const judged = evaluateMarkers(candidateOf(group), ctx, markers);
  return {
    score: fromSignals + judged.total,
    signalScore: fromSignals,
    markers: judged.fired.map((m) => ({ id: m.id, weight: m.weight, evidence: m.evidence })),
    indicators: judged.fired.flatMap((m) => m.indicators),
  };
}
