/**
 * `seqlab compare`: several detector variants on the same simulated estates (one run per seed),
 * evaluated, aggregated over seeds (mean and 95% bootstrap CI, paired differences against a
 * baseline) and rendered as one report. Runs and detections already made with the same config
 * and code are reused, so a rerun only does what changed.
 *
 * Layout of the comparison directory:
 *   runs/seed-<n>/                      complete seqlab runs with findings/ and eval/ per variant
 *   comparison.json                     the aggregate (eval's aggregateJson) + command, suite, seeds, timings
 *   {values,metrics,paired,scenarios}.{csv,arrow}   the aggregate's tables, as `npm run eval -- --aggregate` writes them
 *   report.html, attack-navigator.json  the report
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { aggregate, aggregateJson, type Aggregate, type RunEvaluation } from "../eval/aggregate.ts";
import { EvalInputError } from "../eval/inputs.ts";
import { VariantError, loadVariant, type Variant } from "../detector/variant.ts";
import type { SimulationConfig } from "../schema/manifest.ts";
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import { writeAtomic } from "../simulator/writer.ts";
import { UsageError, intOption } from "./errors.ts";
import { EVAL_DEFAULTS, evaluateRun, formatAggregate, writeAggregateTables } from "./eval.ts";
import { SIMULATE_DEFAULTS, assertSuiteFits, simulationConfig } from "./simulate.ts";
import { ensureRun } from "./run-reuse.ts";
import { defaultDetectWorkers, runDetectJobs, type DetectJob } from "./detect-jobs.ts";
import { writeComparisonReport } from "./report.ts";
import { StageTimer, type StageTimings } from "./stage-timer.ts";
import { bytes } from "./format.ts";

/** Raw option strings as commander hands them over. */
export interface CompareFlags {
  variants: string;
  seeds: string;
  suite: string;
  days: string;
  accounts: string;
  baseline?: string;
  workers?: string;
  out: string;
}

/** Defaults of `seqlab compare`, shown in `--help`. */
export const COMPARE_DEFAULTS = {
  variants: "full,rules-only,first-seen,frequency",
  seeds: "3",
  suite: SIMULATE_DEFAULTS.suite,
  days: SIMULATE_DEFAULTS.days,
  accounts: SIMULATE_DEFAULTS.accounts,
} as const;

/** The stages of a comparison, in order; `comparison.json` times each. */
export const COMPARE_STAGES = ["simulate", "detect", "eval", "aggregate", "report"] as const;
type Stage = (typeof COMPARE_STAGES)[number];

/** Baseline when none is given: the rules-only detector, else the first variant listed. */
const PREFERRED_BASELINE = "rules-only";

/** A validated comparison. */
interface ComparePlan {
  out: string;
  /** The variants as given (names or files), and loaded. */
  variants: { arg: string; variant: Variant }[];
  seeds: number[];
  /** Config of every run; each seed's run uses it with its own seed. */
  config: SimulationConfig;
  /** Variant the others are compared with; null when only one is run. */
  baseline: string | null;
  /** Concurrent detection processes. */
  workers: number;
  /** The one-line command that reproduces the comparison. */
  command: string;
}

/** `comparison.json`: the aggregate and how the comparison was made. */
export type ComparisonJson = ReturnType<typeof aggregateJson> & {
  command: string;
  suite: string;
  seeds: number[];
  /** Wall seconds per stage: the one field that differs between two identical comparisons. */
  timings: StageTimings<Stage>;
};

