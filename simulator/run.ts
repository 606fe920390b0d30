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
import { addStats, emptyStats, writeAtomic, writeCloudTrailUnit, type WriteStats } from "./writer.ts";

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
export async function runUnit(world: World, config: SimulationConfig, unit: Unit, eventsDir: string): Promise<WriteStats> {
  const period = periodOf(config);
  const records: EmittedRecord[] = unit.campaignRecords.slice();
  const sink = (r: EmittedRecord) => records.push(r);
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

/** Bootstrap that lets a worker thread load TypeScript; `workerData.module` names the module. */
export const WORKER_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/** Run units on `workers` threads (in-process for one), pulling from a shared queue. */
async function runUnits(config: SimulationConfig, world: World, units: Unit[], eventsDir: string, workers: number, onDone: (s: WriteStats) => void): Promise<void> {
  if (workers <= 1) {
    for (const unit of units) onDone(await runUnit(world, config, unit, eventsDir));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER_ENTRY, { workerData: { module: new URL("./worker.ts", import.meta.url).href, config, eventsDir } });
        const feed = () => {
          if (next >= units.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(units[next++]);
        };
        worker.on("message", (stats: WriteStats) => {
          onDone(stats);
          feed();
        });
        worker.on("error", reject);
        worker.on("online", feed);
      }),
    ),
  );
}

/** Simulate a run into `outDir` (which the caller has checked and prepared). */
export async function simulate(opts: SimulateOptions): Promise<SimulateResult> {
  const { config, outDir } = opts;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const period = periodOf(config);
  const suite = suiteById(config.suite);
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
  const eventsDir = join(outDir, "events");
  const total = emptyStats();
  let done = 0;
  await runUnits(config, world, units, eventsDir, opts.workers, (s) => {
    addStats(total, s);
    opts.onProgress?.(++done, units.length, total.events);
  });

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
