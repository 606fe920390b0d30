/**
 * The report: one self-contained HTML page (charts compiled in the page by the inlined vega
 * libraries, no request of any kind) and the ATT&CK Navigator layer of its coverage. Pure and
 * deterministic: the same input gives the same bytes.
 */
import type { ReportInput } from "./input.ts";
import { navigatorLayer, type NavigatorLayer } from "./navigator.ts";
import { renderPage } from "./page.ts";
import { pageHeader, summarySection } from "./sections/summary.ts";
import { variantsSection } from "./sections/variants.ts";
import { scenariosSection } from "./sections/scenarios.ts";
import { coverageSection } from "./sections/coverage.ts";
import { funnelSection } from "./sections/funnel.ts";
import { timelinesSection } from "./sections/timelines.ts";

export type { NavigatorLayer } from "./navigator.ts";

/** A rendered report: the page and the layer the CLI writes beside it. */
export interface RenderedReport {
  html: string;
  navigatorLayer: NavigatorLayer;
}

/** Render `input` as the HTML page and the Navigator layer. */
export function renderReport(input: ReportInput): RenderedReport {
  const layer = navigatorLayer(input);
  const layerVariant = layer.metadata.find((m) => m.name === "variant")!.value;
  const html = renderPage({
    title: input.title,
    header: pageHeader(input),
    sections: [
      { id: "summary", title: "Summary", html: summarySection(input) },
      { id: "variants", title: "Variant comparison", html: variantsSection(input) },
      { id: "scenarios", title: "Per scenario", html: scenariosSection(input) },
      { id: "coverage", title: "ATT&CK coverage", html: coverageSection(input, layerVariant) },
      { id: "funnel", title: "Alert funnel", html: funnelSection(input) },
      { id: "timelines", title: "Attack sequences", html: timelinesSection(input) },
    ],
  });
  return { html, navigatorLayer: layer };
}
