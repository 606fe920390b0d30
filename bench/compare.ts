/**
 * Compare benchmark: the wall time of a whole `seqlab compare` from scratch (in its own process
 * as a user runs it) and its split by stage, from the `timings` the comparison records; then
 * whatever else is measured on the comparison it made (the report) before it is deleted.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPARE_DEFAULTS, COMPARE_STAGES, type ComparisonJson } from "../cli/compare.ts";
import type { BenchLine } from "./simulate.ts";

const BIN = fileURLToPath(new URL("../cli/bin.ts", import.meta.url));

/** The comparison under test: the default one (3 seeds × 4 variants, default suite); `quick` a 2 × 2 one on smoke-suite runs of 4 days and 4 accounts. */
function comparisonArgs(quick: boolean): { args: string[]; what: string } {
  const [variants, seeds, suite, days, accounts] = quick
    ? ["full,rules-only", "2", "smoke", "4", "4"]
    : [COMPARE_DEFAULTS.variants, COMPARE_DEFAULTS.seeds, COMPARE_DEFAULTS.suite, COMPARE_DEFAULTS.days, COMPARE_DEFAULTS.accounts];
  return {
    args: ["--variants", variants, "--seeds", seeds, "--suite", suite, "--days", days, "--accounts", accounts],
    what: `${seeds} seeds × ${variants.split(",").length} variants, suite ${suite}, ${days} days, ${accounts} accounts`,
  };
}

/**
 * Run the compare benchmark, then `measure` on the comparison directory it wrote (given a
 * description of the comparison), before the directory is deleted.
 */
export async function benchCompare(quick: boolean, log: (line: string) => void, measure: (dir: string, what: string) => Promise<BenchLine[]>): Promise<BenchLine[]> {
  const out = join(mkdtempSync(join(tmpdir(), "seqlab-bench-compare-")), "compare");
  const { args, what } = comparisonArgs(quick);
  try {
    log(`compare: ${what} from scratch`);
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", BIN, "compare", ...args, "--out", out], {
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 << 20,
    });
    const wall = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`compare failed (exit ${child.status}): ${child.stderr.slice(-4000)}`);
    const { timings } = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8")) as ComparisonJson;
    return [
      { name: `compare wall seconds (${what})`, value: wall, unit: "s" },
      ...COMPARE_STAGES.map((stage): BenchLine => ({ name: `compare ${stage} seconds`, value: timings[stage], unit: "s" })),
      ...(await measure(out, what)),
    ];
  } finally {
    rmSync(join(out, ".."), { recursive: true, force: true });
  }
}
