/**
 * Many runs (seeds) × variants: each headline metric as a mean with a 95% bootstrap confidence
 * interval over runs, and paired differences against a baseline variant on the same runs. The
 * tables are arquero tables, so they export to CSV and Arrow IPC for analysis elsewhere.
 */
import * as aq from "arquero";
import type { EvalReport } from "./report.ts";
import { bootstrapMean, type Estimate } from "./bootstrap.ts";
import { compare } from "./match.ts";

/** The metrics aggregated over runs, by a stable name (the eval JSON path). */
export const HEADLINE_METRICS: readonly { metric: string; value: (r: EvalReport) => number | null }[] = [
  { metric: "sequence.precision", value: (r) => r.sequence.precision },
  { metric: "sequence.recall", value: (r) => r.sequence.recall },
  { metric: "sequence.f1", value: (r) => r.sequence.f1 },
  { metric: "sequence.prAuc", value: (r) => r.sequence.prAuc },
  { metric: "sequence.falsePer100AccountDays", value: (r) => r.sequence.falsePer100AccountDays },
  { metric: "sequence.duplicates", value: (r) => r.sequence.duplicates },
  { metric: "timeToDetect.medianMinutes", value: (r) => r.timeToDetect.medianMinutes },
  { metric: "timeToDetect.p90Minutes", value: (r) => r.timeToDetect.p90Minutes },
  { metric: "timeToDetect.fromLastStageMedianMinutes", value: (r) => r.timeToDetect.fromLastStageMedianMinutes },
  { metric: "stageCoverage.mean", value: (r) => r.stageCoverage.mean },
  { metric: "attribution.precision", value: (r) => r.attribution.precision },
  { metric: "attribution.recall", value: (r) => r.attribution.recall },
  { metric: "alertReduction.analystItemsPerAccountDay", value: (r) => r.alertReduction.analystItemsPerAccountDay },
  { metric: "alertReduction.reductionFactor", value: (r) => r.alertReduction.reductionFactor },
  { metric: "hardNegatives.flaggedShare", value: (r) => r.hardNegatives.flaggedShare },
];

/** A row of the long values table. */
interface ValueRow {
  run: string;
  variant: string;
  metric: string;
  value: number | null;
}

/** One variant's evaluation of one run. */
export interface RunEvaluation {
  run: string;
  report: EvalReport;
}

/** A metric of a variant over runs. */
export interface MetricEstimate extends Estimate {
  variant: string;
  metric: string;
}

/** variant − baseline on the same runs, for one metric. */
export interface PairedDifference extends Estimate {
  variant: string;
  baseline: string;
  metric: string;
}

/** Per-scenario detection pooled over runs. */
export interface ScenarioPooled {
  variant: string;
  scenarioId: string;
  kind: "attack" | "benign";
  campaigns: number;
  detected: number;
  rate: number | null;
}

/** What `aggregate` returns: the tables behind `aggregate.json`, CSV and Arrow files. */
export interface Aggregate {
  runs: string[];
  variants: string[];
  baseline: string | null;
  seed: number;
  resamples: number;
  confidence: number;
  /** Long table: one row per run × variant × metric (value null when undefined in that run). */
  values: aq.ColumnTable;
  metrics: aq.ColumnTable;
  paired: aq.ColumnTable;
  scenarios: aq.ColumnTable;
}

/** Options of an aggregation. */
export interface AggregateOptions {
  seed: number;
  resamples: number;
  /** Variant the others are compared with, run by run; null for none. */
  baseline: string | null;
}

/**
 * Aggregate evaluations of several runs and variants. Means skip runs where a metric is undefined
 * (`n` says how many count); paired differences use runs where both variants define it.
 */
