/**
 * `seqlab simulate`: validate options, prepare the output directory, run the simulator with a
 * progress bar, and print a readable summary with the command that reproduces the run.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import type { SimulationConfig } from "../schema/manifest.ts";
import { SUITES, suiteById } from "../scenarios/suites.ts";
import { minimumDays } from "../simulator/campaigns.ts";
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import { parseDay } from "../simulator/clock.ts";
import { simulate } from "../simulator/run.ts";
import { UsageError, intOption } from "./errors.ts";
import { bytes, count, table } from "./format.ts";

/** Raw option strings as commander hands them over. */
export interface SimulateFlags {
  out: string;
  seed: string;
  days: string;
  accounts: string;
  suite: string;
  workers?: string;
  start: string;
  force?: boolean;
}

/** Defaults of `seqlab simulate`, shown in `--help`. */
export const SIMULATE_DEFAULTS = { seed: "1", days: "14", accounts: "12", suite: "default", start: "2026-10-05" } as const;

/** Turn flags into a validated config, or throw a {@link UsageError} naming the flag. */
export function simulationConfig(flags: SimulateFlags): SimulationConfig {
  const days = intOption("days", flags.days, 2, 366);
  if (!SUITES.some((s) => s.id === flags.suite)) throw new UsageError(`--suite: ${unknownNameMessage("suite", flags.suite, SUITES.map((s) => s.id))}`);
  try {
    parseDay(flags.start);
  } catch (e) {
    throw new UsageError(`--start: ${(e as Error).message}`);
  }
  const config = {
    seed: intOption("seed", flags.seed, 0, 2 ** 32 - 1),
    days,
    historyDays: Math.floor(days / 2),
    // Four accounts is the smallest organisation with management, prod, dev and security.
    accounts: intOption("accounts", flags.accounts, 4, 200),
    suite: flags.suite,
    start: flags.start,
  };
  return config;
}

/** Refuse a period too short for the suite's longest scenario, naming it. */
export function assertSuiteFits(config: SimulationConfig): void {
  const needed = minimumDays(suiteById(config.suite));
  if (config.days < needed.days) {
    throw new UsageError(`--days ${config.days} is too short for suite ${config.suite}: ${needed.scenarioId} needs --days ${needed.days} or more (each instance must fit in its period)`);
  }
}

/**
 * Make sure `dir` can receive a run: absent, empty, or (with --force) a previous run to replace.
 * Returns whether an old run must be removed; nothing is deleted here.
 */
export function checkOutDir(dir: string, force: boolean): boolean {
  if (!existsSync(dir)) return false;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} exists and is not a directory; choose another path`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return false;
  if (!force) throw new UsageError(`--out ${dir} is not empty; pass --force to replace the run in it, or choose another directory`);
  // --force replaces a run, never an arbitrary folder.
  if (!entries.includes("manifest.json") && !entries.includes("events") && !entries.includes("truth.json")) {
    throw new UsageError(`--out ${dir} holds files that are not a seqlab run; refusing to delete them even with --force`);
  }
  return true;
}

/** The one-line command that reproduces a run. */
export function reproduceCommand(config: SimulationConfig, out: string): string {
  return `npm run simulate -- --out ${out} --seed ${config.seed} --days ${config.days} --accounts ${config.accounts} --suite ${config.suite} --start ${config.start}`;
}

/** Run `seqlab simulate`. */
export async function runSimulate(flags: SimulateFlags): Promise<void> {
  const config = simulationConfig(flags);
  const workers = flags.workers === undefined ? Math.min(availableParallelism(), 8) : intOption("workers", flags.workers, 1, 64);
  const out = resolve(flags.out);
  const replace = checkOutDir(out, flags.force === true);
  assertSuiteFits(config);
  // Build the run beside its destination and swap it in only when complete: a failed run never
  // costs the previous one.
  const building = `${out}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const command = reproduceCommand(config, flags.out);
  process.stderr.write(`seqlab simulate: seed ${config.seed}, ${config.days} days (${config.historyDays} history + ${config.days - config.historyDays} evaluation), ${config.accounts} accounts, suite ${config.suite}, ${workers} worker(s)\n`);
  const bar = new SingleBar({ format: "  simulating [{bar}] {percentage}% | {value}/{total} account-days | {events} events | eta {eta}s", stream: process.stderr }, Presets.shades_classic);
  bar.start(config.days * config.accounts, 0, { events: "0" });
  const started = performance.now();
  const { manifest, truth, accounts } = await simulate({
    config,
    outDir: building,
    workers,
    command,
    onProgress: (done, _total, events) => bar.update(done, { events: count(events) }),
  }).catch((error: unknown) => {
    bar.stop();
    rmSync(building, { recursive: true, force: true });
    throw error;
  });
  bar.stop();
  if (replace) rmSync(out, { recursive: true, force: true });
  renameSync(building, out);
  const seconds = (performance.now() - started) / 1000;
  const c = manifest.counts;
  const attacks = truth.campaigns.filter((x) => x.kind === "attack").length;
  console.log(`\nWrote ${out}`);
  console.log(`  ${count(c.events)} records (CloudTrail, VPC flow, Route 53 Resolver, runtime) in ${count(c.files)} files, ${bytes(c.bytes)} gzipped, in ${seconds.toFixed(1)} s (${count(c.events / seconds)} records/s)`);
  console.log(`  ${count(c.principals)} principals; ${truth.campaigns.length} campaigns (${attacks} attacks, ${truth.campaigns.length - attacks} benign look-alikes)`);
  console.log(`  history ${truth.period.start} → ${truth.period.evaluationStart}, evaluation → ${truth.period.end}\n`);
  console.log(table(["source", "events"], Object.entries(c.perSource).map(([k, v]) => [k, v])));
  console.log();
  console.log(table(["account", "name", "events"], accounts.map((a) => [a.id, a.name, c.perAccount[a.id] ?? 0])));
  console.log(`\nReproduce with:\n  ${command}`);
}
