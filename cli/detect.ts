/**
 * `seqlab detect`: run detector variants on a simulated run or on anyone's own logs, write
 * `findings/<variant>.ndjson` and its summary, and print what was read, raised and why.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { intelSchema, type Intel } from "../schema/intel.ts";
import { inventorySchema, type Inventory } from "../schema/inventory.ts";
import { manifestSchema } from "../schema/manifest.ts";
import { describeIssue } from "../schema/describe-issue.ts";
import type { z } from "zod";
import { detect, type ActivitySource, type DetectResult } from "../detector/detect.ts";
import type { AnomalyModel } from "../detector/model.ts";
import { VariantError, loadVariant, type Variant } from "../detector/variant.ts";
import { inputSource, runSource } from "../detector/sources.ts";
import { loadModel } from "../detector/embed/registry.ts";
import { IngestError } from "../detector/ingest/stats.ts";
import { writeAtomic } from "../simulator/writer.ts";
import { UsageError } from "./errors.ts";
import { count, table } from "./format.ts";

/** Raw option strings as commander hands them over. */
export interface DetectFlags {
  run?: string;
  input?: string[];
  out?: string;
  variant: string[];
  model?: string;
  saveModel?: string;
  historyFraction: string;
  intel?: string;
  inventory?: string;
  strict?: boolean;
}

/** Defaults of `seqlab detect`. */
export const DETECT_DEFAULTS = { variant: ["full"], historyFraction: "0.5" } as const;

const DAY = 86_400_000;

/** Run `seqlab detect`. */
export async function runDetect(flags: DetectFlags): Promise<void> {
  if (!!flags.run === !!flags.input) throw new UsageError("give either --run DIR (a simulated run) or --input PATH... --out DIR (your own logs)");
  if (flags.input && !flags.out) throw new UsageError("--input needs --out DIR: where findings/<variant>.ndjson goes");
  if (flags.run && flags.out) throw new UsageError("--out is for --input; with --run, findings go to DIR/findings/");
  const variants = flags.variant.map((v) => {
    try {
      return loadVariant(v);
    } catch (e) {
      if (e instanceof VariantError) throw new UsageError(`--variant: ${e.message}`);
      throw e;
    }
  });
  const fraction = Number(flags.historyFraction);
  if (!(fraction > 0 && fraction < 1)) throw new UsageError(`--history-fraction must be between 0 and 1 (exclusive), got "${flags.historyFraction}"`);
  const model = flags.model === undefined ? undefined : readModel(flags.model, variants);

  const out = flags.run ?? flags.out!;
  let intel: Intel | undefined;
  let inventory: Inventory | undefined;
  // A source is read once, so each variant gets its own.
  let makeSource: () => ActivitySource;
  if (flags.run) {
    if (!existsSync(join(flags.run, "events"))) throw new UsageError(`--run ${flags.run}: no events/ folder; is it a seqlab run directory (npm run simulate -- --out ${flags.run})?`);
    const manifest = readJson(join(flags.run, "manifest.json"), manifestSchema, "--run");
    const start = Date.parse(`${manifest.config.start}T00:00:00Z`);
    const run = flags.run;
    makeSource = () => runSource(join(run, "events"), { start, evaluationStart: start + manifest.config.historyDays * DAY, end: start + manifest.config.days * DAY, strict: flags.strict === true });
    intel = readJson(flags.intel ?? join(flags.run, "intel.json"), intelSchema, "--intel");
    const runInventory = join(flags.run, "inventory.json");
    if (flags.inventory) inventory = readJson(flags.inventory, inventorySchema, "--inventory");
    else if (existsSync(runInventory)) inventory = readJson(runInventory, inventorySchema, "inventory");
  } else {
    for (const p of flags.input!) if (!existsSync(p)) throw new UsageError(`--input ${p}: no such file or folder`);
    const input = flags.input!;
    makeSource = () => inputSource(input, { historyFraction: fraction, strict: flags.strict === true });
    if (flags.intel) intel = readJson(flags.intel, intelSchema, "--intel");
    if (flags.inventory) inventory = readJson(flags.inventory, inventorySchema, "--inventory");
  }

  for (const variant of variants) {
    const result = await runVariant(variant, { source: makeSource(), intel, inventory, model, strict: flags.strict === true });
    const dir = join(out, "findings");
    mkdirSync(dir, { recursive: true });
    await writeAtomic(join(dir, `${variant.name}.ndjson`), result.findings.map((f) => JSON.stringify(f) + "\n").join(""));
    await writeAtomic(join(dir, `${variant.name}.summary.json`), JSON.stringify(result.summary, null, 2) + "\n");
    if (flags.saveModel && result.savedModel) await writeAtomic(flags.saveModel, result.savedModel);
    printSummary(result, join(dir, `${variant.name}.ndjson`));
  }
}

