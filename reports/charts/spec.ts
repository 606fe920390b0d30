/** What every chart builder returns, and the look all charts share. */
import type { TopLevelSpec } from "vega-lite";

/** A vega-lite spec with its data inlined (no URL: the page makes no request). */
export type ChartSpec = TopLevelSpec;

/** Shared config: the page's font, quiet axes, no view border. */
export const CHART_CONFIG = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#e6e6e6" },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 13, anchor: "start" as const, offset: 8 },
} as const;

/** A colour scale with the report's variant order as its domain, so a variant keeps its colour in every chart. */
export function variantScale(variants: readonly string[]): { domain: string[]; scheme: "tableau10" } {
  return { domain: [...variants], scheme: "tableau10" };
}
