/**
 * `seqlab eval`: score findings against truth for one run, many runs (with bootstrap intervals and
 * paired differences), or any truth and findings files; writes the eval JSON and prints a summary.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { EvalReport } from "../eval/report.ts";
import type { DetectionSummary, Finding } from "../schema/finding.ts";
import type { Truth } from "../schema/truth.ts";
import { EvalInputError, readFindings, readSummary, readTruth } from "../eval/inputs.ts";
import { evaluate } from "../eval/evaluate.ts";
import { aggregate, aggregateJson, type Aggregate, type RunEvaluation } from "../eval/aggregate.ts";
import { writeAtomic } from "../simulator/writer.ts";
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import { UsageError, intOption } from "./errors.ts";
import { count, ratioText, table } from "./format.ts";

/** Raw option strings as commander hands them over. */
export interface EvalFlags {
  run?: string[];
  variant?: string[];
  truth?: string;
  findings?: string;
  summary?: string;
  out?: string;
  aggregate?: string;
  baseline?: string;
  seed: string;
  resamples: string;
  strict?: boolean;
}

/** Defaults of `seqlab eval`, shown in `--help`. */
export const EVAL_DEFAULTS = { seed: "1", resamples: "2000" } as const;

/** Run `seqlab eval`. */
export async function runEval(flags: EvalFlags): Promise<void> {
  const seed = intOption("seed", flags.seed, 0, 2 ** 32 - 1);
  const resamples = intOption("resamples", flags.resamples, 100, 1_000_000);
  const files = flags.truth !== undefined || flags.findings !== undefined || flags.out !== undefined;
  if (files && flags.run) throw new UsageError("give either --run DIR or --truth/--findings/--out, not both");
  if (!files && !flags.run) throw new UsageError("nothing to evaluate: pass --run DIR (a simulated run with findings), or --truth FILE --findings FILE --out FILE");
  try {
    if (files) {
      if (flags.aggregate) throw new UsageError("--aggregate needs --run DIR (one per seed)");
      if (!flags.truth || !flags.findings || !flags.out) throw new UsageError("--truth, --findings and --out go together: evaluate FINDINGS against TRUTH into OUT");
      const { report } = await evaluateFiles(flags.truth, flags.findings, flags.summary ?? null, flags.strict === true);
      await writeJson(flags.out, report);
      printReport(report, flags.out);
      return;
    }
    const evaluations: RunEvaluation[] = [];
    for (const run of flags.run!) evaluations.push(...(await evaluateRun(run, flags.variant, flags.strict === true)));
    if (evaluations.length === 1) printReport(evaluations[0]!.report, join(flags.run![0]!, "eval", `${evaluations[0]!.report.variant}.json`));
    else printRuns(evaluations);
    if (flags.aggregate) {
      const variants = [...new Set(evaluations.map((e) => e.report.variant))].sort();
      if (flags.baseline && !variants.includes(flags.baseline)) throw new UsageError(`--baseline: ${unknownNameMessage("baseline variant", flags.baseline, variants)}`);
      const result = aggregate(evaluations, { seed, resamples, baseline: flags.baseline ?? null });
      await writeAggregate(flags.aggregate, result);
      printAggregate(result, flags.aggregate);
    } else if (flags.baseline) {
      throw new UsageError("--baseline compares variants over runs: add --aggregate DIR");
    }
  } catch (e) {
    if (e instanceof EvalInputError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Score each variant's `findings/<variant>.ndjson` of a run (default: every variant with findings)
 * against its `truth.json` and write `eval/<variant>.json`; bad input throws {@link UsageError} or
 * {@link EvalInputError}.
 */
export async function evaluateRun(run: string, variants: readonly string[] | undefined, strict: boolean): Promise<RunEvaluation[]> {
  const truthFile = join(run, "truth.json");
  if (!existsSync(truthFile)) throw new UsageError(`--run ${run}: no truth.json there; is it a seqlab run directory (npm run simulate -- --out ${run})?`);
  const evaluations: RunEvaluation[] = [];
  for (const variant of variants ?? variantsOf(run)) {
    const findingsFile = join(run, "findings", `${variant}.ndjson`);
    const { report } = await evaluateFiles(truthFile, findingsFile, join(run, "findings", `${variant}.summary.json`), strict, variant);
    await writeJson(join(run, "eval", `${variant}.json`), report);
    evaluations.push({ run, report });
  }
  return evaluations;
}

/** The variants a run has findings for (`findings/<variant>.ndjson`); a {@link UsageError} when it has none. */
export function variantsOf(run: string): string[] {
  const dir = join(run, "findings");
  const variants = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ndjson")).map((f) => f.slice(0, -".ndjson".length)).sort() : [];
  if (variants.length === 0) throw new UsageError(`--run ${run}: no findings in ${dir}; run a detector first (npm run detect -- --run ${run}), or pass --findings`);
  return variants;
}

/** What {@link evaluateFiles} read, and the evaluation of it. */
export interface EvaluatedFiles {
  truth: Truth;
  findings: Finding[];
  summary: DetectionSummary | null;
  report: EvalReport;
}

/** Read truth, findings and the optional detector summary, and evaluate them (eval's errors are {@link EvalInputError}s). */
export async function evaluateFiles(truthFile: string, findingsFile: string, summaryFile: string | null, strict: boolean, variant?: string): Promise<EvaluatedFiles> {
  const truth = readTruth(truthFile);
  const input = await readFindings(findingsFile, { strict });
  const summary = summaryFile === null ? null : readSummary(summaryFile);
  const report = evaluate({
    truth,
    findings: input.findings,
    summary,
    variant: variant ?? input.findings[0]?.seqlab.variant ?? "unnamed",
    files: { truthFile, findingsFile, summaryFile: summary ? summaryFile : null },
    read: input.read,
    rejected: input.rejected,
  });
  return { truth, findings: input.findings, summary, report };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await writeAtomic(path, JSON.stringify(value, null, 2) + "\n");
}

async function writeAggregate(dir: string, a: Aggregate): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeAtomic(join(dir, "aggregate.json"), JSON.stringify(aggregateJson(a), null, 2) + "\n");
  await writeAggregateTables(dir, a);
}

/** The aggregate's tables as `values`, `metrics`, `paired` and `scenarios` `.csv` and `.arrow` files in `dir`. */
export async function writeAggregateTables(dir: string, a: Aggregate): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [name, t] of [["values", a.values], ["metrics", a.metrics], ["paired", a.paired], ["scenarios", a.scenarios]] as const) {
    await writeAtomic(join(dir, `${name}.csv`), t.toCSV());
    await writeAtomic(join(dir, `${name}.arrow`), t.toArrowIPC({ format: "file" }));
  }
}

