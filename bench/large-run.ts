/**
 * One large simulation in its own process, reporting its peak resident memory (VmHWM covers every
 * thread of the process). Usage: tsx bench/large-run.ts OUT ACCOUNTS DAYS WORKERS
 */
import { readFileSync } from "node:fs";
import { simulate } from "../simulator/run.ts";

const [out, accounts, days, workers] = process.argv.slice(2);
const started = performance.now();
const { manifest } = await simulate({
  config: { seed: 1, days: Number(days), historyDays: Math.floor(Number(days) / 2), accounts: Number(accounts), suite: "default", start: "2026-10-05" },
  outDir: out!,
  workers: Number(workers),
  command: "bench",
});
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
console.log(JSON.stringify({ events: manifest.counts.events, bytes: manifest.counts.bytes, seconds: (performance.now() - started) / 1000, peakRssBytes: Number(hwm?.[1] ?? 0) * 1024 }));
