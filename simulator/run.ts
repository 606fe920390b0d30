/**
 * A whole simulation run: build the world, run the suite's campaigns, generate every
 * (account, day) unit of benign activity in worker threads, write the run directory, and write
 * `manifest.json` last. Each unit depends only on the seed, the config and its own id, so the
 * output is byte-identical whatever the number of workers.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Intel } from "../schema/intel.ts";
import type { Manifest, SimulationConfig } from "../schema/manifest.ts";
import type { Truth } from "../schema/truth.ts";
import { suiteById } from "../scenarios/suites.ts";
import { generateBenignDay } from "./benign.ts";
import { planCampaigns, runCampaigns, type SplitPeriod } from "./campaigns.ts";
import { DAY, isoSeconds, parseDay } from "./clock.ts";
import { ASN_RANGES, lookupIp, randomIpIn, rangesOf } from "./networks.ts";
import { Rng } from "./rng.ts";
import type { EmittedRecord } from "./session.ts";
import { buildWorld, inventoryOf } from "./world.ts";
import type { World } from "./world-types.ts";
import { addStats, emptyStats, serializeRecord, writeAtomic, writeCloudTrailUnit, type WriteStats } from "./writer.ts";

/** A unit of work: one account's principals on one day, plus campaign records filed with them. */
export interface Unit {
  id: string;
  accountId: string;
  day: number;
  campaignRecords: EmittedRecord[];
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  config: SimulationConfig;
  outDir: string;
  workers: number;
  /** The command line that reproduces the run, for the manifest and summary. */
  command: string;
  onProgress?: (done: number, total: number, events: number) => void;
}

/** What a finished run reports. */
export interface SimulateResult {
  manifest: Manifest;
  truth: Truth;
  accounts: { id: string; name: string; kind: string }[];
}

/** The period of a config: history then evaluation. */
export function periodOf(config: SimulationConfig): SplitPeriod {
  const start = parseDay(config.start);
  return { start, evaluationStart: start + config.historyDays * DAY, end: start + config.days * DAY };
}

/** Generate and write one unit (used in-process and by worker threads). */
export function runUnit(world: World, config: SimulationConfig, unit: Unit, eventsDir: string): WriteStats {
  const period = periodOf(config);
  const records = unit.campaignRecords.map(serializeRecord);
  const sink = (r: EmittedRecord) => records.push(serializeRecord(r));
  for (const p of world.principals) if (p.account.id === unit.accountId) generateBenignDay(world, p, unit.day, period, sink);
  return writeCloudTrailUnit(eventsDir, config.seed, unit.id, records);
}

const MINING_POOLS = ["pool.supportxmr.com", "xmr.pool.minergate.com", "gulf.moneroocean.stream", "xmr-eu1.nanopool.org", "pool.hashvault.pro", "xmrpool.eu", "monerohash.com", "rx.unmineable.com"];

/** The threat-intel feed: incomplete on purpose, as real feeds are. */
function buildIntel(world: World, attackIps: string[], period: SplitPeriod): Intel {
  const rng = new Rng(world.seed, "intel");
  const decoys = Array.from({ length: 25 }, () => randomIpIn(rng.pick([...rangesOf("hosting"), ...rangesOf("vpn")]).cidr, rng));
  const known = [...new Set(attackIps)].filter(() => rng.chance(0.4));
  return {
    generatedAt: isoSeconds(period.end),
    torExitNodes: world.torExits.filter(() => rng.chance(0.8)).sort(),
    knownBadIps: [...known.map((ip) => ({ ip, reason: "reported for AWS credential abuse" })), ...decoys.map((ip) => ({ ip, reason: rng.pick(["scanner", "brute force", "malware C2", "credential abuse"]) }))].sort((a, b) => (a.ip < b.ip ? -1 : 1)),
    miningPoolDomains: MINING_POOLS.filter(() => rng.chance(0.75)),
    ipAsnRanges: [...ASN_RANGES],
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
}

async function versions(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string; dependencies: Record<string, string> };
  return { seqlab: pkg.version, node: process.versions.node, ...pkg.dependencies };
}

/** Young-generation size for simulation threads (the CLI gives the main thread the same). */
export const YOUNG_GENERATION_MB = 192;

/** Bootstrap that lets a worker thread load TypeScript; `workerData.module` names the module. */
export const WORKER_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Worker threads, each building the world once. They are started before the main thread plans the
 * campaigns, so their start-up (loading, building the world) overlaps that work.
 */
class UnitPool {
  private readonly ready: Promise<Worker>[];

