/** Variant comparison: metrics with intervals, PR curves per variant, paired differences against the baseline. */
import type { ReportInput } from "../input.ts";
import { esc } from "../html.ts";
import { withCi } from "../format.ts";
import { chartFigure } from "../figure.ts";
import { metricIntervalsChart, type IntervalRow } from "../charts/metric-intervals.ts";
import { prCurvesChart } from "../charts/pr-curves.ts";
import { headlineMetrics, REPORT_METRICS, type MetricUnit } from "../model/metrics.ts";
import { curveRows, operatingPoints, MAX_CURVE_POINTS } from "../model/curves.ts";
import { variantOrder } from "../model/variants.ts";

const labelOf = new Map(REPORT_METRICS.map((m) => [m.metric, m]));
const UNIT_TITLES: Record<Exclude<MetricUnit, "share">, string> = { rate: "per 100 account-days", minutes: "minutes", factor: "foundational findings per analyst item" };

/** The section's HTML. */
export function variantsSection(input: ReportInput): string {
  const variants = variantOrder(input);
  const cells = headlineMetrics(input);
  const rows = (unit: MetricUnit): IntervalRow[] =>
    cells.filter((c) => labelOf.get(c.metric)?.unit === unit).map((c) => ({ metric: labelOf.get(c.metric)!.label, variant: c.variant, mean: c.mean, low: c.ciLow, high: c.ciHigh, n: c.n }));
  const interval = input.aggregate ? `${Math.round(input.aggregate.confidence * 100)}% CI over runs` : "no interval: one run";
  const shareRows = rows("share");
  const shares = shareRows.some((r) => r.mean !== null)
    ? chartFigure("metrics-shares", metricIntervalsChart(shareRows, { title: `Detection quality (${interval})`, xTitle: "share", variants, domain: [0, 1] }))
    : `<p class="note">No detection-quality metric is defined (no attack campaign and no raised sequence).</p>`;
  const others = (["rate", "minutes", "factor"] as const).flatMap((unit) => {
    const r = rows(unit);
    if (r.every((x) => x.mean === null)) return [];
    return [chartFigure(`metrics-${unit}`, metricIntervalsChart(r, { title: r[0]!.metric, xTitle: UNIT_TITLES[unit], variants, width: 300, legend: false }))];
  });
  const curves = curveRows(input);
  return [
    `<p class="note">${input.aggregate ? `Each dot is a variant's mean over runs, each bar its ${esc(interval)}.` : "Each dot is a variant's value on this run; several seeds (a comparison) give intervals."}</p>`,
    shares,
    `<div class="charts">${others.join("")}</div>`,
    `<h3>Precision-recall curves</h3>`,
    curves.length
      ? chartFigure("pr-curves", prCurvesChart(curves, operatingPoints(input), variants), `Every candidate sequence, below threshold too, swept from the highest score down (at most ${MAX_CURVE_POINTS} points per run kept, every recall step among them).`)
      : `<p class="note">No candidate sequence had a defined precision and recall: nothing to draw.</p>`,
    `<h3>Paired differences</h3>`,
    pairedDifferences(input, variants),
  ].join("\n");
}

function pairedDifferences(input: ReportInput, variants: readonly string[]): string {
  const agg = input.aggregate;
  if (!agg || agg.baseline === null || agg.paired.length === 0)
    return `<p class="note">Paired differences need several runs and a baseline variant (a comparison with <code>--baseline</code>).</p>`;
  const others = variants.filter((v) => v !== agg.baseline);
  const shown = REPORT_METRICS.filter((m) => agg.paired.some((p) => p.metric === m.metric));
  const find = (v: string, m: string) => agg.paired.find((p) => p.variant === v && p.metric === m);
  const rows: IntervalRow[] = shown
    .filter((m) => m.unit === "share")
    .flatMap((m) => others.map((v) => ({ variant: v, metric: m.label, ...estimate(find(v, m.metric)) })));
  const head = `<tr><th>variant − ${esc(agg.baseline)}</th>${shown.map((m) => `<th class="num">${esc(m.label)}</th>`).join("")}</tr>`;
  const body = others.map((v) => `<tr><td>${esc(v)}</td>${shown.map((m) => {
    const p = find(v, m.metric);
    return `<td class="num" title="n = ${p?.n ?? 0} paired runs">${esc(p ? withCi(p.mean, p.ciLow, p.ciHigh) : "–")}</td>`;
  }).join("")}</tr>`);
  return [
    `<p class="note">Each variant minus ${esc(agg.baseline)} on the same runs (seeds), with a ${Math.round(agg.confidence * 100)}% bootstrap interval: an interval clear of 0 is a difference the seeds agree on.</p>`,
    `<div class="scroll"><table><thead>${head}</thead><tbody>${body.join("")}</tbody></table></div>`,
    rows.some((r) => r.mean !== null)
      ? chartFigure("paired-shares", metricIntervalsChart(rows, { title: `Difference from ${agg.baseline} (shares)`, xTitle: `variant − ${agg.baseline}`, variants, reference: 0 }))
      : "",
  ].join("\n");
}

function estimate(p: { n: number; mean: number | null; ciLow: number | null; ciHigh: number | null } | undefined): Pick<IntervalRow, "mean" | "low" | "high" | "n"> {
  return p ? { mean: p.mean, low: p.ciLow, high: p.ciHigh, n: p.n } : { mean: null, low: null, high: null, n: 0 };
}
