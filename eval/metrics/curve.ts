/** The threshold sweep: precision and recall at every score any candidate has, and its area. */
import type { CurvePoint } from "../report.ts";
import type { Matching } from "../match.ts";
import { ratio } from "../stats.ts";

/**
 * Sweep thresholds from the highest candidate score down. At threshold `t` every candidate scoring
 * at least `t` is raised, so tied scores enter together. PR-AUC is average precision: the sum over
 * points of (recall gained) × (precision there); null when there is no attack campaign to recall.
 */
export function thresholdSweep(matching: Matching): { curve: CurvePoint[]; prAuc: number | null } {
  const attackCampaigns = matching.campaigns.filter((c) => c.campaign.kind === "attack").length;
  const byScore = [...matching.candidates].sort((a, b) => b.score - a.score);
  const detected = new Set<unknown>();
  let falsePositives = 0;
  let duplicates = 0;
  const curve: CurvePoint[] = [];
  let area = 0;
  let lastRecall = 0;
  for (let i = 0; i < byScore.length; ) {
    const threshold = byScore[i]!.score;
    for (; i < byScore.length && byScore[i]!.score === threshold; i++) {
      const { campaign, alsoShows } = byScore[i]!;
      for (const also of alsoShows) detected.add(also.campaign);
      if (campaign === null || campaign.campaign.kind === "benign") falsePositives++;
      else if (detected.has(campaign)) duplicates++;
      else detected.add(campaign);
    }
    const truePositives = detected.size;
    const precision = ratio(truePositives, truePositives + falsePositives);
    const recall = ratio(truePositives, attackCampaigns);
    if (recall !== null && precision !== null) {
      area += (recall - lastRecall) * precision;
      lastRecall = recall;
    }
    curve.push({ threshold, findings: i, truePositives, falsePositives, duplicates, precision, recall });
  }
  return { curve, prAuc: attackCampaigns === 0 ? null : area };
}
