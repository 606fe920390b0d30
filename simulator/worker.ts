/** Worker thread: builds the world once, then generates and writes the units it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import type { SimulationConfig } from "../schema/manifest.ts";
import { runUnit, type Unit } from "./unit.ts";
import { buildWorld } from "./world.ts";

const { config, eventsDir } = workerData as { config: SimulationConfig; eventsDir: string };
const world = buildWorld(config.seed, { accounts: config.accounts, days: config.days });

parentPort!.postMessage("ready");
parentPort!.on("message", (unit: Unit) => {
  parentPort!.postMessage(runUnit(world, config, unit, eventsDir));
});
