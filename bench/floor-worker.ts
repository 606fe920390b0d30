/**
 * The simulator's floor on one core: serialise and gzip (level 1) records of the same world, in
 * CloudTrail-file-sized chunks, with nothing else. Runs in a worker so the floor is measured at the
 * same thread count as the simulation it is compared with.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gzipSync, constants } from "node:zlib";
import { generateBenignDay } from "../simulator/benign.ts";
import type { EmittedRecord } from "../simulator/session.ts";
import { buildWorld } from "../simulator/world.ts";

const { seed, accounts, day } = workerData as { seed: number; accounts: number; day: number };
const world = buildWorld(seed, { accounts, days: day + 1 });
const start = Date.parse("2026-10-05T00:00:00Z");
const records: EmittedRecord[] = [];
for (const p of world.principals) generateBenignDay(world, p, day, { start, end: start + (day + 1) * 86_400_000 }, (r) => records.push(r));
const CHUNK = 150;
// Wait for the go signal, so that several floor workers measure at the same time.
await new Promise((resolve) => {
  parentPort!.once("message", resolve);
  parentPort!.postMessage("ready");
});
const t0 = performance.now();
let bytes = 0;
// The fastest serialisation there is (one stringify call per file), so the floor is a true floor.
for (let i = 0; i < records.length; i += CHUNK) {
  bytes += gzipSync(JSON.stringify({ Records: records.slice(i, i + CHUNK).map((r) => r.record) }), { level: constants.Z_BEST_SPEED }).length;
}
parentPort!.postMessage({ events: records.length, bytes, seconds: (performance.now() - t0) / 1000 });
