/**
 * Reading files into activities: every record is used, skipped by design or rejected with file,
 * line and reason (see stats.ts). Files stream through the splitters chunk by chunk; a small,
 * intact CloudTrail file is parsed whole (whole-document.ts), and a small file of JSON lines is
 * decoded whole and cut by string.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Activity } from "../activity.ts";
import { DecompressError, openedAhead, type OpenedFile } from "./chunks.ts";
import { formatFromHead, formatFromPath, layoutContext, type FileFormat } from "./formats.ts";
import { checkedJsonActivity } from "./json-record.ts";
import { isRejection, type Rejection } from "./reject.ts";
import { JsonArraySplitter, LineSplitter, type SplitSink } from "./splitters.ts";
import { reject, skip, type IngestStats } from "./stats.ts";
import { FlowLineReader } from "./vpcflow.ts";
import { wholeDocumentActivities } from "./whole-document.ts";
import { flowHeaderFields } from "../../schema/vpcflow.ts";

/** Options of every reader. */
export interface ReadOptions {
  /** Make the first rejected record fatal (an {@link IngestError}). */
  strict?: boolean;
  /** Counts of what was read, used, skipped and rejected; updated as records go by. */
  stats: IngestStats;
}

/** Largest whole file decoded into one string to cut its JSON lines; larger ones are cut from their bytes. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/** Where sinks put activities; the reader takes `items` away after each chunk. */
interface Batch {
  items: Activity[];
}

/** Count one produced activity or rejection. */
function account(stats: IngestStats, strict: boolean | undefined, file: string, line: number, result: Activity | Rejection, batch: Batch): void {
  if (isRejection(result)) return reject(stats, strict, file, line, result.kind, result.detail);
  use(stats, result, batch);
}

/** Count one activity and put it in the batch. */
function use(stats: IngestStats, activity: Activity, batch: Batch): void {
  stats.read++;
  stats.used++;
  stats.bySource[activity.source]++;
  batch.items.push(activity);
}

/** The sink that parses JSON record texts (array elements or lines). */
function jsonSink(file: string, opts: ReadOptions, batch: Batch): SplitSink {
  const { stats, strict } = opts;
  return {
    record(text, line) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return reject(stats, strict, file, line, "broken JSON", `broken JSON: ${(e as Error).message}`);
      }
      account(stats, strict, file, line, checkedJsonActivity(value, text.length), batch);
    },
    oversize(line, bytes) {
      reject(stats, strict, file, line, "record too long", `record of ${bytes} bytes is longer than the bound; skipped`);
    },
    notObject(line) {
      reject(stats, strict, file, line, "not a JSON object", "array element is not a JSON object");
    },
  };
}

/** The sink that reads flow log lines against the file's header. */
function flowSink(file: string, opts: ReadOptions, batch: Batch): SplitSink {
  const { stats, strict } = opts;
  const context = layoutContext(file);
  let reader = new FlowLineReader(undefined, context);
  return {
    record(text, line) {
      // Header lines start with "version"; records start with a digit.
      if (text.charCodeAt(0) === 0x76) {
        const fields = flowHeaderFields(text);
        if (fields) {
          reader = new FlowLineReader(fields, context);
          return;
        }
      }
      const result = reader.read(text);
      if (typeof result === "string") return skip(stats, result);
      account(stats, strict, file, line, result, batch);
    },
    oversize(line, bytes) {
      reject(stats, strict, file, line, "record too long", `line of ${bytes} bytes is longer than the bound; skipped`);
    },
  };
}

/**
 * The activities of one file, in file order, yielded per decompressed chunk. Damage (a truncated
 * gzip, a document cut short) is counted as one rejected record at the line where it shows.
 * `opened` is the file's bytes (see chunks.ts `openedAhead`).
 */
