/**
 * Simulator benchmarks: throughput against the serialise+gzip floor at the same worker count,
 * speed-up from one to two workers, and peak memory of a large streamed run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { WORKER_ENTRY, YOUNG_GENERATION_MB } from "../simulator/pool.ts";
import { simulate } from "../simulator/run.ts";

/**
 * The full bench's large run: ~10 million events (CloudTrail with flow, Resolver and runtime
 * telemetry, ~0.7 million a day at 40 accounts; 42 days made 29.5 million).
 */
export const LARGE_RUN = { accounts: 40, days: 14 } as const;

/** One measured figure with its target, if it has one. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  target?: { op: ">=" | "<="; value: number };
}

async function floor(workers: number): Promise<{ eventsPerSecond: number; bytesPerSecond: number }> {
  const threads = Array.from({ length: workers }, (_, i) => {
    const w = new Worker(WORKER_ENTRY, {
      workerData: { module: new URL("./floor-worker.ts", import.meta.url).href, seed: 1, accounts: 12, day: 1 + i },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const ready = new Promise<void>((resolve, reject) => {
      w.once("message", () => resolve());
      w.once("error", reject);
    });
    return { w, ready };
  });
  // Every worker has its records in memory before any starts the clock.
  await Promise.all(threads.map((t) => t.ready));
  const results = await Promise.all(
    threads.map(
      ({ w }) =>
        new Promise<{ events: number; bytes: number; seconds: number }>((resolve, reject) => {
          w.once("message", (m) => void w.terminate().then(() => resolve(m)));
          w.once("error", reject);
          w.postMessage("go");
        }),
    ),
  );
  const seconds = Math.max(...results.map((r) => r.seconds));
  return { eventsPerSecond: results.reduce((a, r) => a + r.events, 0) / seconds, bytesPerSecond: results.reduce((a, r) => a + r.bytes, 0) / seconds };
}

async function throughput(workers: number, days: number): Promise<{ eventsPerSecond: number; bytesPerSecond: number }> {
  const out = mkdtempSync(join(tmpdir(), "seqlab-bench-"));
  try {
    const t0 = performance.now();
    const { manifest } = await simulate({ config: { seed: 1, days, historyDays: Math.floor(days / 2), accounts: 12, suite: "default", start: "2026-10-05" }, outDir: out, workers, command: "bench" });
    const seconds = (performance.now() - t0) / 1000;
    return { eventsPerSecond: manifest.counts.events / seconds, bytesPerSecond: manifest.counts.bytes / seconds };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function largeRun(accounts: number, days: number): { events: number; seconds: number; peakRssBytes: number } {
  const out = mkdtempSync(join(tmpdir(), "seqlab-bench-large-"));
  try {
    const child = spawnSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", new URL("./large-run.ts", import.meta.url).pathname, out, String(accounts), String(days), "2"], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`large run failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").pop()!);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Run the simulator benchmarks; `quick` skips the 10-million-event memory run. */
export async function benchSimulate(quick: boolean, log: (line: string) => void): Promise<BenchLine[]> {
  // Long enough that starting the worker threads (~1 s) is a small part of the run.
  const days = quick ? 10 : 14;
  const lines: BenchLine[] = [];
  log("simulate: floor (serialise + gzip level 1) at 1 and 2 workers");
  const floor1 = await floor(1);
  const floor2 = await floor(2);
  log(`simulate: ${days}-day, 12-account run at 1 and 2 workers`);
  const one = await throughput(1, days);
  const two = await throughput(2, days);
  lines.push(
    { name: "simulate events/s, 1 worker", value: one.eventsPerSecond, unit: "events/s" },
    { name: "simulate events/s, 2 workers", value: two.eventsPerSecond, unit: "events/s" },
    { name: "simulate gzip bytes/s, 2 workers", value: two.bytesPerSecond, unit: "B/s" },
    { name: "floor events/s, 1 worker", value: floor1.eventsPerSecond, unit: "events/s" },
    { name: "floor events/s, 2 workers", value: floor2.eventsPerSecond, unit: "events/s" },
    { name: "simulate / floor, 1 worker", value: one.eventsPerSecond / floor1.eventsPerSecond, unit: "ratio", target: { op: ">=", value: 0.6 } },
    { name: "simulate / floor, 2 workers", value: two.eventsPerSecond / floor2.eventsPerSecond, unit: "ratio", target: { op: ">=", value: 0.6 } },
    { name: "speed-up 1 → 2 workers", value: two.eventsPerSecond / one.eventsPerSecond, unit: "x", target: { op: ">=", value: 1.7 } },
  );
  if (!quick) {
    log(`simulate: ~10 million events (${LARGE_RUN.accounts} accounts × ${LARGE_RUN.days} days), peak memory`);
    const large = largeRun(LARGE_RUN.accounts, LARGE_RUN.days);
    lines.push(
      { name: "large run events", value: large.events, unit: "events" },
      { name: "large run events/s", value: large.events / large.seconds, unit: "events/s" },
      { name: "large run peak RSS", value: large.peakRssBytes / 2 ** 20, unit: "MiB", target: { op: "<=", value: 1024 } },
    );
  }
  return lines;
}
