/** `seqlab bench`: run the benchmarks and print each figure against its target. */
import { benchCompare } from "../bench/compare.ts";
import { benchDetect } from "../bench/detect.ts";
import { benchReport } from "../bench/report.ts";
import { benchSimulate, type BenchLine } from "../bench/simulate.ts";
import { table } from "./format.ts";

function verdict(line: BenchLine): string {
  if (!line.target) return "";
  const ok = line.target.op === ">=" ? line.value >= line.target.value : line.value <= line.target.value;
  return `${ok ? "PASS" : "FAIL"} (target ${line.target.op} ${line.target.value})`;
}

/** Run `seqlab bench`; exits non-zero when a target is missed. */
export async function runBench(flags: { quick?: boolean }): Promise<void> {
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const quick = flags.quick === true;
  const lines = [...(await benchSimulate(quick, log)), ...(await benchDetect(quick, log)), ...(await benchCompare(quick, log, (dir, what) => benchReport(dir, what, log)))];
  console.log(table(["benchmark", "value", "unit", "target"], lines.map((l) => [l.name, l.value >= 100 ? Math.round(l.value) : l.value.toFixed(2), l.unit, verdict(l)])));
  if (lines.some((l) => verdict(l).startsWith("FAIL"))) process.exitCode = 1;
}
