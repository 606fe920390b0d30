/**
 * A chart's place in the page: a container the boot script fills with vega-embed, and the spec
 * beside it as inert JSON (escaped so no string in the data can close the script element).
 */
import type { ChartSpec } from "./charts/spec.ts";
import { esc, scriptJson } from "./html.ts";

/** A figure holding chart `id` (unique in the page) with an optional caption. */
export function chartFigure(id: string, spec: ChartSpec, caption?: string): string {
  const specId = `spec-${id}`;
  return (
    `<figure class="chart"><div class="vega" id="chart-${esc(id)}" data-chart="${esc(specId)}"></div>` +
    `<script type="application/json" id="${esc(specId)}">${scriptJson(spec)}</script>` +
    (caption ? `<figcaption>${esc(caption)}</figcaption>` : "") +
    `</figure>`
  );
}