export function aggregate(evaluations: readonly RunEvaluation[], opts: AggregateOptions): Aggregate {
  const runs = unique(evaluations.map((e) => e.run));
  const variants = unique(evaluations.map((e) => e.report.variant));
  if (opts.baseline !== null && !variants.includes(opts.baseline)) {
    throw new Error(`baseline variant "${opts.baseline}" was not evaluated; variants: ${variants.join(", ")}`);
  }
  // Sorted first: the bootstrap resamples values by position, so their order must not depend on the input's.
  const values = tableOf(
    [...evaluations].sort((a, b) => compare(a.report.variant, b.report.variant) || compare(a.run, b.run)).flatMap((e) => HEADLINE_METRICS.map(({ metric, value }): ValueRow => ({ run: e.run, variant: e.report.variant, metric, value: value(e.report) }))),
    ["run", "variant", "metric", "value"],
  );
  const estimate = (stream: string, xs: unknown[]) => bootstrapMean(xs.filter((x): x is number => typeof x === "number"), { seed: opts.seed, stream, resamples: opts.resamples });

  const grouped = values.groupby("variant", "metric").rollup({ xs: aq.op.array_agg("value") }).objects() as { variant: string; metric: string; xs: unknown[] }[];
  const estimateColumns = ["variant", "metric", "n", "mean", "ciLow", "ciHigh"] as const;
  const metrics = tableOf(
    grouped.map(({ variant, metric, xs }): MetricEstimate => ({ variant, metric, ...estimate(`${variant}/${metric}`, xs) })),
    estimateColumns,
  );

  const pairedColumns = ["variant", "baseline", "metric", "n", "mean", "ciLow", "ciHigh"] as const;
  let paired = tableOf([] as PairedDifference[], pairedColumns);
  const baseline = opts.baseline;
  if (baseline !== null) {
    const base = values.filter(aq.escape((d: ValueRow) => d.variant === baseline)).rename({ value: "baselineValue" }).select("run", "metric", "baselineValue");
    const diffs = values
      .filter(aq.escape((d: ValueRow) => d.variant !== baseline))
      .join(base, [["run", "metric"], ["run", "metric"]])
      .filter(aq.escape((d: ValueRow & { baselineValue: number | null }) => d.value !== null && d.baselineValue !== null))
      .derive({ difference: aq.escape((d: ValueRow & { baselineValue: number }) => d.value! - d.baselineValue) })
      .groupby("variant", "metric")
      .rollup({ xs: aq.op.array_agg("difference") })
      .objects() as { variant: string; metric: string; xs: unknown[] }[];
    paired = tableOf(
      diffs.map(({ variant, metric, xs }): PairedDifference => ({ variant, baseline, metric, ...estimate(`${variant}-${baseline}/${metric}`, xs) })),
      pairedColumns,
    );
  }

  const scenarios = tableOf(
    evaluations.flatMap((e) => e.report.perScenario.map((s) => ({ variant: e.report.variant, scenarioId: s.scenarioId, kind: s.kind, campaigns: s.campaigns, detected: s.detected }))),
    ["variant", "scenarioId", "kind", "campaigns", "detected"],
  )
    .groupby("variant", "scenarioId", "kind")
    .rollup({ campaigns: aq.op.sum("campaigns"), detected: aq.op.sum("detected") })
    .derive({ rate: aq.escape((d: { campaigns: number; detected: number }) => (d.campaigns > 0 ? d.detected / d.campaigns : null)) });

  const order = (t: aq.ColumnTable, ...keys: string[]) => (t.numRows() === 0 ? t : t.orderby(...keys));
  return {
    runs,
    variants,
    baseline: opts.baseline,
    seed: opts.seed,
    resamples: opts.resamples,
    confidence: 0.95,
    values: order(values, "variant", "metric", "run"),
    metrics: order(metrics, "variant", "metric"),
    paired: order(paired, "variant", "metric"),
    scenarios: order(scenarios, "variant", "kind", "scenarioId"),
  };
}

/** The JSON form of an aggregate (`aggregate.json`). */
export function aggregateJson(a: Aggregate): {
  tool: "seqlab";
  kind: "aggregate";
  runs: string[];
  variants: string[];
  baseline: string | null;
  seed: number;
  resamples: number;
  confidence: number;
  metrics: MetricEstimate[];
  paired: PairedDifference[];
  scenarios: ScenarioPooled[];
} {
  return {
    tool: "seqlab",
    kind: "aggregate",
    runs: a.runs,
    variants: a.variants,
    baseline: a.baseline,
    seed: a.seed,
    resamples: a.resamples,
    confidence: a.confidence,
    metrics: a.metrics.objects() as MetricEstimate[],
    paired: a.paired.objects() as PairedDifference[],
    scenarios: a.scenarios.objects() as ScenarioPooled[],
  };
}

/** A table of `rows` with exactly `columns`, so empty inputs still have a schema to query and export. */
function tableOf<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): aq.ColumnTable {
  return aq.table(Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c])])));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)].sort(compare);
}
