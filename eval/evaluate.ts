/** Evaluate one variant's findings against truth: every metric of the eval JSON. Pure. */
import type { Truth } from "../schema/truth.ts";
import type { DetectionSummary, Finding } from "../schema/finding.ts";
import type { EvalReport, InputCounts } from "./report.ts";
import { matchFindings } from "./match.ts";
import { outcomeAtThreshold } from "./outcome.ts";
import { alertReduction } from "./metrics/alert-reduction.ts";
import { attribution } from "./metrics/attribution.ts";
import { thresholdSweep } from "./metrics/curve.ts";
import { hardNegatives } from "./metrics/hard-negatives.ts";
import { perScenario } from "./metrics/per-scenario.ts";
import { perTactic } from "./metrics/per-tactic.ts";
import { sequenceMetrics } from "./metrics/sequence.ts";
import { stageCoverage } from "./metrics/stage-coverage.ts";
import { timeToDetect } from "./metrics/time-to-detect.ts";

const DAY = 86_400_000;

/** What eval read, as the report names it. */
export interface EvalInput {
  truth: Truth;
  findings: readonly Finding[];
  summary: DetectionSummary | null;
  /** The variant's name when the findings file is empty (else taken from the findings). */
  variant: string;
  files: Pick<InputCounts, "truthFile" | "findingsFile" | "summaryFile">;
  read: number;
  rejected: InputCounts["rejected"];
}

/** Every metric of one variant on one run. */
export function evaluate(input: EvalInput): EvalReport {
  const { truth, findings } = input;
  const matching = matchFindings(truth, findings);
  const outcome = outcomeAtThreshold(matching);
  const days = (matching.end - matching.evaluationStart) / DAY;
  const accounts = accountCount(truth, findings);
  const accountDays = accounts.count * days;
  const { curve, prAuc } = thresholdSweep(matching);
  return {
    tool: "seqlab",
    kind: "evaluation",
    variant: findings[0]?.seqlab.variant ?? input.variant,
    period: { evaluationStart: truth.period.evaluationStart, end: truth.period.end, days },
    accounts,
    accountDays,
    input: {
      ...input.files,
      findingsRead: input.read,
      rejected: input.rejected,
      sequenceCandidates: matching.candidates.length,
      foundational: matching.foundational.length,
      outsidePeriod: matching.outsidePeriod,
      onHistoryCampaigns: matching.onHistoryCampaigns,
    },
    sequence: sequenceMetrics(outcome, prAuc, accountDays),
    timeToDetect: timeToDetect(outcome),
    stageCoverage: stageCoverage(outcome),
    attribution: attribution(outcome),
    alertReduction: alertReduction(matching, input.summary, accountDays),
    hardNegatives: hardNegatives(matching, outcome),
    perScenario: perScenario(matching, outcome),
    perTactic: perTactic(matching, outcome),
    curve,
  };
}

/** The estate's accounts from truth; failing that, every account truth or the findings mention. */
function accountCount(truth: Truth, findings: readonly Finding[]): EvalReport["accounts"] {
  if (truth.accounts) return { count: truth.accounts.length, source: "truth" };
  const seen = new Set([...truth.campaigns.flatMap((c) => c.accounts), ...findings.map((f) => f.accountId)]);
  return { count: seen.size, source: "observed" };
}
