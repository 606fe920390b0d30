/** Horizontal bars of false-positive counts by a label (benign episode or persona), one bar per variant. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG, variantScale } from "./spec.ts";

/** One label under one variant. */
export interface CountRow {
  label: string;
  variant: string;
  count: number;
}

/** Grouped bars, labels ordered by their total count. */
export function falsePositivesChart(rows: readonly CountRow[], opts: { title: string; labelTitle: string; variants: readonly string[] }): ChartSpec {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.label, (totals.get(r.label) ?? 0) + r.count);
  const labels = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([l]) => l);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: opts.title,
    width: 420,
    height: { step: 9, for: "offset" },
    data: { values: [...rows] },
    mark: { type: "bar" },
    encoding: {
      y: { field: "label", type: "nominal", sort: labels, title: opts.labelTitle, axis: { labelLimit: 240 } },
      yOffset: { field: "variant", type: "nominal", sort: [...opts.variants] },
      x: { field: "count", type: "quantitative", title: "false-positive sequences", axis: { tickMinStep: 1 } },
      color: { field: "variant", type: "nominal", scale: variantScale(opts.variants) },
      tooltip: [
        { field: "label", type: "nominal", title: opts.labelTitle },
        { field: "variant", type: "nominal" },
        { field: "count", type: "quantitative" },
      ],
    },
    config: CHART_CONFIG,
  };
}