export async function* readFileActivities(file: string, opened: OpenedFile, opts: ReadOptions): AsyncGenerator<Activity[]> {
  const { stats, strict } = opts;
  stats.files++;
  const batch: Batch = { items: [] };
  let format: FileFormat | undefined = formatFromPath(file);
  if (opened.whole) {
    format ??= formatFromHead(opened.whole);
    const whole = format === "json-array" ? wholeDocumentActivities(opened.whole) : undefined;
    if (whole) {
      for (const a of whole) use(stats, a, batch);
      if (batch.items.length > 0) yield batch.items;
      return;
    }
  }
  let lines: LineSplitter | undefined;
  let array: JsonArraySplitter | undefined;
  try {
    for await (const chunk of opened.chunks ?? [opened.whole]) {
      if (!lines && !array) {
        format ??= formatFromHead(chunk);
        if (format === "json-array") array = new JsonArraySplitter(jsonSink(file, opts, batch));
        else lines = new LineSplitter(format === "vpc-flow" ? flowSink(file, opts, batch) : jsonSink(file, opts, batch));
      }
      // A whole file of JSON lines is decoded once and cut by string: JSON.parse copies what it
      // keeps. Flow lines are not, since the fields a flow record keeps would be slices holding
      // the whole file's text alive in the baseline.
      if (lines && opened.whole && format !== "vpc-flow" && chunk.length <= MAX_TEXT_BYTES) lines.pushText(chunk.toString("utf8"));
      else (array ?? lines)!.push(chunk);
      if (batch.items.length > 0) {
        yield batch.items;
        batch.items = [];
      }
    }
  } catch (error) {
    if (!(error instanceof DecompressError)) throw error;
    const cut = array?.end();
    const line = cut?.cutRecordLine ?? (lines ? lines.lines + 1 : 1);
    reject(stats, strict, file, line, "truncated gzip", `${error.message}; the records from line ${line} on are lost`);
    if (batch.items.length > 0) yield batch.items;
    return;
  }
  lines?.end();
  if (array) {
    const end = array.end();
    if (!array.foundArray) reject(stats, strict, file, 1, "no record array", 'JSON document holds no record array ({"Records":[...]}, {"Events":[...]} or [...])');
    else if (end.cutRecordLine !== undefined) reject(stats, strict, file, end.cutRecordLine, "truncated JSON", "the document ends inside this record");
    else if (!end.complete) reject(stats, strict, file, 1, "truncated JSON", "the document ends before its record array is closed");
  }
  if (batch.items.length > 0) yield batch.items;
}

/**
 * The files under `path` (itself when it is a file), recursively, in sorted order. Synchronous:
 * ingest is the only work on its thread, and a run has thousands of folders.
 */
export function listFiles(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch (e) {
    throw new Error(`input not found: ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give a file or folder of CloudTrail, VPC flow, Resolver or runtime logs`);
  }
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  collectFiles(path, out);
  return out;
}

/** Append the files under `dir` to `out`, recursively, in sorted order (no spread: a run can hold hundreds of thousands). */
function collectFiles(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Not logs: hidden files, partial writes (`.partial`, as the simulator and many tools leave
    // them) and CloudTrail's digest files (hashes of the log files, beside them in the S3 layout).
    if (e.name.startsWith(".") || e.name.endsWith(".partial") || e.name === "CloudTrail-Digest") continue;
    const child = join(dir, e.name);
    if (e.isDirectory()) collectFiles(child, out);
    else if (e.isFile()) out.push(child);
  }
}

/**
 * Activities of every file under `paths` (files or folders, walked recursively in sorted order),
 * in batches (one per file, or per MiB of a large file); within a file, in file order. Each file's format is told by its place in the S3
 * layout, its name, or its first bytes: CloudTrail `{"Records":[...]}` (`.json`, `.json.gz`),
 * NDJSON (`.ndjson`, `.jsonl`, gz or not), `aws cloudtrail lookup-events` output, VPC flow logs,
 * Route 53 Resolver query logs and seqlab runtime events.
 */
export async function* readActivities(paths: string[], opts: ReadOptions): AsyncGenerator<Activity[]> {
  // Batches are what one decompressed chunk held: gathering them into larger ones keeps parsed
  // records alive across young-generation collections and doubles the time spent in GC.
  for await (const { file, opened } of openedAhead(paths.flatMap((path) => listFiles(path)))) yield* readFileActivities(file, opened, opts);
}
