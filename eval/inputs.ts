/**
 * Reading eval's inputs: truth, findings (NDJSON, streamed line by line) and an optional detector
 * summary. Every findings line is used or rejected with its line number and reason.
 */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { truthSchema, type Truth } from "../schema/truth.ts";
import { describeIssue } from "../schema/describe-issue.ts";
import { detectionSummarySchema, findingSchema, type DetectionSummary, type Finding } from "../schema/finding.ts";

/** An input eval cannot use at all: names the file and what to do. */
export class EvalInputError extends Error {
  override name = "EvalInputError";
}

/** Findings read from a file, and the lines set aside. */
export interface FindingsInput {
  findings: Finding[];
  read: number;
  rejected: { line: number; reason: string }[];
}

/** Read and validate `truth.json`. */
export function readTruth(path: string): Truth {
  const value = readJson(path, "truth");
  const result = truthSchema.safeParse(value);
  if (!result.success) throw new EvalInputError(`${path}: ${describeIssue(result.error)} — is this a seqlab truth.json (period and campaigns)?`);
  return result.data;
}

/**
 * Read findings NDJSON (`.gz` too), one finding per line; blank lines are skipped. A line that is
 * not JSON or not a finding is rejected with its reason, and with `strict` it is fatal.
 */
export async function readFindings(path: string, opts: { strict?: boolean } = {}): Promise<FindingsInput> {
  if (!existsSync(path)) throw new EvalInputError(`${path}: no such findings file — run the detector first, or pass --findings`);
  const input = createReadStream(path);
  const lines = createInterface({ input: path.endsWith(".gz") ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  const findings: Finding[] = [];
  const rejected: FindingsInput["rejected"] = [];
  let line = 0;
  let read = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      read++;
      const parsed = parseFinding(text);
      if ("finding" in parsed) {
        findings.push(parsed.finding);
        continue;
      }
      const { reason } = parsed;
      if (opts.strict) throw new EvalInputError(`${path}:${line}: ${reason}`);
      rejected.push({ line, reason });
    }
  } catch (e) {
    if (e instanceof EvalInputError) throw e;
    throw new EvalInputError(`${path}: unreadable after line ${line}: ${(e as Error).message}`);
  }
  const variants = new Set(findings.map((f) => f.seqlab.variant));
  if (variants.size > 1) throw new EvalInputError(`${path}: findings of several variants (${[...variants].sort().join(", ")}); write one file per variant`);
  return { findings, read, rejected };
}

function parseFinding(text: string): { finding: Finding } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { reason: `not JSON: ${(e as Error).message}` };
  }
  const result = findingSchema.safeParse(value);
  return result.success ? { finding: result.data } : { reason: describeIssue(result.error, "(finding)") };
}

/** Read a detector summary if the file exists, else null. */
export function readSummary(path: string): DetectionSummary | null {
  if (!existsSync(path)) return null;
  const result = detectionSummarySchema.safeParse(readJson(path, "detector summary"));
  if (!result.success) throw new EvalInputError(`${path}: ${describeIssue(result.error)}`);
  return result.data;
}

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) throw new EvalInputError(`${path}: no such ${what} file`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new EvalInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}
