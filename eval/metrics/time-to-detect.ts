/** Time to detect: from campaign start, and from the start of its last stage, to its first raised finding. */
import type { TimeToDetect } from "../report.ts";
import type { ScoredCampaign } from "../match.ts";
import type { Outcome } from "../outcome.ts";
import { median, quantile } from "../stats.ts";

const MINUTE = 60_000;

/**
 * Minutes from a campaign's start to when a raised finding first showed it (`detectedAt`, or later
 * for a finding that took it in after it was raised), and from the start of its last stage
 * (negative when the sequence was caught before that stage).
 */
export function minutesToDetect(campaign: ScoredCampaign, outcome: Outcome): { fromStart: number; fromLastStage: number } {
  const first = outcome.detectedAt.get(campaign)!;
  return { fromStart: (first - campaign.start) / MINUTE, fromLastStage: (first - campaign.lastStageStart) / MINUTE };
}

/** Median and 90th percentile over detected campaigns. */
export function timeToDetect(outcome: Outcome): TimeToDetect {
  const fromStart: number[] = [];
  const fromLastStage: number[] = [];
  for (const campaign of outcome.detected.keys()) {
    const minutes = minutesToDetect(campaign, outcome);
    fromStart.push(minutes.fromStart);
    fromLastStage.push(minutes.fromLastStage);
  }
  return {
    medianMinutes: median(fromStart),
    p90Minutes: quantile(fromStart, 0.9),
    fromLastStageMedianMinutes: median(fromLastStage),
    detected: fromStart.length,
  };
}
