/** Alert reduction: how many items an analyst faces with correlation, against the alerts it folds in. */
import type { AlertReduction } from "../report.ts";
import type { Matching } from "../match.ts";
import type { DetectionSummary } from "../../schema/finding.ts";
import { ratio } from "../stats.ts";

/**
 * Counts raised findings in the period. Analyst-facing items are the raised sequences plus the
 * raised foundational findings that no raised sequence lists among its signals (by finding id or
 * ARN): those an analyst would still triage one by one.
 */
export function alertReduction(matching: Matching, summary: DetectionSummary | null, accountDays: number): AlertReduction {
  const sequences = matching.candidates.filter((c) => c.raised);
  const foundational = matching.foundational.filter((f) => f.seqlab.score >= f.seqlab.threshold);
  const folded = new Set<string>();
  for (const c of sequences) {
    for (const signal of c.finding.service.detection?.sequence?.signals ?? []) if (signal.type === "FINDING") folded.add(signal.uid);
  }
  const standalone = foundational.filter((f) => !folded.has(f.id) && !folded.has(f.arn)).length;
  const analystItems = sequences.length + standalone;
  const signals = summary?.signals ?? null;
  return {
    signals,
    foundationalFindings: foundational.length,
    sequenceFindings: sequences.length,
    analystItems,
    foundationalPerSequence: ratio(foundational.length, sequences.length),
    signalsPerSequence: signals === null ? null : ratio(signals, sequences.length),
    analystItemsPerAccountDay: ratio(analystItems, accountDays),
    reductionFactor: ratio(foundational.length, analystItems),
  };
}
