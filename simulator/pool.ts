/**
 * Runs units of work: on worker threads that each build the world once, or in-process for one
 * worker. Each unit's output depends only on the unit, so the order and the thread do not matter.
 */
import { Worker } from "node:worker_threads";
import type { SimulationConfig } from "../schema/manifest.ts";
import { runUnit, type Unit } from "./unit.ts";
import type { World } from "./world-types.ts";
import type { WriteStats } from "./writer.ts";

/** Young-generation size for simulation threads (the CLI gives the main thread the same). */
export const YOUNG_GENERATION_MB = 192;

/** Bootstrap that lets a worker thread load TypeScript; `workerData.module` names the module. */
export const WORKER_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Worker threads, each building the world once. They are started before the main thread plans the
 * campaigns, so their start-up (loading, building the world) overlaps that work.
 */
export class UnitPool {
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

  /** Stop every worker (after a failure elsewhere, so the process can exit). */
  async terminate(): Promise<void> {
    await Promise.all(this.ready.map((r) => r.then((w) => w.terminate(), () => undefined)));
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
export async function runUnitsInProcess(config: SimulationConfig, world: World, units: Unit[], eventsDir: string, onDone: (s: WriteStats) => void): Promise<void> {
  for (const unit of units) {
    onDone(runUnit(world, config, unit, eventsDir));
    await new Promise((r) => setImmediate(r));
  }
}

