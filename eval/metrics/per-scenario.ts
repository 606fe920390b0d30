/** Per-scenario rows: recall of each attack, flag rate of each look-alike. */
import type { ScenarioRow } from "../report.ts";
import type { Matching, ScoredCampaign } from "../match.ts";
import type { Outcome } from "../outcome.ts";
import { compare } from "../match.ts";
import { mean, median, ratio } from "../stats.ts";
import { coveredStages } from "./stage-coverage.ts";
import { minutesToDetect } from "./time-to-detect.ts";

/** One row per scenario with campaigns in the period, sorted by kind (attacks first) then id. */
export function perScenario(matching: Matching, outcome: Outcome): ScenarioRow[] {
  const groups = new Map<string, ScoredCampaign[]>();
  for (const c of matching.campaigns) {
    const list = groups.get(c.campaign.scenarioId);
    if (list) list.push(c);
    else groups.set(c.campaign.scenarioId, [c]);
  }
  const rows: ScenarioRow[] = [];
  for (const [scenarioId, campaigns] of groups) {
    const { kind, expectedSequenceType } = campaigns[0]!.campaign;
    const hits = kind === "attack" ? outcome.detected : outcome.flagged;
    const found = campaigns.filter((c) => hits.has(c));
    rows.push({
      scenarioId,
      kind,
      expectedSequenceType,
      campaigns: campaigns.length,
      detected: found.length,
      rate: ratio(found.length, campaigns.length),
      duplicates: found.reduce((n, c) => n + hits.get(c)!.length - 1, 0),
      typeMatched: found.filter((c) => hits.get(c)![0]!.finding.type === expectedSequenceType).length,
      medianTimeToDetectMinutes: kind === "attack" ? median(found.map((c) => minutesToDetect(c, outcome).fromStart)) : null,
      stageCoverage: kind === "attack" ? mean(found.map((c) => coveredStages(c, hits.get(c)!).size / c.campaign.stages.length)) : null,
    });
  }
  return rows.sort((a, b) => compare(a.kind, b.kind) || compare(a.scenarioId, b.scenarioId));
}
