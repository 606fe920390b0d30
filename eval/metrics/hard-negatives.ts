/** Hard negatives: benign look-alike episodes, and how many a raised sequence flagged. */
import type { Matching } from "../match.ts";
import type { Outcome } from "../outcome.ts";
import { ratio } from "../stats.ts";

/** Benign episodes starting in the period, and those a raised sequence finding counts for. */
export function hardNegatives(matching: Matching, outcome: Outcome): { episodes: number; flagged: number; flaggedShare: number | null } {
  const episodes = matching.campaigns.filter((c) => c.campaign.kind === "benign").length;
  return { episodes, flagged: outcome.flagged.size, flaggedShare: ratio(outcome.flagged.size, episodes) };
}
