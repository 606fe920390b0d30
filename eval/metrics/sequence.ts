/** Sequence-level precision, recall and F1 at the variant's thresholds, and false sequences per 100 account-days. */
import type { SequenceMetrics } from "../report.ts";
import type { Outcome } from "../outcome.ts";
import { f1, ratio } from "../stats.ts";

/**
 * True positives are detected attack campaigns (each once); false positives are raised findings on
 * background activity or benign episodes; duplicates (further findings on a detected campaign) are
 * neither, and are reported apart.
 */
export function sequenceMetrics(outcome: Outcome, prAuc: number | null, accountDays: number): SequenceMetrics {
  const truePositives = outcome.detected.size;
  const precision = ratio(truePositives, truePositives + outcome.falsePositives);
  const recall = ratio(truePositives, outcome.attackCampaigns);
  const falsePer = ratio(outcome.falsePositives, accountDays);
  let typeMatched = 0;
  for (const [campaign, findings] of outcome.detected) if (findings[0]!.finding.type === campaign.campaign.expectedSequenceType) typeMatched++;
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    prAuc,
    falsePer100AccountDays: falsePer === null ? null : falsePer * 100,
    duplicates: outcome.duplicates,
    truePositives,
    falsePositives: outcome.falsePositives,
    attackCampaigns: outcome.attackCampaigns,
    detectedCampaigns: truePositives,
    typeMatched,
  };
}
