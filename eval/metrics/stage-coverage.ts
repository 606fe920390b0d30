/** Stage coverage: how much of a detected campaign its findings show. */
import type { StageCoverage } from "../report.ts";
import type { Candidate, ScoredCampaign } from "../match.ts";
import type { Outcome } from "../outcome.ts";
import { mean } from "../stats.ts";

/** Indices of the campaign's stages that have at least one event in `findings`. */
export function coveredStages(campaign: ScoredCampaign, findings: readonly Candidate[]): Set<number> {
  const covered = new Set<number>();
  for (const c of findings) {
    for (const id of c.finding.seqlab.eventIds) {
      const stage = campaign.stageOf.get(id);
      if (stage !== undefined) covered.add(stage);
    }
  }
  return covered;
}

/** Mean over detected campaigns of the share of their stages covered, with the pooled counts. */
export function stageCoverage(outcome: Outcome): StageCoverage {
  const shares: number[] = [];
  let coveredTotal = 0;
  let stages = 0;
  for (const [campaign, findings] of outcome.detected) {
    const covered = coveredStages(campaign, findings).size;
    const total = campaign.campaign.stages.length;
    shares.push(covered / total);
    coveredTotal += covered;
    stages += total;
  }
  return { mean: mean(shares), coveredStages: coveredTotal, stages };
}
