/**
 * Hand-run throughput check of ingest against its floor on a run directory:
 *   node --import tsx detector/ingest/measure.ts <run-or-events-dir> [--by-hour]
 * Rates are per CPU second of this process. The floor reads the same files with nothing else: gunzip, then JSON.parse of each CloudTrail
 * document or JSON line, `split(" ")` of each flow line. Not a unit test: numbers depend on the machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { runActivitiesByHour } from "./by-hour.ts";
import { listFiles, readActivities } from "./read.ts";
import { emptyStats } from "./stats.ts";

function floor(files: string[]): number {
  let records = 0;
  for (const file of files) {
    const raw = readFileSync(file);
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    if (file.includes("/CloudTrail/")) records += (JSON.parse(text) as { Records: unknown[] }).Records.length;
    else
      for (const line of text.split("\n")) {
        if (line === "" || line.startsWith("version ")) continue;
        if (file.includes("/vpcflowlogs/")) line.split(" ");
        else JSON.parse(line);
        records++;
      }
  }
  return records;
}

async function ingest(dir: string, byHour: boolean): Promise<number> {
  const stats = emptyStats();
  let n = 0;
  if (byHour) for await (const { activities } of runActivitiesByHour(dir, { stats })) n += activities.length;
  else for await (const batch of readActivities([dir], { stats })) n += batch.length;
  return n;
}

/** CPU seconds rather than wall time: the machine is often shared, and CPU time suffers less from it. */
async function time<T>(f: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(start);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

const arg = process.argv[2];
if (!arg) {
  console.error("usage: node --import tsx detector/ingest/measure.ts <run-or-events-dir> [--by-hour]");
  process.exit(2);
}
const dir = existsSync(join(arg, "events")) ? join(arg, "events") : arg;
const byHour = process.argv.includes("--by-hour");
const files = listFiles(dir);
// Alternate twice so both sides run warm and share the page cache; keep each side's best.
let best = { floor: Infinity, ingest: Infinity, records: 0, activities: 0 };
for (let round = 0; round < 2; round++) {
  const f = await time(() => floor(files));
  const i = await time(() => ingest(dir, byHour));
  best = { floor: Math.min(best.floor, f.seconds), ingest: Math.min(best.ingest, i.seconds), records: f.value, activities: i.value };
}
const floorRate = best.records / best.floor;
const ingestRate = best.activities / best.ingest;
console.log(`${files.length} files, ${best.records} records`);
console.log(`floor  (gunzip + JSON.parse): ${Math.round(floorRate)} records per CPU second`);
console.log(`ingest (${byHour ? "runActivitiesByHour" : "readActivities"}): ${Math.round(ingestRate)} activities per CPU second (${(ingestRate / floorRate).toFixed(2)} of floor)`);
console.log(`peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