  constructor(count: number, config: SimulationConfig, eventsDir: string) {
    this.ready = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { module: new URL("./worker.ts", import.meta.url).href, config, eventsDir },
        // A larger young generation: records die young in batches, and fewer scavenges cut GC time.
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      return new Promise<Worker>((resolve, reject) => {
        worker.once("message", () => resolve(worker));
        worker.once("error", reject);
      });
    });
  }

  /** Run every unit, each worker pulling the next one from a shared queue; then stop the workers. */
  async run(units: Unit[], onDone: (s: WriteStats) => void): Promise<void> {
    let next = 0;
    await Promise.all(
      this.ready.map(async (ready) => {
        const worker = await ready;
        try {
          while (next < units.length) {
            const unit = units[next++]!;
            const stats = await new Promise<WriteStats>((resolve, reject) => {
              worker.once("message", resolve);
              worker.once("error", reject);
              worker.postMessage(unit);
            });
            worker.removeAllListeners("error");
            onDone(stats);
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
}

/** Run units in-process, yielding between units so the progress bar repaints. */
async function runUnitsInProcess(config: SimulationConfig, world: World, units: Unit[], eventsDir: string, onDone: (s: WriteStats) => void): Promise<void> {
  for (const unit of units) {
    onDone(runUnit(world, config, unit, eventsDir));
    await new Promise((r) => setImmediate(r));
  }
}

/** Simulate a run into `outDir` (which the caller has checked and prepared). */
export async function simulate(opts: SimulateOptions): Promise<SimulateResult> {
  const { config, outDir } = opts;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const period = periodOf(config);
  const suite = suiteById(config.suite);
  const eventsDir = join(outDir, "events");
  const pool = opts.workers > 1 ? new UnitPool(opts.workers, config, eventsDir) : undefined;
  const world = buildWorld(config.seed, { accounts: config.accounts, days: config.days });
  const plans = planCampaigns(config.seed, suite, period);
  const { records, campaigns } = runCampaigns(world, plans, period);

  const byUnit = new Map<string, EmittedRecord[]>();
  for (const r of records) {
    const key = `${r.accountId}-d${Math.floor((r.time - period.start) / DAY)}`;
    const list = byUnit.get(key) ?? [];
    list.push(r);
    byUnit.set(key, list);
  }
  const units: Unit[] = [];
  for (let day = 0; day < config.days; day++) {
    for (const a of world.accounts) {
      const id = `${a.id}-d${day}`;
      units.push({ id, accountId: a.id, day, campaignRecords: byUnit.get(id) ?? [] });
    }
  }
  // Largest units first, so no worker is left with a big one at the end (output does not depend on order).
  const weight = new Map(world.accounts.map((a) => [a.id, world.principals.filter((p) => p.account === a).reduce((sum, p) => sum + p.dailyEvents, 0)]));
  units.sort((a, b) => weight.get(b.accountId)! + b.campaignRecords.length - (weight.get(a.accountId)! + a.campaignRecords.length) || a.day - b.day);
  const total = emptyStats();
  let done = 0;
  const onDone = (s: WriteStats) => {
    addStats(total, s);
    opts.onProgress?.(++done, units.length, total.events);
  };
  await (pool ? pool.run(units, onDone) : runUnitsInProcess(config, world, units, eventsDir, onDone));

  const truth: Truth = {
    period: { start: isoSeconds(period.start), evaluationStart: isoSeconds(period.evaluationStart), end: isoSeconds(period.end) },
    campaigns,
  };
  const habitual = new Set(world.principals.flatMap((p) => p.networks.items));
  const attackEvents = new Set(campaigns.filter((c) => c.kind === "attack").flatMap((c) => c.stages.flatMap((s) => s.eventIds)));
  const attackIps = records
    .filter((r) => attackEvents.has(r.eventId))
    .map((r) => r.record.sourceIPAddress as string)
    .filter((ip) => !habitual.has(ip) && lookupIp(ip) !== undefined);
  const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";
  await writeAtomic(join(outDir, "inventory.json"), json(inventoryOf(world)));
  await writeAtomic(join(outDir, "intel.json"), json(buildIntel(world, attackIps, period)));
  await writeAtomic(join(outDir, "truth.json"), json(truth));
  const manifest: Manifest = {
    tool: "seqlab",
    kind: "simulation",
    config,
    scenarios: [...new Set(plans.map((p) => p.scenario.id))],
    command: opts.command,
    versions: await versions(),
    gitCommit: gitCommit(),
    counts: {
      events: total.events,
      files: total.files,
      bytes: total.bytes,
      perSource: sortKeys(total.perSource),
      perAccount: sortKeys(total.perAccount),
      campaigns: campaigns.length,
      principals: world.principals.length,
    },
    timings: { startedAt, seconds: Math.round((performance.now() - started) / 10) / 100, workers: opts.workers },
  };
  await writeAtomic(join(outDir, "manifest.json"), json(manifest));
  return { manifest, truth, accounts: world.accounts.map((a) => ({ id: a.id, name: a.name, kind: a.kind })) };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
