/** Precision-recall curves from each variant's threshold sweep, one line per run, with the operating point. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG, variantScale } from "./spec.ts";

/** One sampled point of a run's sweep. */
export interface CurveRow {
  variant: string;
  run: string;
  /** Position along the sweep (high threshold first), so the line follows the sweep. */
  step: number;
  threshold: number;
  recall: number;
  precision: number;
}

/** A variant's precision and recall at its own threshold on one run. */
export interface OperatingPoint {
  variant: string;
  run: string;
  recall: number;
  precision: number;
}

/** Step lines of precision against recall; filled points where each variant operates. */
export function prCurvesChart(curves: readonly CurveRow[], points: readonly OperatingPoint[], variants: readonly string[]): ChartSpec {
  const color = { field: "variant", type: "nominal" as const, scale: variantScale(variants) };
  const x = { field: "recall", type: "quantitative" as const, scale: { domain: [0, 1] }, title: "recall" };
  const y = { field: "precision", type: "quantitative" as const, scale: { domain: [0, 1] }, title: "precision" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Precision-recall over the score sweep (one line per run; dots: each variant's threshold)",
    width: 520,
    height: 320,
    layer: [
      {
        data: { values: [...curves] },
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.5, opacity: 0.8 },
        encoding: {
          x,
          y,
          color,
          detail: { field: "run", type: "nominal" },
          order: { field: "step", type: "quantitative" },
          tooltip: [
            { field: "variant", type: "nominal" },
            { field: "run", type: "nominal" },
            { field: "threshold", type: "quantitative", format: ".2f" },
            { field: "recall", type: "quantitative", format: ".3f" },
            { field: "precision", type: "quantitative", format: ".3f" },
          ],
        },
      },
      {
        data: { values: [...points] },
        mark: { type: "point", filled: true, size: 70, stroke: "#222", strokeWidth: 0.8 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: "variant", type: "nominal" },
            { field: "run", type: "nominal" },
            { field: "recall", type: "quantitative", format: ".3f" },
            { field: "precision", type: "quantitative", format: ".3f" },
          ],
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
