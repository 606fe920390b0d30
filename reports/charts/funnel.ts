/** The alert funnel: events → signals → foundational findings → sequences, grouped by variant on a log axis. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG, variantScale } from "./spec.ts";

/** One stage of one variant's funnel (a mean over runs). */
export interface FunnelBar {
  variant: string;
  stage: string;
  count: number;
}

/** Grouped bars per stage in funnel order, on a log axis: every count must be positive. */
export function funnelChart(bars: readonly FunnelBar[], opts: { stages: readonly string[]; variants: readonly string[] }): ChartSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "From events to what an analyst sees (log scale, mean per run)",
    width: 520,
    height: 260,
    data: { values: [...bars] },
    mark: { type: "bar" },
    encoding: {
      x: { field: "stage", type: "nominal", sort: [...opts.stages], title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "variant", type: "nominal", sort: [...opts.variants] },
      y: { field: "count", type: "quantitative", scale: { type: "log" }, stack: null, title: "count" },
      color: { field: "variant", type: "nominal", scale: variantScale(opts.variants) },
      tooltip: [
        { field: "variant", type: "nominal" },
        { field: "stage", type: "nominal" },
        { field: "count", type: "quantitative", format: ",.0f" },
      ],
    },
    config: CHART_CONFIG,
  };
}
