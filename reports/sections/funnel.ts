/** The funnel: events → signals → foundational findings → sequences, and the alert reduction it buys. */
import type { ReportInput } from "../input.ts";
import { esc } from "../html.ts";
import { int, num } from "../format.ts";
import { chartFigure } from "../figure.ts";
import { funnelChart, type FunnelBar } from "../charts/funnel.ts";
import { funnel } from "../model/funnel.ts";
import { variantOrder } from "../model/variants.ts";

const STAGES = ["events", "signals", "foundational findings", "sequences"] as const;

/** The section's HTML. */
export function funnelSection(input: ReportInput): string {
  const variants = variantOrder(input);
  const rows = funnel(input);
  const bars: FunnelBar[] = rows.flatMap((r) =>
    // A log axis has no 0: empty stages show in the table only.
    ([r.events, r.signals, r.foundational, r.sequences] as const).flatMap((count, i) => (count === null || count <= 0 ? [] : [{ variant: r.variant, stage: STAGES[i]!, count }])),
  );
  const body = rows.map(
    (r) =>
      `<tr><td>${esc(r.variant)}</td><td class="num">${int(r.events)}</td><td class="num">${int(r.signals)}</td><td class="num">${int(r.foundational)}</td><td class="num">${num(r.sequences, 1)}</td><td class="num">${num(r.reductionFactor, 1)}</td></tr>`,
  );
  return [
    `<p class="note">Records the detector used, the raw signals it raised, the foundational findings they became, and the attack sequences that correlate them${input.runs.length > 1 ? " (means per run)" : ""}. The alert reduction factor is foundational findings per analyst item (sequences plus foundational findings no sequence contains). "–": the detector wrote no summary of its records and signals.</p>`,
    bars.length ? chartFigure("funnel", funnelChart(bars, { stages: STAGES, variants })) : "",
    `<div class="scroll"><table><thead><tr><th>variant</th><th class="num">events</th><th class="num">signals</th><th class="num">foundational findings</th><th class="num">sequences</th><th class="num">reduction factor</th></tr></thead><tbody>${body.join("")}</tbody></table></div>`,
  ].join("\n");
}
