/**
 * Evaluating markers over a candidate: which fired, with what weight, evidence and indicators,
 * and their total.
 *
 * Intended scale (the sequence score = this total + the candidate's signal severities, as the
 * assembler combines them; thresholds are set there):
 * - strong markers, near-proof of an intrusion on their own: declared 2.5-3 (kill-chain
 *   progression, destruction after access, cross-account role chain, credential outside its
 *   network, threat intel, pentest tooling); graded up to 2× (5-6) when the evidence piles up
 *   (instance credentials used outside AWS fire at 5);
 * - medium markers, telling but with benign look-alikes: declared 1.5-2 (high-risk API, defense
 *   evasion, persistence, data volume, discovery breadth, access-denied burst then success,
 *   multi-source corroboration, instance group, LLM hijacking);
 * - dampeners: −1.5 (a single uncorroborated signal type), −2 (all behaviour known for the actor
 *   or its peers), −3 (a scanner's routine refused sweep).
 * A typical attack fires three to five positive markers (≈ 8-15); a benign look-alike one or two
 * medium ones, often with a dampener (≈ 0-3).
 */
import type { Indicator } from "../../schema/finding.ts";
import type { Candidate, MarkerContext, MarkerDefinition } from "../marker.ts";

/** A marker that fired on a candidate. */
export interface FiredMarker {
  id: string;
  /** The weight that counted: the marker's graded weight, clamped (see {@link effectiveWeight}). */
  weight: number;
  evidence: string;
  indicators: Indicator[];
}

/** The markers that fired, in registry order, and the sum of their weights. */
export interface MarkerEvaluation {
  fired: FiredMarker[];
  total: number;
}

/**
 * The weight a firing counts with: the declared weight, or the marker's own graded weight kept on
 * the declared side of zero and within twice the declared magnitude (a marker cannot flip from
 * aggravating to dampening, nor dominate the score on its own).
 */
export function effectiveWeight(declared: number, graded: number | undefined): number {
  if (graded === undefined || !Number.isFinite(graded)) return declared;
  const [lo, hi] = declared >= 0 ? [0, 2 * declared] : [2 * declared, 0];
  return Math.min(hi, Math.max(lo, graded));
}

/**
 * Evaluate markers over a candidate, in the given (registry) order. A marker that throws is
 * reported with its id and the candidate's, since a bug in one judgement must not pass unnoticed.
 */
export function evaluateMarkers(candidate: Candidate, ctx: MarkerContext, markers: readonly MarkerDefinition[]): MarkerEvaluation {
  const fired: FiredMarker[] = [];
  let total = 0;
  for (const m of markers) {
    let firing;
    try {
      firing = m.evaluate(candidate, ctx);
    } catch (err) {
      throw new Error(`marker "${m.id}" failed on candidate "${candidate.id}": ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (!firing) continue;
    const weight = effectiveWeight(m.weight, firing.weight);
    fired.push({ id: m.id, weight, evidence: firing.evidence, indicators: firing.indicators });
    total += weight;
  }
  return { fired, total };
}
