/**
 * Loading a report's input from disk: a run directory (manifest, truth, every
 * `findings/<variant>.ndjson` evaluated in-process with eval's functions) or a comparison
 * directory (`comparison.json` and its `runs/<name>/` run directories).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import { describeIssue } from "../schema/describe-issue.ts";
import { manifestSchema, type Manifest } from "../schema/manifest.ts";
import { EvalInputError } from "../eval/inputs.ts";
import type { ReportAggregate, ReportInput, ReportRun } from "../reports/input.ts";
import { UsageError } from "./errors.ts";
import { evaluateFiles, variantsOf } from "./eval.ts";
import { reportCampaigns, reportSequences } from "./report-sequences.ts";
import { reproduceCommand } from "./simulate.ts";

/** Options of the loaders. */
export interface LoadOptions {
  /** When the report data is produced; leave it out (null) for byte-identical reruns. */
  generatedAt?: string | null;
}

/** The report input of one run directory, all its variants. */
export async function loadRunReport(runDir: string, opts: LoadOptions = {}): Promise<ReportInput> {
  const run = await loadRun(runDir, basename(resolve(runDir)), "--run");
  const manifest = readManifest(runDir);
  // Simulate and detect first when the run is seqlab's own, so the one line rebuilds everything.
  const variants = run.variants.map((v) => v.variant).join(" ");
  const steps = manifest === null ? [] : [reproduceCommand(manifest.config, runDir), `npm run detect -- --run ${runDir} --variant ${variants}`];
  return {
    kind: "run",
    title: `seqlab run ${run.name}`,
    command: [...steps, `npm run report -- --run ${runDir}`].join(" && "),
    generatedAt: opts.generatedAt ?? null,
    runs: [run],
    aggregate: null,
  };
}

const estimate = { n: z.number().int(), mean: z.number().nullable(), ciLow: z.number().nullable(), ciHigh: z.number().nullable() };

/** `comparison.json`: the aggregate (as eval's `aggregateJson` writes it) and how the comparison was made. */
const comparisonSchema = z.looseObject({
  tool: z.literal("seqlab"),
  kind: z.literal("aggregate"),
  runs: z.array(z.string()),
  variants: z.array(z.string()),
  baseline: z.string().nullable(),
  resamples: z.number().int(),
  confidence: z.number(),
  metrics: z.array(z.object({ variant: z.string(), metric: z.string(), ...estimate })),
  paired: z.array(z.object({ variant: z.string(), baseline: z.string(), metric: z.string(), ...estimate })),
  scenarios: z.array(z.object({ variant: z.string(), scenarioId: z.string(), kind: z.enum(["attack", "benign"]), campaigns: z.number().int(), detected: z.number().int(), rate: z.number().nullable() })),
  command: z.string().optional(),
  suite: z.string().optional(),
});

/** The report input of a comparison directory: its aggregate and the runs and variants it compared (older ones left in `runs/` are not its). */
export async function loadComparisonReport(dir: string, opts: LoadOptions = {}): Promise<ReportInput> {
  requireDir(dir, "--compare", `make one with npm run compare -- --out ${dir}`);
  const file = join(dir, "comparison.json");
  if (!existsSync(file)) throw new UsageError(`--compare ${dir}: no comparison.json there; make one with npm run compare -- --out ${dir}, or pass a single run with --run`);
  const parsed = comparisonSchema.safeParse(readJson(file));
  if (!parsed.success) throw new UsageError(`${file}: ${describeIssue(parsed.error)} — is it what npm run compare writes?`);
  const comparison = parsed.data;
  if (comparison.runs.length === 0) throw new UsageError(`${file}: it compares no runs; rerun npm run compare -- --out ${dir}`);
  const runs: ReportRun[] = [];
  // Named as the aggregate names them (relative to the comparison), so the two line up.
  for (const name of comparison.runs) runs.push(await loadRun(join(dir, name), name, "--compare", comparison.variants));
  const aggregate: ReportAggregate = {
    runs: comparison.runs,
    variants: comparison.variants,
    baseline: comparison.baseline,
    resamples: comparison.resamples,
    confidence: comparison.confidence,
    metrics: comparison.metrics,
    paired: comparison.paired,
    scenarios: comparison.scenarios,
  };
  const suite = comparison.suite ?? runs[0]!.suite;
  return {
    kind: "comparison",
    title: `seqlab comparison: ${comparison.variants.join(", ")} over ${runs.length} run(s)${suite === null ? "" : `, suite ${suite}`}`,
    command: comparison.command ?? `npm run report -- --compare ${dir}`,
    generatedAt: opts.generatedAt ?? null,
    runs,
    aggregate,
  };
}

/** One run, labelled `name`: its manifest (when it has one), and every variant's findings (or `only` those) evaluated against its truth. */
async function loadRun(runDir: string, name: string, flag: string, only?: readonly string[]): Promise<ReportRun> {
  requireDir(runDir, flag, `simulate one (npm run simulate -- --out ${runDir}), then detect (npm run detect -- --run ${runDir})`);
  const truthFile = join(runDir, "truth.json");
  if (!existsSync(truthFile)) throw new UsageError(`${flag} ${runDir}: no truth.json there; is it a seqlab run directory (npm run simulate -- --out ${runDir})?`);
  const manifest = readManifest(runDir);
  const variants: ReportRun["variants"] = [];
  let campaigns: ReportRun["campaigns"] = [];
  try {
    const found = variantsOf(runDir);
    const missing = (only ?? []).filter((v) => !found.includes(v));
    if (missing.length > 0) throw new UsageError(`${flag} ${runDir}: no findings for ${missing.join(", ")}; rerun npm run compare (or npm run detect -- --run ${runDir} --variant ${missing.join(" ")})`);
    for (const variant of only ?? found) {
      const findingsFile = join(runDir, "findings", `${variant}.ndjson`);
      const { truth, findings, summary, report } = await evaluateFiles(truthFile, findingsFile, join(runDir, "findings", `${variant}.summary.json`), false, variant);
      if (variants.length === 0) campaigns = reportCampaigns(truth);
      variants.push({ variant, eval: report, summary, sequences: reportSequences(truth, findings) });
    }
  } catch (e) {
    if (e instanceof EvalInputError) throw new UsageError(e.message);
    throw e;
  }
  const config = manifest?.config;
  return {
    name,
    seed: config?.seed ?? null,
    suite: config?.suite ?? null,
    days: config?.days ?? null,
    accounts: config?.accounts ?? null,
    command: manifest?.command ?? null,
    campaigns,
    variants,
  };
}

/** The run's manifest, or null for a run without one (findings and truth from elsewhere). */
function readManifest(runDir: string): Manifest | null {
  const file = join(runDir, "manifest.json");
  if (!existsSync(file)) return null;
  const parsed = manifestSchema.safeParse(readJson(file));
  if (!parsed.success) throw new UsageError(`${file}: ${describeIssue(parsed.error)} — a seqlab run's manifest.json is written by npm run simulate`);
  return parsed.data;
}

function requireDir(dir: string, flag: string, hint: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${flag} ${dir}: no such directory; ${hint}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}
