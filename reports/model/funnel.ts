/**
 * The funnel of each variant: events used → raw signals → foundational findings → sequence
 * findings, averaged over runs; null where the detector wrote no summary.
 */
import type { ReportInput } from "../input.ts";
import { variantOrder } from "./variants.ts";

/** One variant's funnel, as means over the runs that have each figure. */
export interface FunnelRow {
  variant: string;
  runs: number;
  events: number | null;
  signals: number | null;
  foundational: number | null;
  sequences: number | null;
  /** Foundational findings per analyst item (eval's alert reduction factor). */
  reductionFactor: number | null;
}

/** Funnel rows in report variant order. */
export function funnel(input: ReportInput): FunnelRow[] {
  return variantOrder(input).map((variant) => {
    const runs = input.runs.flatMap((r) => r.variants.filter((v) => v.variant === variant));
    return {
      variant,
      runs: runs.length,
      events: meanOf(runs.map((v) => v.summary?.records.used ?? null)),
      signals: meanOf(runs.map((v) => v.summary?.signals ?? v.eval.alertReduction.signals)),
      foundational: meanOf(runs.map((v) => v.eval.alertReduction.foundationalFindings)),
      sequences: meanOf(runs.map((v) => v.eval.alertReduction.sequenceFindings)),
      reductionFactor: meanOf(runs.map((v) => v.eval.alertReduction.reductionFactor)),
    };
  });
}

function meanOf(xs: (number | null)[]): number | null {
  const values = xs.filter((x): x is number => x !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