const minutes = (m: number | null) => (m === null ? "–" : Math.abs(m) < 120 ? `${m.toFixed(0)} min` : `${(m / 60).toFixed(1)} h`);

/** The readable summary of one evaluation. */
function printReport(r: EvalReport, out: string): void {
  const s = r.sequence;
  const rejected = r.input.rejected;
  console.log(`seqlab eval: variant ${r.variant} — evaluation ${r.period.evaluationStart} → ${r.period.end} (${r.period.days} days, ${r.accounts.count} accounts${r.accounts.source === "observed" ? " seen in truth and findings" : ""})`);
  console.log(`  read ${count(r.input.findingsRead)} findings: ${count(r.input.sequenceCandidates)} sequence candidates, ${count(r.input.foundational)} foundational; set aside ${count(r.input.outsidePeriod)} outside the period, ${count(r.input.onHistoryCampaigns)} on campaigns that started in history; rejected ${count(rejected.length)}`);
  for (const x of rejected.slice(0, 5)) console.log(`    ${r.input.findingsFile}:${x.line}: ${x.reason}`);
  if (rejected.length > 5) console.log(`    … and ${rejected.length - 5} more (all listed in the eval JSON)`);
  console.log(`  sequences   precision ${ratioText(s.precision)} (${s.truePositives}/${s.truePositives + s.falsePositives})  recall ${ratioText(s.recall)} (${s.detectedCampaigns}/${s.attackCampaigns})  F1 ${ratioText(s.f1)}  PR-AUC ${ratioText(s.prAuc)}`);
  console.log(`              ${ratioText(s.falsePer100AccountDays, 1)} false sequences per 100 account-days; ${s.duplicates} duplicates; type as expected for ${s.typeMatched} of ${s.detectedCampaigns}`);
  const t = r.timeToDetect;
  console.log(`  time to detect  median ${minutes(t.medianMinutes)}, p90 ${minutes(t.p90Minutes)}; from the last stage's start, median ${minutes(t.fromLastStageMedianMinutes)}`);
  console.log(`  stage coverage ${ratioText(r.stageCoverage.mean)}; attribution precision ${ratioText(r.attribution.precision)}, recall ${ratioText(r.attribution.recall)}`);
  const a = r.alertReduction;
  console.log(`  alerts  ${a.signals === null ? "" : `${count(a.signals)} signals → `}${count(a.foundationalFindings)} foundational findings → ${count(a.sequenceFindings)} sequences; ${count(a.analystItems)} analyst items (${ratioText(a.analystItemsPerAccountDay)} per account-day)`);
  console.log(`  hard negatives  ${r.hardNegatives.flagged} of ${r.hardNegatives.episodes} benign look-alike episodes flagged\n`);
  console.log(
    table(
      ["scenario", "kind", "campaigns", "detected", "rate", "median TTD", "stage coverage"],
      r.perScenario.map((x) => [x.scenarioId, x.kind, x.campaigns, x.detected, ratioText(x.rate), minutes(x.medianTimeToDetectMinutes), ratioText(x.stageCoverage)]),
    ),
  );
  console.log(`\nWrote ${out}`);
}

