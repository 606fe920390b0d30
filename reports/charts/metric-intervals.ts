/** Means with confidence-interval error bars, one row per metric, one mark per variant. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG, variantScale } from "./spec.ts";

/** One metric of one variant as the chart reads it. */
export interface IntervalRow {
  metric: string;
  variant: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

/**
 * Points at the mean and rules from `low` to `high` (only where an interval exists). `domain`
 * fixes the x axis, e.g. [0, 1] for shares; `reference` draws a vertical rule (0 for differences).
 */
export function metricIntervalsChart(
  rows: readonly IntervalRow[],
  opts: { title: string; xTitle: string; variants: readonly string[]; domain?: [number, number]; reference?: number; width?: number; legend?: boolean },
): ChartSpec {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const x = { type: "quantitative" as const, title: opts.xTitle, ...(opts.domain && { scale: { domain: opts.domain, nice: false } }) };
  // One metric needs no row label: the title names it.
  const y = { field: "metric", type: "nominal" as const, title: null, sort: metrics, axis: metrics.length > 1 ? { labelLimit: 240 } : null };
  const color = { field: "variant", type: "nominal" as const, title: "variant", scale: variantScale(opts.variants), ...(opts.legend === false && { legend: null }) };
  const yOffset = { field: "variant", type: "nominal" as const, sort: [...opts.variants] };
  const tooltip = [
    { field: "metric", type: "nominal" as const },
    { field: "variant", type: "nominal" as const },
    { field: "mean", type: "quantitative" as const, format: ".3f" },
    { field: "low", type: "quantitative" as const, format: ".3f", title: "CI low" },
    { field: "high", type: "quantitative" as const, format: ".3f", title: "CI high" },
    { field: "n", type: "quantitative" as const, title: "runs" },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    width: opts.width ?? 520,
    height: { step: 11, for: "offset" },
    data: { values: rows.filter((r) => r.mean !== null) },
    layer: [
      ...(opts.reference === undefined ? [] : [{ mark: { type: "rule" as const, color: "#888", strokeDash: [4, 3] }, encoding: { x: { datum: opts.reference, type: "quantitative" as const } } }]),
      // Without any interval (one run) the layer would have an empty, infinite extent.
      ...(rows.some(hasInterval)
        ? [
            {
              transform: [{ filter: "isValid(datum.low) && isValid(datum.high)" }],
              mark: { type: "rule" as const, strokeWidth: 2 },
              encoding: { x: { field: "low", ...x }, x2: { field: "high" }, y, yOffset, color, tooltip },
            },
          ]
        : []),
      { mark: { type: "point", filled: true, size: 60 }, encoding: { x: { field: "mean", ...x }, y, yOffset, color, tooltip } },
    ],
    config: CHART_CONFIG,
  };
}

function hasInterval(r: IntervalRow): boolean {
  return r.mean !== null && r.low !== null && r.high !== null;
}
