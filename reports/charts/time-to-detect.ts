/** Distribution of time to detect: one tick per detected campaign, a diamond at each variant's median. */
import type { ChartSpec } from "./spec.ts";
import { CHART_CONFIG, variantScale } from "./spec.ts";

/** One detected campaign's delay, in hours. */
export interface DelayRow {
  variant: string;
  run: string;
  campaign: string;
  scenario: string;
  hours: number;
}

const TICK_HOURS = [0, 0.25, 0.5, 1, 2, 4, 8, 12, 24, 48, 96, 168, 336];

/** Ticks on a symlog hour axis (delays span minutes to days), one row per variant. */
export function timeToDetectChart(rows: readonly DelayRow[], variants: readonly string[]): ChartSpec {
  const y = { field: "variant", type: "nominal" as const, sort: [...variants], title: null };
  // A symlog axis gets crowded automatic ticks; these read as durations.
  const longest = Math.max(0, ...rows.map((r) => r.hours));
  const ticks = TICK_HOURS.filter((h, i) => h <= longest || TICK_HOURS[i - 1]! < longest);
  const x = { field: "hours", type: "quantitative" as const, title: "hours from campaign start to first detection", scale: { type: "symlog" as const }, axis: { values: ticks } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Time to detect, per detected campaign",
    width: 520,
    height: { step: 28 },
    data: { values: [...rows] },
    layer: [
      {
        mark: { type: "tick", thickness: 2, opacity: 0.6 },
        encoding: {
          x,
          y,
          color: { field: "variant", type: "nominal", scale: variantScale(variants), legend: null },
          tooltip: [
            { field: "variant", type: "nominal" },
            { field: "run", type: "nominal" },
            { field: "scenario", type: "nominal" },
            { field: "campaign", type: "nominal" },
            { field: "hours", type: "quantitative", format: ".2f" },
          ],
        },
      },
      {
        mark: { type: "point", shape: "diamond", filled: true, size: 90, color: "#222" },
        encoding: { x: { aggregate: "median", ...x }, y, tooltip: [{ aggregate: "median", field: "hours", type: "quantitative", format: ".2f", title: "median hours" }] },
      },
    ],
    config: CHART_CONFIG,
  };
}
