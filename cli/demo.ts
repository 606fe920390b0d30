/**
 * `seqlab demo`: the whole loop on the embedded defaults in one command — simulate the default
 * estate, detect with the main variants (in parallel processes), evaluate, and render the report —
 * reusing a complete run and current detections already in the directory.
 */
import { resolve, join } from "node:path";
import { loadVariant } from "../detector/variant.ts";
import { EvalInputError } from "../eval/inputs.ts";
import { UsageError, intOption } from "./errors.ts";
import { evaluateRun } from "./eval.ts";
import { SIMULATE_DEFAULTS, checkOutDir, simulationConfig } from "./simulate.ts";
import { completeRun, ensureRun } from "./run-reuse.ts";
import { defaultDetectWorkers, runDetectJobs } from "./detect-jobs.ts";
import { writeRunReport } from "./report.ts";
import { StageTimer } from "./stage-timer.ts";
import { bytes, ratioText, table } from "./format.ts";

/** Raw option strings as commander hands them over. */
export interface DemoFlags {
  out: string;
  workers?: string;
}

/** Defaults of `seqlab demo`: where it writes, and the variants it compares (the learned detector and two baselines). */
export const DEMO_DEFAULTS = { out: "runs/demo", variants: ["full", "rules-only", "first-seen"] } as const;

const STAGES = ["simulate", "detect", "eval", "report"] as const;

/** Run `seqlab demo`. */
export async function runDemo(flags: DemoFlags): Promise<void> {
  const dir = flags.out;
  const workers = flags.workers === undefined ? defaultDetectWorkers() : intOption("workers", flags.workers, 1, 64);
  // Refuses a folder that is not a seqlab run before anything is written.
  checkOutDir(dir, true);
  const timer = new StageTimer<(typeof STAGES)[number]>();

  await timer.time("simulate", async () => {
    const existing = completeRun(dir);
    if (existing === null) {
      await ensureRun(dir, simulationConfig({ ...SIMULATE_DEFAULTS, out: dir }));
    } else {
      // Whatever its config: the demo never throws away a complete run someone made.
      const c = existing.config;
      process.stderr.write(`seqlab demo: reusing the complete run in ${dir} (seed ${c.seed}, ${c.days} days, ${c.accounts} accounts, suite ${c.suite})\n`);
    }
  });

  const variants = DEMO_DEFAULTS.variants.map((name) => ({ runDir: dir, variant: loadVariant(name), variantArg: name }));
  process.stderr.write(`seqlab demo: detecting with ${DEMO_DEFAULTS.variants.join(", ")}, ${workers} at a time\n`);
  await timer.time("detect", () => runDetectJobs(variants, workers));

  const evaluations = await timer.time("eval", async () => {
    try {
      return await evaluateRun(dir, DEMO_DEFAULTS.variants, false);
    } catch (e) {
      if (e instanceof EvalInputError) throw new UsageError(e.message);
      throw e;
    }
  });
  const report = await timer.time("report", () => writeRunReport(dir));

  console.log(
    `\n${table(
      ["variant", "precision", "recall", "F1", "PR-AUC", "false sequences / 100 account-days"],
      evaluations.map(({ report: r }) => [r.variant, ratioText(r.sequence.precision), ratioText(r.sequence.recall), ratioText(r.sequence.f1), ratioText(r.sequence.prAuc), ratioText(r.sequence.falsePer100AccountDays, 1)]),
    )}`,
  );
  console.log(`\nTime: ${timer.format(STAGES)}`);
  console.log(`Metrics: ${join(dir, "eval")}/<variant>.json`);
  console.log(`Report: ${resolve(report.html)} (${bytes(report.bytes)}, ${report.sequences} sequence findings); ATT&CK Navigator layer: ${report.navigatorLayer}`);
  console.log(`Open it in a browser; it works offline.`);
}
