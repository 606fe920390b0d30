/**
 * Detection over one large run in its own process, reporting its peak resident memory (VmHWM).
 * Usage: tsx bench/large-detect.ts RUN_DIR VARIANT
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detect } from "../detector/detect.ts";
import { runSource } from "../detector/sources.ts";
import { loadVariant } from "../detector/variant.ts";
import type { Manifest } from "../schema/manifest.ts";

const [run, variant] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(run!, "manifest.json"), "utf8")) as Manifest;
const start = Date.parse(`${manifest.config.start}T00:00:00Z`);
const DAY = 86_400_000;
const result = await detect({
  variant: loadVariant(variant!),
  source: runSource(join(run!, "events"), { start, evaluationStart: start + manifest.config.historyDays * DAY, end: start + manifest.config.days * DAY, strict: false }),
  intel: JSON.parse(readFileSync(join(run!, "intel.json"), "utf8")),
});
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
console.log(JSON.stringify({ records: result.summary.records.read, detectionActivities: result.summary.detectionActivities, seconds: result.summary.seconds, peakRssBytes: Number(hwm?.[1] ?? 0) * 1024 }));
