/**
 * Determinism: the same seed and config give byte-identical run directories whatever the number
 * of workers or the order work is done in; another seed gives other events.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulationConfig } from "../schema/manifest.ts";
import { suiteById } from "../scenarios/suites.ts";
import { generateBenignDay } from "./benign.ts";
import { busyAround, planCampaigns, runCampaign, runCampaigns } from "./campaigns.ts";
import { periodOf } from "./period.ts";
import { simulate } from "./run.ts";
import { listFiles, readEventFiles } from "./testing.ts";
import type { EmittedRecord } from "./session.ts";
import { buildWorld, inventoryOf } from "./world.ts";

const CONFIG: SimulationConfig = { seed: 7, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" };

/** Relative path → sha256 of every file under `dir`. */
function hashTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((path) => [path, createHash("sha256").update(readFileSync(join(dir, path))).digest("hex")]));
}

function manifestWithoutTimings(dir: string): unknown {
  const { timings, ...rest } = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
  expect(timings).toBeDefined();
  return rest;
}

/** Every CloudTrail eventID written under a run's events/. */
function eventIds(dir: string): Set<string> {
  return new Set(readEventFiles(dir).flatMap((f) => f.records.map((r) => r.eventID as string)));
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "seqlab-determinism-"));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("simulate", () => {
  let oneWorker: string;
  let twoWorkers: string;
  let otherSeed: string;

  beforeAll(async () => {
    [oneWorker, twoWorkers, otherSeed] = [tempDir(), tempDir(), tempDir()];
    await simulate({ config: CONFIG, outDir: oneWorker, workers: 1, command: "test" });
    await simulate({ config: CONFIG, outDir: twoWorkers, workers: 2, command: "test" });
    await simulate({ config: { ...CONFIG, seed: CONFIG.seed + 1 }, outDir: otherSeed, workers: 1, command: "test" });
  });

  it("writes byte-identical trees with one worker and with two", () => {
    const a = hashTree(oneWorker);
    const b = hashTree(twoWorkers);
    expect(a.size).toBeGreaterThan(10);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a.keys()].filter((k) => k !== "manifest.json" && a.get(k) !== b.get(k));
    expect(differing).toEqual([]);
  });

  it("writes the same manifest apart from timings", () => {
    expect(manifestWithoutTimings(twoWorkers)).toEqual(manifestWithoutTimings(oneWorker));
  });

  it("gives other events, truth and world for another seed", () => {
    const a = eventIds(oneWorker);
    const c = eventIds(otherSeed);
    const shared = [...c].filter((id) => a.has(id)).length;
    expect(shared).toBe(0);
    for (const file of ["truth.json", "inventory.json", "intel.json"]) {
      expect(readFileSync(join(otherSeed, file), "utf8"), file).not.toBe(readFileSync(join(oneWorker, file), "utf8"));
    }
  });
});

describe("building and planning", () => {
  // Long enough for every scenario of the default suite to fit in its period.
  const LONG: SimulationConfig = { ...CONFIG, days: 10, historyDays: 5 };
  const size = { accounts: LONG.accounts, days: LONG.days };
  const period = periodOf(LONG);

  it("builds the same world twice, even with another world built in between", () => {
    const first = buildWorld(CONFIG.seed, size);
    buildWorld(CONFIG.seed + 100, { accounts: 9, days: 20 });
    const second = buildWorld(CONFIG.seed, size);
    expect(second).toEqual(first);
    expect(JSON.stringify(inventoryOf(second))).toBe(JSON.stringify(inventoryOf(first)));
  });

  it("builds another world for another seed", () => {
    expect(JSON.stringify(inventoryOf(buildWorld(CONFIG.seed + 1, size)))).not.toBe(JSON.stringify(inventoryOf(buildWorld(CONFIG.seed, size))));
  });

  it("plans the same campaigns twice", () => {
    const suite = suiteById("default");
    const a = planCampaigns(CONFIG.seed, suite, period).map((p) => ({ id: p.id, scenario: p.scenario.id, start: p.start }));
    const b = planCampaigns(CONFIG.seed, suite, period).map((p) => ({ id: p.id, scenario: p.scenario.id, start: p.start }));
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  });

  // Campaigns depend on one another only through the identities earlier ones used (busyAround).
  it("runs each campaign the same whatever the order campaigns run in, given those planned before it", () => {
    const world = buildWorld(CONFIG.seed, size);
    const plans = planCampaigns(CONFIG.seed, suiteById("default"), period);
    const forward = runCampaigns(world, plans, period);
    const reversed = [...plans].reverse().map((plan) => {
      const records: EmittedRecord[] = [];
      const busy = busyAround(forward.campaigns.slice(0, plans.indexOf(plan)), plan);
      return { id: plan.id, campaign: runCampaign(buildWorld(CONFIG.seed, size), plan, period, (r) => records.push(r), () => {}, busy), records };
    });
    for (const r of reversed) {
      expect(r.campaign).toEqual(forward.campaigns.find((c) => c.id === r.id));
      const ids = new Set(r.campaign.stages.flatMap((s) => s.eventIds));
      expect(r.records).toEqual(forward.records.filter((x) => ids.has(x.eventId)));
    }
  });

  it("generates each principal-day the same whatever the order, and after campaigns ran", () => {
    const world = buildWorld(CONFIG.seed, size);
    const generate = (w: typeof world, order: [number, number][]) => {
      const out = new Map<string, EmittedRecord[]>();
      for (const [pi, day] of order) {
        const records: EmittedRecord[] = [];
        generateBenignDay(w, w.principals[pi]!, day, period, (r) => records.push(r));
        out.set(`${pi}/${day}`, records);
      }
      return out;
    };
    const order: [number, number][] = [];
    for (let pi = 0; pi < world.principals.length; pi += 3) for (let day = 0; day < CONFIG.days; day++) order.push([pi, day]);
    const forward = generate(world, order);
    // A fresh world that has already run the campaigns (as the main thread's has) must give the same.
    const used = buildWorld(CONFIG.seed, size);
    runCampaigns(used, planCampaigns(CONFIG.seed, suiteById("smoke"), period), period);
    const backward = generate(used, [...order].reverse());
    expect(backward.size).toBe(forward.size);
    for (const [key, records] of forward) expect(backward.get(key), key).toEqual(records);
  });
});
