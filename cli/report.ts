/**
 * `seqlab report`: render the self-contained HTML report of a run (all its variants) or of a
 * comparison, and the ATT&CK Navigator layer of its coverage beside it.
 */
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { renderReport } from "../reports/render.ts";
import type { ReportInput } from "../reports/input.ts";
import { writeAtomic } from "../simulator/writer.ts";
import { UsageError } from "./errors.ts";
import { bytes, count } from "./format.ts";
import { loadComparisonReport, loadRunReport, type LoadOptions } from "./report-input.ts";

/** Raw option strings as commander hands them over. */
export interface ReportFlags {
  run?: string;
  compare?: string;
  out?: string;
}

/** Options of {@link writeRunReport} and {@link writeComparisonReport}. */
export interface WriteReportOptions extends LoadOptions {
  /** Where the HTML goes (default `<dir>/report.html`); the Navigator layer goes beside it. */
  out?: string;
}

/** What a written report is made of. */
export interface WrittenReport {
  html: string;
  navigatorLayer: string;
  /** Size of the HTML file in bytes. */
  bytes: number;
  /** Raised sequence findings the report lists, over every run and variant. */
  sequences: number;
}

/** Run `seqlab report`. */
export async function runReport(flags: ReportFlags): Promise<void> {
  if (flags.run !== undefined && flags.compare !== undefined) throw new UsageError("give either --run DIR or --compare DIR, not both");
  if (flags.run === undefined && flags.compare === undefined) throw new UsageError("nothing to report: pass --run DIR (a run with findings) or --compare DIR (what npm run compare writes)");
  const opts = flags.out === undefined ? {} : { out: flags.out };
  const written = flags.run !== undefined ? await writeRunReport(flags.run, opts) : await writeComparisonReport(flags.compare!, opts);
  console.log(`seqlab report: ${written.html} (${bytes(written.bytes)}, ${count(written.sequences)} sequence findings shown)`);
  console.log(`  ATT&CK Navigator layer: ${written.navigatorLayer}`);
}

/** Render the report of the run in `runDir` into `<runDir>/report.html` (or `opts.out`). */
export async function writeRunReport(runDir: string, opts: WriteReportOptions = {}): Promise<WrittenReport> {
  return writeReport(await loadRunReport(runDir, opts), opts.out ?? join(runDir, "report.html"));
}

/** Render the report of the comparison in `dir` into `<dir>/report.html` (or `opts.out`). */
export async function writeComparisonReport(dir: string, opts: WriteReportOptions = {}): Promise<WrittenReport> {
  return writeReport(await loadComparisonReport(dir, opts), opts.out ?? join(dir, "report.html"));
}

async function writeReport(input: ReportInput, html: string): Promise<WrittenReport> {
  const rendered = renderReport(input);
  const navigatorLayer = join(dirname(html), "attack-navigator.json");
  await writeAtomic(html, rendered.html);
  await writeAtomic(navigatorLayer, JSON.stringify(rendered.navigatorLayer, null, 2) + "\n");
  const sequences = input.runs.reduce((n, r) => n + r.variants.reduce((m, v) => m + v.sequences.length, 0), 0);
  return { html, navigatorLayer, bytes: statSync(html).size, sequences };
}
