/** Per-tactic rows: which ATT&CK tactics of the attacks the findings showed. */
import type { TacticRow } from "../report.ts";
import type { Matching } from "../match.ts";
import type { Outcome } from "../outcome.ts";
import { tactic as tacticOf, tacticOrder } from "../../schema/attack.ts";
import { ratio } from "../stats.ts";
import { coveredStages } from "./stage-coverage.ts";

/**
 * For each tactic in the attack campaigns of the period: its stage instances, how many have an
 * event in a raised finding of their campaign, and the campaigns using it (and detected). Rows in
 * kill-chain order.
 */
export function perTactic(matching: Matching, outcome: Outcome): TacticRow[] {
  const rows = new Map<string, TacticRow>();
  for (const campaign of matching.campaigns) {
    if (campaign.campaign.kind !== "attack") continue;
    const findings = outcome.detected.get(campaign);
    const covered = findings ? coveredStages(campaign, findings) : new Set<number>();
    const seen = new Set<string>();
    campaign.campaign.stages.forEach((stage, i) => {
      let row = rows.get(stage.tactic);
      if (!row) {
        row = { tactic: stage.tactic, name: tacticOf(stage.tactic)?.name ?? stage.tactic, stages: 0, covered: 0, coverage: null, campaigns: 0, detectedCampaigns: 0 };
        rows.set(stage.tactic, row);
      }
      row.stages++;
      if (covered.has(i)) row.covered++;
      if (!seen.has(stage.tactic)) {
        seen.add(stage.tactic);
        row.campaigns++;
        if (findings) row.detectedCampaigns++;
      }
    });
  }
  return [...rows.values()].map((r) => ({ ...r, coverage: ratio(r.covered, r.stages) })).sort((a, b) => tacticOrder(a.tactic) - tacticOrder(b.tactic));
}
