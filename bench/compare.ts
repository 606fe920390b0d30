/**
 * Compare benchmark: the wall time of a whole `seqlab compare` from scratch (2 seeds × 2
 * variants, in its own process as a user runs it) and its split by stage, from the
 * `timings` the comparison records.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPARE_STAGES, type ComparisonJson } from "../cli/compare.ts";
import type { BenchLine } from "./simulate.ts";

const BIN = fileURLToPath(new URL("../cli/bin.ts", import.meta.url));

/** Run the compare benchmark; `quick` compares on smoke-suite runs of 4 days and 4 accounts instead of default 14-day, 12-account ones. */
export function benchCompare(quick: boolean, log: (line: string) => void): BenchLine[] {
  const out = join(mkdtempSync(join(tmpdir(), "seqlab-bench-compare-")), "compare");
  const [suite, days, accounts] = quick ? ["smoke", "4", "4"] : ["default", "14", "12"];
  const shape = ["--suite", suite, "--days", days, "--accounts", accounts];
  const what = `2 seeds × 2 variants, suite ${suite}, ${days} days, ${accounts} accounts`;
  try {
    log(`compare: ${what} from scratch`);
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", BIN, "compare", "--variants", "full,rules-only", "--seeds", "2", ...shape, "--out", out], {
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
    ];
  } finally {
    rmSync(join(out, ".."), { recursive: true, force: true });
  }
}
