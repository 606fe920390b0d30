/**
 * Detector benchmarks: detection throughput (training excluded) against the ingest floor of the
 * same files in the same process; tfjs training throughput against a hand-written Float32Array SGD
 * loop of the same model size; and, in the full bench, peak memory of detection on ~10 million
 * events.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectNodeFlags } from "../cli/detect-jobs.ts";
import { detect } from "../detector/detect.ts";
import { measureTrainingThroughput } from "../detector/embed/throughput.ts";
import { runSource } from "../detector/sources.ts";
import { loadVariant } from "../detector/variant.ts";
import { listFiles } from "../simulator/testing.ts";
import { simulate } from "../simulator/run.ts";
import { LARGE_RUN, type BenchLine } from "./simulate.ts";
import { ingestFloor } from "./ingest-floor.ts";

const DAY = 86_400_000;

/** Run the detector benchmarks; `quick` uses a small run and skips the 10-million-event memory run. */
export async function benchDetect(quick: boolean, log: (line: string) => void): Promise<BenchLine[]> {
  const dir = mkdtempSync(join(tmpdir(), "seqlab-bench-detect-"));
  try {
    const config = quick
      ? { seed: 1, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" }
      : { seed: 1, days: 14, historyDays: 7, accounts: 12, suite: "default", start: "2026-10-05" };
    log(`detect: simulating a ${config.days}-day, ${config.accounts}-account run to detect on`);
    const { truth } = await simulate({ config, outDir: dir, workers: 2, command: "bench" });
    const events = join(dir, "events");
    const files = listFiles(events).map((f) => join(events, f));
    // Detection reads only the evaluation period: the floor reads the same files.
    const evaluationStart = Date.parse(truth.period.evaluationStart);
    // The floor is measured before and after detection and pooled: this machine's speed drifts
    // by a fifth within minutes, and one sample of it moved the ratio more than any change did.
    let floorRecords = 0;
    let floorSeconds = 0;
    const floor = () => {
      const started = performance.now();
      floorRecords += ingestFloor(files);
      floorSeconds += (performance.now() - started) / 1000;
    };
    log("detect: ingest floor (gunzip + JSON.parse) on the same files, before detection");
    floor();
    log("detect: variant full (history, training, detection)");
    const start = Date.parse(`${config.start}T00:00:00Z`);
    const result = await detect({
      variant: loadVariant("full"),
      source: runSource(events, { start, evaluationStart, end: start + config.days * DAY, strict: false }),
      intel: JSON.parse(readFileSync(join(dir, "intel.json"), "utf8")),
    });
    const s = result.summary;
    const detectRate = s.detectionActivities / s.seconds.detect;
    log("detect: ingest floor again, after detection");
    floor();
    const floorRate = floorRecords / floorSeconds;
    log("detect: training throughput, tfjs vs a hand-written SGD loop");
    const training = await measureTrainingThroughput({ seed: 1 });
    const lines: BenchLine[] = [
      { name: "ingest floor records/s (before and after detection)", value: floorRate, unit: "records/s" },
      { name: "detection activities/s (no training)", value: detectRate, unit: "activities/s" },
      { name: "detection / ingest floor", value: detectRate / floorRate, unit: "ratio", target: { op: ">=", value: 0.5 } },
      { name: "history pass + training seconds", value: s.seconds.history + s.seconds.train, unit: "s" },
      { name: `training examples/s, tfjs ${training.backend}`, value: training.tfjsExamplesPerSecond, unit: "examples/s" },
      { name: "training examples/s, Float32Array SGD", value: training.handLoopExamplesPerSecond, unit: "examples/s" },
      { name: "training tfjs / hand loop", value: training.ratio, unit: "ratio", target: { op: ">=", value: 0.2 } },
    ];
    if (!quick) lines.push(...largeDetect(log));
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of detection over a ~10-million-event run, each in its own process. */
function largeDetect(log: (line: string) => void): BenchLine[] {
  const out = mkdtempSync(join(tmpdir(), "seqlab-bench-large-detect-"));
  const tsx = (script: string, args: string[]) => {
    const child = spawnSync(process.execPath, [...detectNodeFlags(), "--import", "tsx", new URL(script, import.meta.url).pathname, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").pop()!);
  };
  try {
    log(`detect: simulating ~10 million events (${LARGE_RUN.accounts} accounts × ${LARGE_RUN.days} days)`);
    tsx("./large-run.ts", [out, String(LARGE_RUN.accounts), String(LARGE_RUN.days), "2"]);
    log("detect: variant full on it, peak memory");
    const r = tsx("./large-detect.ts", [out, "full"]) as { records: number; peakRssBytes: number };
    return [
      { name: "large detection records read", value: r.records, unit: "records" },
      { name: "large detection peak RSS", value: r.peakRssBytes / 2 ** 20, unit: "MiB", target: { op: "<=", value: 2048 } },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