/** Check the flags and the output directory, or throw a {@link UsageError} naming the flag. */
function comparePlan(flags: CompareFlags): ComparePlan {
  const args = flags.variants.split(",").map((v) => v.trim()).filter((v) => v !== "");
  if (args.length === 0) throw new UsageError(`--variants needs at least one variant, e.g. --variants ${COMPARE_DEFAULTS.variants}`);
  const variants = args.map((arg) => {
    try {
      return { arg, variant: loadVariant(arg) };
    } catch (e) {
      if (e instanceof VariantError) throw new UsageError(`--variants: ${e.message}`);
      throw e;
    }
  });
  const names = variants.map((v) => v.variant.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new UsageError(`--variants: "${duplicate}" is listed twice; each variant runs once per seed`);
  const seedCount = intOption("seeds", flags.seeds, 1, 1000);
  const config = simulationConfig({ out: flags.out, seed: "1", days: flags.days, accounts: flags.accounts, suite: flags.suite, start: SIMULATE_DEFAULTS.start });
  assertSuiteFits(config);
  // One variant has nothing to be compared with.
  const baseline = flags.baseline ?? (names.length === 1 ? null : names.includes(PREFERRED_BASELINE) ? PREFERRED_BASELINE : names[0]!);
  if (baseline !== null && !names.includes(baseline)) throw new UsageError(`--baseline: ${unknownNameMessage("baseline variant", baseline, names)} (the baseline is one of --variants)`);
  const workers = flags.workers === undefined ? defaultDetectWorkers() : intOption("workers", flags.workers, 1, 64);
  checkComparisonDir(flags.out);
  const command = `npm run compare -- --variants ${args.join(",")} --seeds ${seedCount} --suite ${config.suite} --days ${config.days} --accounts ${config.accounts}${baseline === null ? "" : ` --baseline ${baseline}`} --out ${flags.out}`;
  return { out: flags.out, variants, seeds: Array.from({ length: seedCount }, (_, i) => i + 1), config, baseline, workers, command };
}

/** `--out` must be new, empty, or a previous comparison: a comparison replaces runs in it, so it never takes over another folder. */
function checkComparisonDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} exists and is not a directory; choose another path`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes("comparison.json") && !entries.includes("runs")) {
    throw new UsageError(`--out ${dir} holds files that are not a seqlab comparison (no comparison.json or runs/); choose a new or empty directory`);
  }
}

/** The run directory of a seed. */
const seedRunDir = (out: string, seed: number) => join(out, "runs", `seed-${seed}`);

/** Run `seqlab compare`. */
export async function runCompare(flags: CompareFlags): Promise<void> {
  const plan = comparePlan(flags);
  const { out, config, seeds } = plan;
  const names = plan.variants.map((v) => v.variant.name);
  const timer = new StageTimer<Stage>();
  process.stderr.write(`seqlab compare: ${names.join(", ")} over seeds ${seeds.join(", ")} (suite ${config.suite}, ${config.days} days, ${config.accounts} accounts)${plan.baseline === null ? "" : `, baseline ${plan.baseline}`}\n`);

  const reused = await timer.time("simulate", async () => {
    let n = 0;
    for (const seed of seeds) {
      const dir = seedRunDir(out, seed);
      if (await ensureRun(dir, { ...config, seed })) {
        n++;
        process.stderr.write(`  seed ${seed}: reusing the complete run in ${dir}\n`);
      }
    }
    return n;
  });

  const jobs: DetectJob[] = seeds.flatMap((seed) => plan.variants.map(({ arg, variant }) => ({ runDir: seedRunDir(out, seed), variant, variantArg: arg })));
  process.stderr.write(`seqlab compare: detecting ${jobs.length} (run × variant) jobs, ${plan.workers} at a time\n`);
  const detected = await timer.time("detect", () => runDetectJobs(jobs, plan.workers));

  const evaluations = await timer.time("eval", async () => {
    const all: RunEvaluation[] = [];
    try {
      // Runs are named relative to the comparison, so comparison.json does not depend on where it lies.
      for (const seed of seeds) for (const e of await evaluateRun(seedRunDir(out, seed), names, false)) all.push({ run: `runs/seed-${seed}`, report: e.report });
    } catch (e) {
      if (e instanceof EvalInputError) throw new UsageError(e.message);
      throw e;
    }
    return all;
  });

  const result = await timer.time("aggregate", async () => {
    const a = aggregate(evaluations, { seed: Number(EVAL_DEFAULTS.seed), resamples: Number(EVAL_DEFAULTS.resamples), baseline: plan.baseline });
    await writeComparisonJson(out, a, plan, timer.timings(COMPARE_STAGES));
    await writeAggregateTables(out, a);
    return a;
  });
  const report = await timer.time("report", () => writeComparisonReport(out));
  // Rewritten with the report's time, which is only known now.
  await writeComparisonJson(out, result, plan, timer.timings(COMPARE_STAGES));

  console.log(`\n${formatAggregate(result)}`);
  console.log(`\nRuns: ${seeds.length - reused} simulated, ${reused} reused; detections: ${detected.ran} run, ${detected.reused} reused`);
  console.log(`Time: ${timer.format(COMPARE_STAGES)}`);
  console.log(`Wrote ${join(out, "comparison.json")} and values/metrics/paired/scenarios as .csv and .arrow`);
  console.log(`Report: ${report.html} (${bytes(report.bytes)}); ATT&CK Navigator layer: ${report.navigatorLayer}`);
  console.log(`\nReproduce with:\n  ${plan.command}`);
}

async function writeComparisonJson(out: string, a: Aggregate, plan: ComparePlan, timings: StageTimings<Stage>): Promise<void> {
  const json: ComparisonJson = { ...aggregateJson(a), command: plan.command, suite: plan.config.suite, seeds: plan.seeds, timings };
  await writeAtomic(join(out, "comparison.json"), JSON.stringify(json, null, 2) + "\n");
}
