/**
 * The attack-sequence findings. A single run shows every raised sequence finding as a timeline
 * card. A comparison (many runs × variants) shows the first run's findings as cards, grouped by
 * variant, up to a size budget, and lists every other finding as a one-line row in a collapsed
 * list, so the page stays small; the page says which is which.
 */
import type { ReportInput, ReportRun, ReportSequence, ReportVariantRun } from "../input.ts";
import { esc } from "../html.ts";
import { int, num, utc } from "../format.ts";
import { timelineCard, verdictBadge } from "./timeline.ts";

/** Bytes of timeline cards a comparison page may hold before the rest become rows (the page's limit is 5 MB). */
export const COMPARISON_TIMELINE_BUDGET = 2_500_000;

/**
 * The section's HTML. A comparison's cards share `budget` bytes equally among the first run's
 * variants, so every variant shows some; a single run shows every finding.
 */
export function timelinesSection(input: ReportInput, budget = COMPARISON_TIMELINE_BUDGET): string {
  const comparison = input.kind === "comparison";
  const perVariant = comparison ? budget / Math.max(1, input.runs[0]?.variants.length ?? 1) : Number.POSITIVE_INFINITY;
  let truncated = false;
  let anchor = 0;
  let cards = 0;
  let rows = 0;
  const parts: string[] = [];
  input.runs.forEach((run, runIndex) => {
    for (const v of run.variants) {
      const heading = `<h3>${esc(v.variant)} on ${esc(run.name)}: ${groupCounts(v)}</h3>`;
      if (v.sequences.length === 0) {
        parts.push(heading, `<p class="note">No sequence finding above threshold.</p>`);
        continue;
      }
      let left = runIndex === 0 ? perVariant : 0;
      const full: string[] = [];
      const listed: ReportSequence[] = [];
      for (const seq of v.sequences) {
        if (left > 0) {
          const card = timelineCard(seq, { run: run.name, variant: v.variant, anchor: `tl-${++anchor}` });
          left -= Buffer.byteLength(card);
          full.push(card);
        } else {
          truncated ||= runIndex === 0;
          listed.push(seq);
        }
      }
      cards += full.length;
      rows += listed.length;
      parts.push(heading);
      if (full.length) parts.push(indexTable(v.sequences.slice(0, full.length), anchor - full.length + 1), ...full);
      if (listed.length) parts.push(`<details class="entities"><summary>${int(listed.length)} sequence findings of ${esc(v.variant)} on ${esc(run.name)}, one line each</summary>${findingRows(listed, run)}</details>`);
    }
  });
  const shown = comparison
    ? `This comparison shows ${int(cards)} sequence findings as timelines (the first run, ${esc(input.runs[0]?.name ?? "")}, grouped by variant${truncated ? `, up to ${num(budget / 1e6, 1)} MB of them` : ""}) and lists the other ${int(rows)} as one line each in collapsed lists.`
    : `Every above-threshold sequence finding of the evaluation period: ${int(cards)}.`;
  return [
    `<p class="note">${shown} Signals sit in ATT&amp;CK tactic lanes in kill-chain order (one mark per signal kind, from its first to its last occurrence; hover for evidence). Shaded bands are the truth campaign's stages: green when this finding holds one of the stage's events, dashed red when it missed the stage. The red dashed line is when the detector raised the finding.</p>`,
    ...parts,
  ].join("\n");
}

function groupCounts(v: ReportVariantRun): string {
  const n = (verdict: ReportSequence["verdict"]) => v.sequences.filter((s) => s.verdict === verdict).length;
  return `${int(v.sequences.length)} sequence findings (${int(n("true-positive"))} true, ${int(n("false-positive"))} false, ${int(n("duplicate"))} duplicate)`;
}

/** Links to the cards of a group, numbered from `first`. */
function indexTable(seqs: readonly ReportSequence[], first: number): string {
  const rows = seqs.map((s, i) => `<tr><td><a href="#tl-${first + i}">${esc(s.finding.type)}</a></td><td class="num">${num(s.finding.seqlab.score)}</td><td>${esc(utc(s.finding.seqlab.detectedAt))}</td><td>${verdictBadge(s.verdict)}</td><td>${esc(truthLabel(s))}</td></tr>`);
  return `<div class="scroll"><table><thead><tr><th>finding</th><th class="num">score</th><th>detected</th><th>verdict</th><th>truth</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** One line per finding, for findings without a card. */
function findingRows(seqs: readonly ReportSequence[], run: ReportRun): string {
  const rows = seqs.map(
    (s) =>
      `<tr data-listed-finding-id="${esc(s.finding.id)}" data-run="${esc(run.name)}"><td><code>${esc(s.finding.id)}</code></td><td>${esc(s.finding.type)}</td><td class="num">${num(s.finding.seqlab.score)}</td><td>${esc(utc(s.finding.seqlab.detectedAt))}</td><td>${verdictBadge(s.verdict)}</td><td>${esc(truthLabel(s))}</td></tr>`,
  );
  return `<div class="scroll"><table><thead><tr><th>finding id</th><th>type</th><th class="num">score</th><th>detected</th><th>verdict</th><th>truth</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function truthLabel(s: ReportSequence): string {
  if (!s.truth) return `no campaign${s.persona ? ` (${s.persona})` : ""}`;
  const covered = s.truth.stages.filter((x) => x.covered).length;
  return `${s.truth.scenarioId} ${s.truth.campaignId}, ${covered}/${s.truth.stages.length} stages`;
}
