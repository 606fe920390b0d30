/**
 * Where the pipeline's activities come from, split into history (learning) and detection: a run
 * directory read once, hour by hour, split at its evaluation start; or anyone's own files, split
 * at a fraction of their time span.
 */
import { resolve } from "node:path";
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { activitiesByHour, fileStamp, groupFilesByHour, runActivitiesByHour, STAMP_DELAY_MS, type HourBatch } from "./ingest/by-hour.ts";
import { listFiles, readActivities } from "./ingest/read.ts";
import type { IngestStats } from "./ingest/stats.ts";
import { sortByTimeThenId } from "./ingest/time-order.ts";

const MINUTE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/**
 * A run's `events/` folder, read in one pass: what happened before `evaluationStart` is history,
 * the rest is detected on. Nothing after `end` is read as detection input (there is none in a run).
 */
export function runSource(eventsDir: string, period: { start: number; evaluationStart: number; end: number; strict: boolean }): ActivitySource {
  return hourlySource(
    (stats) => runActivitiesByHour(eventsDir, { strict: period.strict, stats }),
    () => period.evaluationStart,
    () => `history ${iso(period.start)} → ${iso(period.evaluationStart)} UTC, detection → ${iso(period.end)} UTC`,
  );
}

/**
 * Hours read once, in one pass, split at a time: what happened before it is history, the rest is
 * detected on. `cutAt` is asked once, with the time of the first activity read.
 */
function hourlySource(read: (stats: IngestStats) => AsyncGenerator<HourBatch>, cutAt: (firstTime: number) => number, describe: () => string): ActivitySource {
  let hours: AsyncGenerator<HourBatch> | undefined;
  let pending: Activity[] | undefined;
  const open = (stats: IngestStats) => (hours ??= read(stats));
  return {
    describe,
    async *history(stats) {
      let cut: number | undefined;
      for (;;) {
        const next = await open(stats).next();
        if (next.done) return;
        const batch = next.value.activities;
        const at = (cut ??= cutAt(batch[0]!.time));
        // Batches are sorted by time: the cut falls between two of its activities, or at its end.
        const split = batch[batch.length - 1]!.time < at ? batch.length : batch.findIndex((a) => a.time >= at);
        if (split > 0) yield split === batch.length ? batch : batch.slice(0, split);
        if (split < batch.length) {
          pending = batch.slice(split);
          return;
        }
      }
    },
    async *detection(stats) {
      if (pending) yield pending;
      pending = undefined;
      for await (const batch of open(stats)) yield batch.activities;
    },
  };
}

/**
 * Anyone's files (any supported format); the first `historyFraction` of their time span is
 * history. When every file's name carries its delivery stamp (the S3 layout CloudTrail, VPC flow
 * logs and Resolver query logs are delivered in), they stream hour by hour in bounded memory
 * ({@link stampedInputSource}); otherwise they are read whole and sorted, and the summary names
 * a file without a stamp. A file named twice (a folder and a file in it) is read once.
 */
export function inputSource(paths: string[], opts: { historyFraction: number; strict: boolean }): ActivitySource {
  const seen = new Set<string>();
  const files = paths.flatMap((p) => listFiles(p)).filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
  const { groups, unstamped } = groupFilesByHour(files);
  // A loop, not Math.max(...): an S3 dump can hold more files than a call takes arguments.
  if (groups && groups.size > 0) return stampedInputSource(groups, files.reduce((latest, f) => Math.max(latest, fileStamp(f)!), -Infinity), opts);
  return wholeInputSource(files, unstamped, opts);
}

/**
 * Stamped files, streamed hour by hour. The span runs from the first record to the latest stamp
 * less the usual delivery delay (a file is stamped a few minutes after its last record); history
 * is its first `historyFraction`, to the minute.
 */
function stampedInputSource(groups: ReadonlyMap<number, readonly string[]>, latestStamp: number, opts: { historyFraction: number; strict: boolean }): ActivitySource {
  const end = latestStamp - STAMP_DELAY_MS;
  let first: number | undefined;
  let cut: number | undefined;
  const share = `the first ${Math.round(opts.historyFraction * 100)}% of the time from the first record to the last file's delivery stamp is history`;
  return hourlySource(
    (stats) => activitiesByHour(groups, { strict: opts.strict, stats }),
    (firstTime) => {
      first = firstTime;
      return (cut = Math.floor((firstTime + Math.max(0, end - firstTime) * opts.historyFraction) / MINUTE_MS) * MINUTE_MS);
    },
    () => (first !== undefined && cut !== undefined ? `${share} (${iso(first)} → ${iso(cut)} UTC), read hour by hour; detection on the rest (→ ${iso(end)} UTC)` : `${share}, read hour by hour`),
  );
}

/**
 * Files without delivery stamps (an NDJSON export, `lookup-events` output), read whole and sorted
 * by time; the first `historyFraction` of the time span is history. Meant for exports of a size
 * that fits in memory.
 */
function wholeInputSource(files: string[], unstamped: string | undefined, opts: { historyFraction: number; strict: boolean }): ActivitySource {
  let all: Activity[] | undefined;
  let split = 0;
  let cut = 0;
  const load = async (stats: IngestStats) => {
    if (all) return all;
    const read: Activity[] = [];
    for await (const batch of readActivities(files, { strict: opts.strict, stats })) for (const a of batch) read.push(a);
    all = sortByTimeThenId(read);
    if (all.length > 0) {
      const first = all[0]!.time;
      cut = first + (all[all.length - 1]!.time - first) * opts.historyFraction;
      split = all.findIndex((a) => a.time >= cut);
      if (split < 0) split = all.length;
    }
    return all;
  };
  const BATCH = 4096;
  return {
    describe: () => {
      const share = `the first ${Math.round(opts.historyFraction * 100)}% of the input's time span is history`;
      const whole = `read whole${unstamped ? ` (${unstamped} has no delivery stamp in its name)` : ""}`;
      return all && all.length ? `${share} (${iso(all[0]!.time)} → ${iso(cut)} UTC, ${split.toLocaleString("en-US")} activities), ${whole}; detection on the rest` : `${share}, ${whole}`;
    },
    async *history(stats) {
      const rows = await load(stats);
      for (let i = 0; i < split; i += BATCH) yield rows.slice(i, Math.min(i + BATCH, split));
    },
    async *detection(stats) {
      const rows = await load(stats);
      for (let i = split; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
    },
  };
}
