/**
 * What a report is drawn from. `cli/` loads it from run and comparison directories (findings,
 * truth, eval JSON, aggregate) and joins findings to truth with eval's matching; `reports/` only
 * renders it. Every string that came from a log (actor names, user agents, bucket names, marker
 * evidence) is untrusted and must be escaped wherever it is rendered.
 */
import type { DetectionSummary, Finding } from "../schema/finding.ts";
import type { EvalReport } from "../eval/report.ts";
import type { MetricEstimate, PairedDifference, ScenarioPooled } from "../eval/aggregate.ts";

/** One stage of the truth campaign a sequence finding counts for, and whether the finding holds one of its events. */
export interface StageVerdict {
  id: string;
  tactic: string;
  technique: string;
  start: string;
  end: string;
  covered: boolean;
}

/** The truth beside a sequence finding: the campaign it shares most events with, or none (a false positive on background activity). */
export interface FindingTruth {
  campaignId: string;
  scenarioId: string;
  kind: "attack" | "benign";
  expectedSequenceType: string | null;
  start: string;
  stages: StageVerdict[];
}

/** An above-threshold sequence finding of the evaluation period, with its verdict. */
export interface ReportSequence {
  finding: Finding;
  /** True positive, false positive, or a duplicate of an already detected campaign. */
  verdict: "true-positive" | "false-positive" | "duplicate";
  truth: FindingTruth | null;
  /** For false positives on background activity: the persona of its main actor when the truth names it, else null. */
  persona: string | null;
}

/** One variant on one run. */
export interface ReportVariantRun {
  variant: string;
  eval: EvalReport;
  /** The detector's own accounting (records, signals), when it wrote a summary. */
  summary: DetectionSummary | null;
  /** Above-threshold sequence findings of the evaluation period, in detection order. */
  sequences: ReportSequence[];
}

/** One simulated (or user-supplied) run. */
export interface ReportRun {
  /** A short label, e.g. the run directory's name. */
  name: string;
  seed: number | null;
  suite: string | null;
  days: number | null;
  accounts: number | null;
  /** The one-line command that reproduces the run (from its manifest), when known. */
  command: string | null;
  /** Attack campaigns of the evaluation period with their ATT&CK stages, for coverage views. */
  campaigns: { id: string; scenarioId: string; kind: "attack" | "benign"; stages: { tactic: string; technique: string }[] }[];
  variants: ReportVariantRun[];
}

/** The aggregate over runs (as in `aggregate.json`), for comparisons. */
export interface ReportAggregate {
  runs: string[];
  variants: string[];
  baseline: string | null;
  resamples: number;
  confidence: number;
  metrics: MetricEstimate[];
  paired: PairedDifference[];
  scenarios: ScenarioPooled[];
}

/** Everything a report shows. */
export interface ReportInput {
  kind: "run" | "comparison";
  title: string;
  /** The one-line command that reproduces this report (and the runs behind it). */
  command: string;
  /** ISO time the report data was produced; left out of the page when null so reruns are byte-identical. */
  generatedAt: string | null;
  runs: ReportRun[];
  /** Null for a single run. */
  aggregate: ReportAggregate | null;
}
