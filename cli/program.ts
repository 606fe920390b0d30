/** The `seqlab` command line: commands, options and help. Actions live in their own modules. */
import { Command, CommanderError } from "commander";
import { runBench } from "./bench.ts";
import { COMPARE_DEFAULTS, runCompare } from "./compare.ts";
import { DEMO_DEFAULTS, runDemo } from "./demo.ts";
import { DETECT_DEFAULTS, runDetect } from "./detect.ts";
import { EVAL_DEFAULTS, runEval } from "./eval.ts";
import { runReport } from "./report.ts";
import { runScenarios } from "./scenarios.ts";
import { SIMULATE_DEFAULTS, runSimulate } from "./simulate.ts";

/** Build the program (exported so tests can drive it without a process). */
export function buildProgram(): Command {
  const program = new Command("seqlab")
    .description("Open testbed for detecting multi-stage attacks in AWS audit logs")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("simulate")
    .description("Simulate an AWS organisation's activity (benign + attacks) into a run directory of real CloudTrail files")
    .requiredOption("--out <dir>", "run directory to create (e.g. runs/demo)")
    .option("--seed <n>", "root seed: same seed and options give byte-identical output", SIMULATE_DEFAULTS.seed)
    .option("--days <n>", "days simulated; the first half is history (training), the rest evaluation (2-366)", SIMULATE_DEFAULTS.days)
    .option("--accounts <n>", "accounts in the organisation (4-200)", SIMULATE_DEFAULTS.accounts)
    .option("--suite <name>", "scenario suite: smoke, default or hard", SIMULATE_DEFAULTS.suite)
    .option("--start <date>", "first simulated day (UTC, YYYY-MM-DD)", SIMULATE_DEFAULTS.start)
    .option("--workers <n>", "worker threads (default: available cores, at most 8); does not change the output")
    .option("--force", "replace an existing run in --out")
    .addHelpText("after", "\nExample:\n  npm run simulate -- --out runs/demo --seed 7 --days 14 --accounts 12\n")
    .action(runSimulate);

  program
    .command("detect")
    .description("Run detector variants: learn from history, raise signals, correlate them into attack sequences, write GuardDuty-format findings")
    .option("--run <dir>", "a simulated run: learns on its history period, detects on its evaluation period, writes DIR/findings/<variant>.ndjson")
    .option("--input <path...>", "your own logs: CloudTrail S3-layout folders, {\"Records\":[...]} files, NDJSON, .gz, lookup-events output, VPC flow and Route 53 Resolver files; read hour by hour when every file name carries its S3 delivery stamp, else read whole")
    .option("--out <dir>", "with --input: where findings/<variant>.ndjson goes")
    .option("--variant <name|file...>", "built-in variants (detector/variants/*.json) or variant JSON files", [...DETECT_DEFAULTS.variant])
    .option("--history-fraction <f>", "with --input: the first part of the input's time span (from the first record to the last file's delivery stamp, when every file has one) used as history for learning", DETECT_DEFAULTS.historyFraction)
    .option("--model <file>", "use a saved anomaly model instead of training one, for the variants of its kind (variants without learning ignore it)")
    .option("--save-model <file>", "save the trained anomaly model")
    .option("--intel <file>", "threat intel in seqlab's intel.json format (default: the run's intel.json)")
    .option("--inventory <file>", "the estate in seqlab's inventory.json format: buckets' data-classification tags and instance groups (default: the run's inventory.json)")
    .option("--strict", "stop at the first bad record instead of counting it as rejected")
    .addHelpText(
      "after",
      "\nExamples:\n  npm run detect -- --run runs/demo\n  npm run detect -- --run runs/demo --variant full rules-only first-seen\n  npm run detect -- --input ~/cloudtrail-export --out runs/mine --intel runs/demo/intel.json\n",
    )
    .action(runDetect);

  program
    .command("eval")
    .description("Score a detector's findings against truth: precision, recall, PR-AUC, time to detect, coverage, alert reduction (definitions: docs/evaluation.md)")
    .option("--run <dir...>", "run directories (one per seed); reads truth.json and findings/<variant>.ndjson, writes eval/<variant>.json")
    .option("--variant <name...>", "variants to evaluate (default: every findings/*.ndjson of the run)")
    .option("--truth <file>", "a truth.json from anywhere (with --findings and --out)")
    .option("--findings <file>", "findings NDJSON (.gz too): GuardDuty finding JSON with a seqlab block")
    .option("--summary <file>", "the detector's summary JSON, for the signals count (optional)")
    .option("--out <file>", "where to write the eval JSON (with --truth and --findings)")
    .option("--aggregate <dir>", "aggregate over the --run dirs: mean and 95% bootstrap CI per metric and variant, as JSON, CSV and Arrow")
    .option("--baseline <variant>", "with --aggregate: paired differences of every variant against this one")
    .option("--seed <n>", "seed of the bootstrap", EVAL_DEFAULTS.seed)
    .option("--resamples <n>", "bootstrap resamples", EVAL_DEFAULTS.resamples)
    .option("--strict", "stop at the first invalid findings line instead of counting it as rejected")
    .addHelpText(
      "after",
      "\nExamples:\n  npm run eval -- --run runs/demo\n  npm run eval -- --run runs/s1 runs/s2 runs/s3 --aggregate runs/compare --baseline first-seen\n  npm run eval -- --truth truth.json --findings my-detector.ndjson --out eval.json\n",
    )
    .action(runEval);

  program
    .command("compare")
    .description("Compare detector variants over several seeds: simulate each seed, detect every variant (in parallel processes), evaluate, aggregate with bootstrap CIs and paired differences, render the report; reuses runs and detections that are current")
    .requiredOption("--out <dir>", "comparison directory: runs/seed-<n>/, comparison.json, CSV and Arrow tables, report.html")
    .option("--variants <list>", "comma-separated built-in variants (detector/variants/*.json) or variant JSON files", COMPARE_DEFAULTS.variants)
    .option("--seeds <n>", "runs with seeds 1..N", COMPARE_DEFAULTS.seeds)
    .option("--suite <name>", "scenario suite: smoke, default or hard", COMPARE_DEFAULTS.suite)
    .option("--days <n>", "days per run; the first half is history", COMPARE_DEFAULTS.days)
    .option("--accounts <n>", "accounts per run", COMPARE_DEFAULTS.accounts)
    .option("--baseline <variant>", "paired differences of every variant against this one (default: rules-only when compared, else the first variant)")
    .option("--workers <n>", "concurrent detection processes (default: one per core that memory allows); does not change the output")
    .addHelpText("after", "\nExample:\n  npm run compare -- --variants full,rules-only,first-seen,frequency --seeds 3 --out runs/compare\n")
    .action(runCompare);

  program
    .command("demo")
    .description(`The whole loop on the defaults: simulate, detect with ${DEMO_DEFAULTS.variants.join(", ")}, evaluate, render the report (reuses a complete run in --out)`)
    .option("--out <dir>", "run directory", DEMO_DEFAULTS.out)
    .option("--workers <n>", "concurrent detection processes (default: one per core that memory allows)")
    .action(runDemo);

  program
    .command("report")
    .description("Render one self-contained HTML report (works offline) of a run or a comparison: metrics with CIs, PR curves, ATT&CK coverage, a timeline per attack sequence; plus an ATT&CK Navigator layer beside it")
    .option("--run <dir>", "a run with findings: every findings/<variant>.ndjson evaluated against its truth.json; writes DIR/report.html")
    .option("--compare <dir>", "what npm run compare writes (comparison.json and runs/<name>/); writes DIR/report.html")
    .option("--out <file>", "write the HTML here instead (attack-navigator.json goes beside it)")
    .addHelpText("after", "\nExamples:\n  npm run report -- --run runs/demo\n  npm run report -- --compare runs/compare --out /tmp/compare.html\n")
    .action(runReport);

  program
    .command("scenarios")
    .description("List the scenario catalogue and suites")
    .option("--write-docs", "rewrite docs/scenarios.md from the catalogue")
    .action(runScenarios);
  program
    .command("bench")
    .description("Measure throughput against its floor, worker scaling and peak memory; prints PASS/FAIL per target")
    .option("--quick", "smaller runs, and skip the 10-million-event memory run")
    .action(runBench);
  return program;
}

export { CommanderError };
