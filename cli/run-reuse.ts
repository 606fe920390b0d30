/**
 * Reusing simulated runs: a directory holds a complete run when its `manifest.json` (written last)
 * is there and valid; a run of the same config is reused, anything else is simulated again.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { manifestSchema, type Manifest, type SimulationConfig } from "../schema/manifest.ts";
import { runSimulate } from "./simulate.ts";

/** The manifest of the complete run in `dir`, or null when there is none (no directory, or no valid manifest: incomplete). */
export function completeRun(dir: string): Manifest | null {
  const file = join(dir, "manifest.json");
  if (!existsSync(file)) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // An unreadable manifest makes the run as unusable as a missing one.
  }
}

/** Whether a run was made from exactly `config`. */
export function sameConfig(manifest: Manifest, config: SimulationConfig): boolean {
  return (Object.keys(config) as (keyof SimulationConfig)[]).every((k) => manifest.config[k] === config[k]);
}

/**
 * Make `dir` hold a complete run of `config`: keep one that is already there, else simulate,
 * replacing an incomplete or different seqlab run (never another folder: simulate refuses).
 * Returns whether the run was reused.
 */
export async function ensureRun(dir: string, config: SimulationConfig, workers?: number): Promise<boolean> {
  const manifest = completeRun(dir);
  if (manifest !== null && sameConfig(manifest, config)) return true;
  await runSimulate({
    out: dir,
    seed: String(config.seed),
    days: String(config.days),
    accounts: String(config.accounts),
    suite: config.suite,
    start: config.start,
    workers: workers === undefined ? undefined : String(workers),
    force: true,
  });
  return false;
}
