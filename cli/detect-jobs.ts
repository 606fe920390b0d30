/**
 * Detection of many (run × variant) jobs: each runs `seqlab detect --run DIR --variant V` in its own
 * child process (detection is single-threaded, so separate processes are what use several cores),
 * a few at a time, with one progress bar. Jobs whose findings are current (see
 * detection-provenance.ts) are skipped; every finished job is stamped. Each job writes only its own
 * files, so the output is the same bytes whatever the number of workers or the order they finish in.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SingleBar, Presets } from "cli-progress";
import type { Variant } from "../detector/variant.ts";
import { isDetectionCurrent, stampDetection } from "./detection-provenance.ts";

/** One detection to run: a variant on a simulated run. */
export interface DetectJob {
  runDir: string;
  variant: Variant;
  /** How `--variant` names it: a built-in name or a variant JSON file. */
  variantArg: string;
}

/** What {@link runDetectJobs} did. */
export interface DetectJobsResult {
  ran: number;
  reused: number;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = fileURLToPath(new URL("./bin.ts", import.meta.url));
/** Most of a failing child's output kept for the error message. */
const OUTPUT_TAIL = 4000;

/** The V8 memory flags of the `detect` npm script, so a child has the same heap as `npm run detect`. */
export function detectNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return (pkg.scripts.detect ?? "").split(/\s+/).filter((t) => /^--max-[a-z-]+=\d+$/.test(t));
}

/** Concurrent detections this machine holds: one per core, as many as fit in memory at the children's heap limit plus 1 GiB, at most 8. */
export function defaultDetectWorkers(): number {
  const heapMiB = Number(detectNodeFlags().find((f) => f.startsWith("--max-old-space-size="))?.split("=")[1] ?? 2048);
  const fitInMemory = Math.floor(totalmem() / ((heapMiB + 1024) * 2 ** 20));
  return Math.max(1, Math.min(availableParallelism(), fitInMemory, 8));
}

/** Run the jobs whose findings are not current, `workers` at a time; rejects with the first failing child's output. */
export async function runDetectJobs(jobs: readonly DetectJob[], workers: number): Promise<DetectJobsResult> {
  const todo = jobs.filter((j) => !isDetectionCurrent(j.runDir, j.variant));
  const reused = jobs.length - todo.length;
  if (todo.length === 0) return { ran: 0, reused };
  const nodeFlags = detectNodeFlags();
  const bar = new SingleBar({ format: "  detecting [{bar}] {value}/{total} (run × variant) | {running} | {duration}s", stream: process.stderr }, Presets.shades_classic);
  const running = new Map<DetectJob, ReturnType<typeof spawn>>();
  const label = (j: DetectJob) => `${j.runDir.split(/[\\/]/).pop()}/${j.variant.name}`;
  bar.start(jobs.length, reused, { running: "" });
  let next = 0;
  let failure: Error | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < todo.length) {
      const job = todo[next++]!;
      const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", BIN, "detect", "--run", resolve(job.runDir), "--variant", variantPath(job.variantArg)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      running.set(job, child);
      bar.update({ running: [...running.keys()].map(label).join(", ") });
      try {
        await finished(child, label(job));
        await stampDetection(job.runDir, job.variant);
        bar.increment();
      } catch (e) {
        if (failure === undefined) {
          failure = e as Error;
          // Fail fast: the comparison cannot finish, so the other children's work would be wasted time.
          for (const other of running.values()) if (other !== child) other.kill();
        }
      } finally {
        running.delete(job);
        bar.update({ running: [...running.keys()].map(label).join(", ") });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, todo.length) }, worker));
  } finally {
    bar.stop();
  }
  if (failure) throw failure;
  return { ran: todo.length, reused };
}

/** A variant file path made absolute, since the child runs in the package root; built-in names pass as they are. */
function variantPath(arg: string): string {
  return arg.endsWith(".json") || arg.includes("/") ? resolve(arg) : arg;
}

/** Resolve when the child exits 0; reject with the tail of its output otherwise. */
function finished(child: ReturnType<typeof spawn>, label: string): Promise<void> {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_TAIL);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`detect ${label} failed (exit ${code ?? signal}):\n${output.trimEnd()}`));
    });
  });
}
