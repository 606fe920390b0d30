/**
 * The headline metrics a report shows, each as a mean with its confidence interval: from the
 * aggregate over runs when there is one, else the runs' own values (no interval for one run).
 */
import type { EvalReport } from "../../eval/report.ts";
import type { ReportInput } from "../input.ts";
import { variantOrder } from "./variants.ts";

/** How a metric reads: a share in [0, 1], a count-like rate, minutes, or a factor. */
export type MetricUnit = "share" | "rate" | "minutes" | "factor";

/** A headline metric: its eval JSON path (as `aggregate.json` names it), label and how it reads. */
export interface MetricDef {
  metric: string;
  label: string;
  unit: MetricUnit;
  better: "higher" | "lower";
  value: (r: EvalReport) => number | null;
}

/** The metrics of the summary and the variant comparison, in display order. */
export const REPORT_METRICS: readonly MetricDef[] = [
  { metric: "sequence.precision", label: "Precision", unit: "share", better: "higher", value: (r) => r.sequence.precision },
  { metric: "sequence.recall", label: "Recall", unit: "share", better: "higher", value: (r) => r.sequence.recall },
  { metric: "sequence.f1", label: "F1", unit: "share", better: "higher", value: (r) => r.sequence.f1 },
  { metric: "sequence.prAuc", label: "PR-AUC", unit: "share", better: "higher", value: (r) => r.sequence.prAuc },
  { metric: "stageCoverage.mean", label: "Stage coverage", unit: "share", better: "higher", value: (r) => r.stageCoverage.mean },
  { metric: "hardNegatives.flaggedShare", label: "Look-alikes flagged", unit: "share", better: "lower", value: (r) => r.hardNegatives.flaggedShare },
  { metric: "sequence.falsePer100AccountDays", label: "False sequences / 100 account-days", unit: "rate", better: "lower", value: (r) => r.sequence.falsePer100AccountDays },
  { metric: "timeToDetect.medianMinutes", label: "Median time to detect (min)", unit: "minutes", better: "lower", value: (r) => r.timeToDetect.medianMinutes },
  { metric: "alertReduction.reductionFactor", label: "Alert reduction factor", unit: "factor", better: "higher", value: (r) => r.alertReduction.reductionFactor },
];

/** One metric of one variant: mean over `n` runs and its interval (null without one). */
export interface MetricCell {
  variant: string;
  metric: string;
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Every report metric of every variant, variants in report order, metrics in display order. */
export function headlineMetrics(input: ReportInput): MetricCell[] {
  const fromAggregate = new Map((input.aggregate?.metrics ?? []).map((m) => [`${m.variant}\u0000${m.metric}`, m]));
  return variantOrder(input).flatMap((variant) =>
    REPORT_METRICS.map(({ metric, value }): MetricCell => {
      const estimate = fromAggregate.get(`${variant}\u0000${metric}`);
      if (estimate) return { variant, metric, n: estimate.n, mean: estimate.mean, ciLow: estimate.ciLow, ciHigh: estimate.ciHigh };
      const values = input.runs.flatMap((run) => run.variants.filter((v) => v.variant === variant).map((v) => value(v.eval))).filter((x): x is number => x !== null);
      const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
      return { variant, metric, n: values.length, mean, ciLow: null, ciHigh: null };
    }),
  );
}
