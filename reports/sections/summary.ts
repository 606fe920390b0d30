/** The summary: what was run (runs, seeds, suite, the command that reproduces it) and the headline metrics with intervals. */
import type { ReportInput } from "../input.ts";
import { esc } from "../html.ts";
import { int, utc, withCi } from "../format.ts";
import { headlineMetrics, REPORT_METRICS, type MetricCell } from "../model/metrics.ts";
import { variantOrder } from "../model/variants.ts";

/** The page header: title and what kind of report it is. */
export function pageHeader(input: ReportInput): string {
  const runs = input.runs.length;
  const what = input.kind === "run" ? `One run, ${variantOrder(input).length} variants` : `Comparison of ${variantOrder(input).length} variants over ${runs} run${runs === 1 ? "" : "s"}`;
  return `<h1>${esc(input.title)}</h1><p>${esc(what)}${input.generatedAt ? ` · generated ${esc(utc(input.generatedAt))}` : ""}</p>`;
}

/** The summary section's HTML. */
export function summarySection(input: ReportInput): string {
  const variants = variantOrder(input);
  const agg = input.aggregate;
  const period = input.runs[0]?.variants[0]?.eval.period;
  const suites = [...new Set(input.runs.map((r) => r.suite ?? "unknown"))];
  const facts: [string, string][] = [
    ["report", input.kind === "run" ? "single run" : "comparison"],
    ["runs", input.runs.map((r) => r.name).join(", ")],
    ["seeds", input.runs.map((r) => (r.seed === null ? "unknown" : String(r.seed))).join(", ")],
    ["suite", suites.join(", ")],
    ["variants", variants.join(", ")],
  ];
  if (period) facts.push(["evaluation period", `${utc(period.evaluationStart)} → ${utc(period.end)} (${period.days} days) of the first run`]);
  if (agg) facts.push(["intervals", `${Math.round(agg.confidence * 100)}% bootstrap over runs, ${int(agg.resamples)} resamples${agg.baseline ? `; baseline ${agg.baseline}` : ""}`]);
  return [
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`,
    `<h3>Reproduce</h3><pre class="command">${esc(input.command)}</pre>`,
    runsTable(input),
    `<h3>Headline metrics</h3>`,
    `<p class="note">${
      agg
        ? `Mean over runs with its ${Math.round(agg.confidence * 100)}% bootstrap confidence interval in brackets; n = runs where the metric is defined.`
        : input.runs.length === 1
          ? "Values of the single run (no interval: one run is one sample; compare several seeds for intervals)."
          : "Means over runs (no aggregate was given, so no intervals)."
    } Bold: the best variant for that metric.</p>`,
    metricsTable(headlineMetrics(input), variants),
  ].join("\n");
}

function runsTable(input: ReportInput): string {
  const rows = input.runs.map(
    (r) =>
      `<tr><td>${esc(r.name)}</td><td class="num">${r.seed ?? "–"}</td><td>${esc(r.suite ?? "–")}</td><td class="num">${r.days ?? "–"}</td><td class="num">${r.accounts ?? "–"}</td><td>${r.command ? `<code>${esc(r.command)}</code>` : "–"}</td></tr>`,
  );
  return `<div class="scroll"><table><thead><tr><th>run</th><th class="num">seed</th><th>suite</th><th class="num">days</th><th class="num">accounts</th><th>command that simulates it</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** Variants as rows, metrics as columns, the best value per metric in bold. */
export function metricsTable(cells: readonly MetricCell[], variants: readonly string[]): string {
  const cell = (v: string, m: string) => cells.find((c) => c.variant === v && c.metric === m);
  const best = new Map<string, number>();
  for (const def of REPORT_METRICS) {
    const means = variants.map((v) => cell(v, def.metric)?.mean).filter((x): x is number => x !== null && x !== undefined);
    if (means.length > 1) best.set(def.metric, def.better === "higher" ? Math.max(...means) : Math.min(...means));
  }
  const head = `<tr><th>variant</th>${REPORT_METRICS.map((d) => `<th class="num">${esc(d.label)}</th>`).join("")}</tr>`;
  const body = variants.map((v) => {
    const tds = REPORT_METRICS.map((d) => {
      const c = cell(v, d.metric);
      const digits = d.unit === "share" ? 2 : 1;
      const isBest = c?.mean !== null && c?.mean !== undefined && best.get(d.metric) === c.mean;
      return `<td class="num${isBest ? " best" : ""}" title="n = ${c?.n ?? 0}">${esc(c ? withCi(c.mean, c.ciLow, c.ciHigh, digits) : "–")}</td>`;
    });
    return `<tr><td>${esc(v)}</td>${tds.join("")}</tr>`;
  });
  return `<div class="scroll"><table class="metrics"><thead>${head}</thead><tbody>${body.join("")}</tbody></table></div>`;
}