/** One line per run × variant. */
function printRuns(evaluations: RunEvaluation[]): void {
  console.log(
    table(
      ["run", "variant", "precision", "recall", "F1", "PR-AUC", "FP/100 acct-days", "median TTD", "rejected"],
      evaluations.map(({ run, report: r }) => [run, r.variant, ratioText(r.sequence.precision), ratioText(r.sequence.recall), ratioText(r.sequence.f1), ratioText(r.sequence.prAuc), ratioText(r.sequence.falsePer100AccountDays, 1), minutes(r.timeToDetect.medianMinutes), r.input.rejected.length]),
    ),
  );
  console.log(`\nWrote eval/<variant>.json in each run`);
}

const HEADLINE = ["sequence.precision", "sequence.recall", "sequence.f1", "sequence.prAuc", "sequence.falsePer100AccountDays"];

function printAggregate(a: Aggregate, dir: string): void {
  console.log(`\n${formatAggregate(a)}`);
  console.log(`\nWrote ${join(dir, "aggregate.json")} and values/metrics/paired/scenarios as .csv and .arrow`);
}

/** The headline metrics as mean [95% CI] per variant, then the paired differences against the baseline, as text tables. */
export function formatAggregate(a: Aggregate): string {
  const cell = (row: Record<string, unknown> | undefined) =>
    row === undefined || row.mean === null ? "–" : `${ratioText(row.mean as number)} [${ratioText(row.ciLow as number)}, ${ratioText(row.ciHigh as number)}]`;
  const rows = (t: Aggregate["metrics"]) => t.objects() as Record<string, unknown>[];
  const find = (t: Aggregate["metrics"], variant: string, metric: string) => rows(t).find((x) => x.variant === variant && x.metric === metric);
  const header = ["variant", ...HEADLINE.map((m) => m.split(".")[1]!)];
  const lines = [
    `Over ${a.runs.length} run(s), mean [95% bootstrap CI, ${a.resamples} resamples, seed ${a.seed}]:`,
    table(header, a.variants.map((v) => [v, ...HEADLINE.map((m) => cell(find(a.metrics, v, m)))])),
  ];
  if (a.baseline) {
    lines.push(`\nPaired differences, variant − ${a.baseline} on the same runs:`);
    lines.push(table(header, a.variants.filter((v) => v !== a.baseline).map((v) => [v, ...HEADLINE.map((m) => cell(find(a.paired, v, m)))])));
  }
  return lines.join("\n");
}
