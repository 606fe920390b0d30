/** Scenario × variant heatmap of detection rates, with the counts behind each cell. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG } from "./spec.ts";

/** One scenario under one variant. */
export interface HeatmapCell {
  scenario: string;
  variant: string;
  rate: number | null;
  /** "detected/campaigns". */
  label: string;
}

/** Rects coloured by rate on [0, 1]; the count label inside each. */
export function recallHeatmapChart(cells: readonly HeatmapCell[], opts: { title: string; variants: readonly string[]; scenarios: readonly string[]; rateTitle: string }): ChartSpec {
  const x = { field: "variant", type: "nominal" as const, sort: [...opts.variants], title: null, axis: { labelAngle: 0 } };
  const y = { field: "scenario", type: "nominal" as const, sort: [...opts.scenarios], title: null, axis: { labelLimit: 280 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    width: { step: 110 },
    height: { step: 20 },
    data: { values: [...cells] },
    layer: [
      {
        mark: { type: "rect", stroke: "#fff", strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: { field: "rate", type: "quantitative", title: opts.rateTitle, scale: { domain: [0, 1], scheme: "blues" } },
          tooltip: [
            { field: "scenario", type: "nominal" },
            { field: "variant", type: "nominal" },
            { field: "label", type: "nominal", title: "detected/campaigns" },
            { field: "rate", type: "quantitative", format: ".2f" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          x,
          y,
          text: { field: "label", type: "nominal" },
          color: { condition: { test: "datum.rate > 0.6", value: "#fff" }, value: "#222" },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