async function runVariant(variant: Variant, opts: Omit<Parameters<typeof detect>[0], "variant" | "onPhase" | "onProgress">): Promise<DetectResult> {
  process.stderr.write(`seqlab detect: variant ${variant.name} — ${variant.description}\n`);
  let bar: SingleBar | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  try {
    return await detect({
      ...opts,
      variant,
      onPhase(phase, detail) {
        stop();
        process.stderr.write(`  ${phase}: ${detail}\n`);
        if (phase !== "train") {
          bar = new SingleBar({ format: `  ${phase.padEnd(7)} {value} activities | {duration}s`, stream: process.stderr, noTTYOutput: false }, Presets.shades_classic);
          bar.start(0, 0);
        }
      },
      onProgress(_phase, n) {
        bar?.update(n);
      },
    });
  } catch (e) {
    if (e instanceof IngestError) throw new UsageError(e.message);
    throw e;
  } finally {
    stop();
  }
}

/** The saved model of `--model`, read once for every variant; refused, before any log is read, when broken or of another kind than a variant that learns. */
function readModel(file: string, variants: readonly Variant[]): AnomalyModel {
  const json = readText(file, "--model");
  let model: AnomalyModel;
  try {
    model = loadModel(json);
  } catch (e) {
    throw new UsageError(`--model ${file}: ${(e as Error).message}`);
  }
  const kind = model.name;
  const other = variants.find((v) => v.anomalyModel !== "none" && v.anomalyModel !== kind);
  if (other) throw new UsageError(`--model ${file} holds a "${kind}" model, but variant "${other.name}" learns a "${other.anomalyModel}" one: run that variant without --model, or with a model file of its kind`);
  return model;
}

function printSummary(r: DetectResult, file: string): void {
  const s = r.summary;
  const st = r.stats;
  console.log(`\nvariant ${s.variant}: ${s.split}; anomaly model backend ${s.backend}`);
  console.log(`  records  read ${count(st.read)}, used ${count(st.used)}, rejected ${count(st.rejected)}, skipped by design ${count(st.skipped)} (NODATA/SKIPDATA)`);
  if (st.late > 0) console.log(`    late ${count(st.late)}: delivered after their hour had been detected on (their file's stamp is over an hour after them); read with the next hour`);
  for (const [reason, n] of Object.entries(st.rejectsByReason)) console.log(`    rejected ${count(n)}: ${reason}`);
  for (const x of st.examples.slice(0, 5)) console.log(`    e.g. ${x.file}:${x.line}: ${x.reason}`);
  const setAside = Object.entries(s.historySetAside);
  if (setAside.length) console.log(`  history  API calls kept out of the baseline (an attacker's tell-tale): ${setAside.map(([reason, n]) => `${reason} ${count(n)}`).join(", ")}`);
  console.log(`  time     history ${s.seconds.history.toFixed(1)} s, training ${s.seconds.train.toFixed(1)} s, detection ${s.seconds.detect.toFixed(1)} s (${count(s.detectionActivities / Math.max(s.seconds.detect, 1e-3))} activities/s)`);
  console.log(`  funnel   ${count(s.detectionActivities)} activities → ${count(s.signals)} signals → ${count(Object.values(s.foundationalByType).reduce((a, b) => a + b, 0))} foundational findings → ${count(s.sequences.candidates)} candidate sequences → ${count(s.sequences.raised)} raised\n`);
  console.log(table(["signal type", "signals", "foundational findings"], Object.entries(s.signalsByType ?? {}).map(([t, n]) => [t, n, s.foundationalByType[t] ?? 0])));
  if (s.topSequences.length) {
    console.log(`\n${table(["raised sequence", "score", "top markers"], s.topSequences.map((x) => [x.type, x.score.toFixed(2), x.markers.slice(0, 4).join(", ")]))}`);
  }
  console.log(`\nWrote ${file} (and .summary.json)`);
}

function readText(path: string, flag: string): string {
  if (!existsSync(path)) throw new UsageError(`${flag} ${path}: no such file`);
  return readFileSync(path, "utf8");
}

function readJson<T>(path: string, schema: z.ZodType<T>, flag: string): T {
  let value: unknown;
  try {
    value = JSON.parse(readText(path, flag));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${path}: ${describeIssue(result.error)}`);
  return result.data;
}
