/**
 * The eval JSON (`eval/<variant>.json`): every metric of one variant on one run, with the counts
 * behind each ratio. A ratio whose denominator is zero is `null` (undefined), never 0 or NaN.
 * Definitions: docs/evaluation.md.
 */

/** Sequence-level detection at the variant's own thresholds. */
export interface SequenceMetrics {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Average precision over the full score sweep (area under the step-wise PR curve). */
  prAuc: number | null;
  falsePer100AccountDays: number | null;
  /** Above-threshold findings on an attack campaign that was already detected. */
  duplicates: number;
  truePositives: number;
  falsePositives: number;
  attackCampaigns: number;
  detectedCampaigns: number;
  /** Detected campaigns whose first finding has the campaign's expected sequence type. */
  typeMatched: number;
}

/** Minutes from campaign start (and from its last stage's start) to its first detection. */
export interface TimeToDetect {
  medianMinutes: number | null;
  p90Minutes: number | null;
  fromLastStageMedianMinutes: number | null;
  detected: number;
}

/** Share of a detected campaign's stages with an event in its findings. */
export interface StageCoverage {
  /** Mean over detected campaigns. */
  mean: number | null;
  coveredStages: number;
  stages: number;
}

/** Events of a campaign's findings against the campaign's own events (pooled over campaigns). */
export interface Attribution {
  precision: number | null;
  recall: number | null;
  /** Finding events that are the campaign's. */
  matchedEvents: number;
  /** Distinct events in the campaigns' findings. */
  findingEvents: number;
  /** Events of the detected campaigns. */
  campaignEvents: number;
}

/** How much correlation shrinks what an analyst sees. */
export interface AlertReduction {
  /** Raw signals the detector raised (from its summary file), or null when it wrote none. */
  signals: number | null;
  foundationalFindings: number;
  sequenceFindings: number;
  /** Sequences plus foundational findings that no sequence contains. */
  analystItems: number;
  foundationalPerSequence: number | null;
  signalsPerSequence: number | null;
  analystItemsPerAccountDay: number | null;
  /** Foundational findings per analyst item: how many alerts one item replaces. */
  reductionFactor: number | null;
}

/** One scenario's campaigns in the evaluation period. */
export interface ScenarioRow {
  scenarioId: string;
  kind: "attack" | "benign";
  expectedSequenceType: string | null;
  campaigns: number;
  /** Attack: campaigns detected. Benign: episodes flagged by an above-threshold sequence. */
  detected: number;
  /** detected / campaigns (for benign episodes: the share flagged). */
  rate: number | null;
  duplicates: number;
  typeMatched: number;
  medianTimeToDetectMinutes: number | null;
  stageCoverage: number | null;
}

/** One ATT&CK tactic over the stages of attack campaigns in the evaluation period. */
export interface TacticRow {
  tactic: string;
  name: string;
  /** Stage instances with this tactic. */
  stages: number;
  /** Of those, stages with an event in an above-threshold finding of their campaign. */
  covered: number;
  coverage: number | null;
  campaigns: number;
  detectedCampaigns: number;
}

/** One point of the threshold sweep: everything scoring at least `threshold` is raised. */
export interface CurvePoint {
  threshold: number;
  findings: number;
  truePositives: number;
  falsePositives: number;
  duplicates: number;
  precision: number | null;
  recall: number | null;
}

/** What eval read and what it set aside, so nothing is silently lost. */
export interface InputCounts {
  truthFile: string;
  findingsFile: string;
  summaryFile: string | null;
  findingsRead: number;
  rejected: { line: number; reason: string }[];
  sequenceCandidates: number;
  foundational: number;
  /** Detected before the evaluation period (history) or at/after its end. */
  outsidePeriod: number;
  /** Hit only campaigns that started in history: neither true nor false positives. */
  onHistoryCampaigns: number;
}

/** The eval JSON of one variant on one run. */
export interface EvalReport {
  tool: "seqlab";
  kind: "evaluation";
  variant: string;
  period: { evaluationStart: string; end: string; days: number };
  accounts: { count: number; source: "truth" | "observed" };
  accountDays: number;
  input: InputCounts;
  sequence: SequenceMetrics;
  timeToDetect: TimeToDetect;
  stageCoverage: StageCoverage;
  attribution: Attribution;
  alertReduction: AlertReduction;
  hardNegatives: { episodes: number; flagged: number; flaggedShare: number | null };
  perScenario: ScenarioRow[];
  perTactic: TacticRow[];
  curve: CurvePoint[];
}
