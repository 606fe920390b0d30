/**
 * PR curves for the page: every run's threshold sweep thinned to at most `max` points (a sweep
 * has one point per distinct score, thousands on a large run), keeping both ends and every point
 * where recall changes so the steps stay where they are.
 */
import type { CurvePoint } from "../../eval/report.ts";
import type { ReportInput } from "../input.ts";
import type { CurveRow, OperatingPoint } from "../charts/pr-curves.ts";

/** Points per run and variant the page keeps. */
export const MAX_CURVE_POINTS = 160;

/** Every run × variant sweep, thinned, as chart rows; points with undefined precision or recall are left out. */
export function curveRows(input: ReportInput, max = MAX_CURVE_POINTS): CurveRow[] {
  return input.runs.flatMap((run) =>
    run.variants.flatMap((v) =>
      thin(v.eval.curve.filter((p): p is CurvePoint & { precision: number; recall: number } => p.precision !== null && p.recall !== null), max).map((p, step) => ({
        variant: v.variant,
        run: run.name,
        step,
        threshold: p.threshold,
        recall: p.recall,
        precision: p.precision,
      })),
    ),
  );
}

/** Each variant's precision and recall at its own threshold, per run. */
export function operatingPoints(input: ReportInput): OperatingPoint[] {
  return input.runs.flatMap((run) =>
    run.variants.flatMap((v) => (v.eval.sequence.precision === null || v.eval.sequence.recall === null ? [] : [{ variant: v.variant, run: run.name, recall: v.eval.sequence.recall, precision: v.eval.sequence.precision }])),
  );
}

/**
 * At most `max` points: the first, the last and the points where recall rises (the curve's
 * corners) take priority; the rest are evenly spaced.
 */
export function thin<T extends { recall: number }>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const keep = new Set<number>([0, points.length - 1]);
  for (let i = 1; i < points.length && keep.size < max; i++) if (points[i]!.recall !== points[i - 1]!.recall) keep.add(i);
  const stride = points.length / Math.max(1, max - keep.size);
  for (let k = 0; keep.size < max && k * stride < points.length; k++) keep.add(Math.floor(k * stride));
  // Evenly spaced picks that fell on kept corners leave a few places: fill them in order.
  for (let i = 0; keep.size < max && i < points.length; i++) keep.add(i);
  return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
}
