/**
 * A whole simulation run: build the world, run the suite's campaigns, generate every
 * (account, day) unit of benign activity in worker threads, write the run directory, and write
 * `manifest.json` last. Each unit depends only on the seed, the config and its own id, so the
 * output is byte-identical whatever the number of workers.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest, SimulationConfig } from "../schema/manifest.ts";
import type { Truth } from "../schema/truth.ts";
import { suiteById } from "../scenarios/suites.ts";
import { planCampaigns, runCampaigns } from "./campaigns.ts";
import { DAY, isoSeconds, wallClockIso } from "./clock.ts";
import { buildIntel } from "./intel.ts";
import { lookupIp } from "./networks.ts";
import { periodOf } from "./period.ts";
import { personaLabels } from "./persona-labels.ts";
import { UnitPool, runUnitsInProcess } from "./pool.ts";
import type { HostEvent } from "./host.ts";
import type { EmittedRecord } from "./session.ts";
import type { Unit } from "./unit.ts";
import { buildWorld, inventoryOf } from "./world.ts";
import { addStats, emptyStats, writeAtomic, type WriteStats } from "./writer.ts";

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

/** Simulate a run into `outDir` (which the caller has checked and prepared). */
export async function simulate(opts: SimulateOptions): Promise<SimulateResult> {
  // Workers start at once, so their start-up overlaps campaign planning in this thread.
  const pool = opts.workers > 1 ? new UnitPool(opts.workers, opts.config, join(opts.outDir, "events")) : undefined;
  try {
    return await simulateWith(opts, pool);
  } catch (error) {
    // Idle workers keep the process alive: stop them, or a failed run never exits.
    await pool?.terminate();
    throw error;
  }
}

async function simulateWith(opts: SimulateOptions, pool: UnitPool | undefined): Promise<SimulateResult> {
  const { config, outDir } = opts;
  const started = performance.now();
  const startedAt = wallClockIso();
  const period = periodOf(config);
  const suite = suiteById(config.suite);
  const eventsDir = join(outDir, "events");
  const world = buildWorld(config.seed, { accounts: config.accounts, days: config.days });
  const plans = planCampaigns(config.seed, suite, period);
  const { records, hostEvents, campaigns } = runCampaigns(world, plans, period);

  const byUnit = new Map<string, EmittedRecord[]>();
  for (const r of records) {
    const key = `${r.accountId}-d${Math.floor((r.time - period.start) / DAY)}`;
    const list = byUnit.get(key) ?? [];
    list.push(r);
    byUnit.set(key, list);
  }
  const hostByUnit = new Map<string, HostEvent[]>();
  for (const e of hostEvents) {
    const key = `${e.accountId}-d${Math.floor((e.time - period.start) / DAY)}`;
    const list = hostByUnit.get(key) ?? [];
    list.push(e);
    hostByUnit.set(key, list);
  }
  const units: Unit[] = [];
  for (let day = 0; day < config.days; day++) {
    for (const a of world.accounts) {
      const id = `${a.id}-d${day}`;
      units.push({ id, accountId: a.id, day, campaignRecords: byUnit.get(id) ?? [], campaignHostEvents: hostByUnit.get(id) ?? [] });
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
    accounts: world.accounts.map((a) => a.id),
    campaigns,
    personas: personaLabels(world),
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
