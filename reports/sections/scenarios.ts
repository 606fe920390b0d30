/** Per scenario: recall heatmap, look-alike flag rates, time to detect, false positives by episode and persona. */
import type { ReportInput } from "../input.ts";
import { esc } from "../html.ts";
import { duration } from "../format.ts";
import { chartFigure } from "../figure.ts";
import { recallHeatmapChart, type HeatmapCell } from "../charts/recall-heatmap.ts";
import { timeToDetectChart } from "../charts/time-to-detect.ts";
import { falsePositivesChart } from "../charts/false-positives.ts";
import { detectionDelays } from "../model/time-to-detect.ts";
import { falsePositivesByEpisode, falsePositivesByPersona } from "../model/false-positives.ts";
import { compare } from "../model/order.ts";
import { variantOrder } from "../model/variants.ts";

/** The section's HTML. */
export function scenariosSection(input: ReportInput): string {
  const variants = variantOrder(input);
  const runs = input.runs.length;
  const over = runs === 1 ? "" : ` (pooled over ${runs} runs)`;
  const delays = detectionDelays(input);
  const byEpisode = falsePositivesByEpisode(input);
  const byPersona = falsePositivesByPersona(input);
  return [
    `<div class="charts">`,
    heatmap(input, "attack", variants, `Recall per attack scenario${over}`, "recall"),
    heatmap(input, "benign", variants, `Benign look-alike episodes flagged${over}`, "share flagged"),
    `</div>`,
    `<h3>Time to detect</h3>`,
    delays.length
      ? chartFigure("time-to-detect", timeToDetectChart(delays.map((d) => ({ variant: d.variant, run: d.run, campaign: d.campaignId, scenario: d.scenarioId, hours: d.minutes / 60 })), variants), medianLine(delays, variants))
      : `<p class="note">No campaign was detected, so there is no time to detect.</p>`,
    `<h3>False positives</h3>`,
    `<div class="charts">`,
    byEpisode.length
      ? chartFigure("fp-episode", falsePositivesChart(byEpisode, { title: `False positives by benign episode${over}`, labelTitle: "episode (scenario)", variants }), "Raised sequences on a benign look-alike episode, by its scenario, and those on no campaign at all (background activity).")
      : `<p class="note">No false positive.</p>`,
    byPersona.length
      ? chartFigure("fp-persona", falsePositivesChart(byPersona, { title: `Background false positives by persona${over}`, labelTitle: "persona of the main actor", variants }), "False positives on no campaign, by the persona truth gives their main actor.")
      : "",
    `</div>`,
  ].join("\n");
}

function heatmap(input: ReportInput, kind: "attack" | "benign", variants: readonly string[], title: string, rateTitle: string): string {
  const sums = new Map<string, { campaigns: number; detected: number }>();
  for (const run of input.runs)
    for (const v of run.variants)
      for (const s of v.eval.perScenario) {
        if (s.kind !== kind) continue;
        const key = `${s.scenarioId}\u0000${v.variant}`;
        const sum = sums.get(key) ?? { campaigns: 0, detected: 0 };
        sum.campaigns += s.campaigns;
        sum.detected += s.detected;
        sums.set(key, sum);
      }
  if (sums.size === 0) return `<p class="note">No ${kind === "attack" ? "attack campaign" : "benign look-alike episode"} in the evaluation period.</p>`;
  const cells: HeatmapCell[] = [...sums.entries()].map(([key, s]) => {
    const [scenario, variant] = key.split("\u0000") as [string, string];
    return { scenario, variant, rate: s.campaigns ? s.detected / s.campaigns : null, label: `${s.detected}/${s.campaigns}` };
  });
  const scenarios = [...new Set(cells.map((c) => c.scenario))].sort(compare);
  return chartFigure(`heatmap-${kind}`, recallHeatmapChart(cells, { title, variants, scenarios, rateTitle }));
}

function medianLine(delays: ReturnType<typeof detectionDelays>, variants: readonly string[]): string {
  const parts = variants.flatMap((v) => {
    const xs = delays.filter((d) => d.variant === v).map((d) => d.minutes).sort((a, b) => a - b);
    if (xs.length === 0) return [];
    const mid = xs.length / 2;
    const median = xs.length % 2 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2;
    return [`${esc(v)} ${duration(median)} (${xs.length} campaigns)`];
  });
  return `One tick per detected campaign, from the campaign's start to the detector's first finding on it; diamonds are medians. Medians: ${parts.join("; ")}.`;
}
