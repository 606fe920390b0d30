/**
 * Where the pipeline's activities come from, split into history (learning) and detection: a run
 * directory read once, hour by hour, split at its evaluation start; or anyone's own files, split
 * at a fraction of their time span.
 */
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { activitiesByHour, groupFilesByHour, HOUR_MS, hourOf, runActivitiesByHour, type HourBatch } from "./ingest/by-hour.ts";
import { listFiles, readActivities } from "./ingest/read.ts";
import type { IngestStats } from "./ingest/stats.ts";
import { sortByTimeThenId } from "./ingest/time-order.ts";

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/**
 * A run's `events/` folder, read in one pass: hours before `evaluationStart` are history, the
 * rest is detected on. Nothing after `end` is read as detection input (there is none in a run).
 */
export function runSource(eventsDir: string, period: { start: number; evaluationStart: number; end: number; strict: boolean }): ActivitySource {
  return hourlySource((stats) => runActivitiesByHour(eventsDir, { strict: period.strict, stats }), period.evaluationStart, () => `history ${iso(period.start)} → ${iso(period.evaluationStart)} UTC, detection → ${iso(period.end)} UTC`);
}

/** Hours read once, in one pass: those before `historyEnd`'s hour are history, the rest is detected on. */
function hourlySource(read: (stats: IngestStats) => AsyncGenerator<HourBatch>, historyEnd: number, describe: () => string): ActivitySource {
  let hours: AsyncGenerator<HourBatch> | undefined;
  let pending: HourBatch | undefined;
  const boundary = hourOf(historyEnd);
  const open = (stats: IngestStats) => (hours ??= read(stats));
  return {
    historyEnd: () => historyEnd,
    describe,
    async *history(stats) {
      for (;;) {
        const next = await open(stats).next();
        if (next.done) return;
        if (next.value.hour >= boundary) {
          pending = next.value;
          return;
        }
        yield next.value.activities;
      }
    },
    async *detection(stats) {
      if (pending) yield pending.activities;
      pending = undefined;
      for await (const batch of open(stats)) yield batch.activities;
    },
  };
}

/**
 * Anyone's files (any supported format); the first `historyFraction` of their time span is
 * history. When every file's name carries its delivery stamp (the S3 layout CloudTrail, VPC flow
 * logs and Resolver query logs are delivered in), they stream hour by hour in bounded memory and
 * the span is the stamps' ({@link stampedInputSource}); otherwise they are read whole and sorted.
 */
export function inputSource(paths: string[], opts: { historyFraction: number; strict: boolean }): ActivitySource {
  const files = paths.flatMap((p) => listFiles(p));
  const { groups } = groupFilesByHour(files);
  return groups && groups.size > 0 ? stampedInputSource(groups, opts) : wholeInputSource(paths, opts);
}

/**
 * Files grouped by the hours their stamps give, streamed hour by hour: history is the first
 * `historyFraction` of those hours (at least one, and at least one left to detect on).
 */
function stampedInputSource(groups: ReadonlyMap<number, readonly string[]>, opts: { historyFraction: number; strict: boolean }): ActivitySource {
  const hours = [...groups.keys()];
  const first = Math.min(...hours);
  const span = Math.max(...hours) + 1 - first;
  const historyHours = Math.min(Math.max(1, Math.round(span * opts.historyFraction)), Math.max(1, span - 1));
  const cut = (first + historyHours) * HOUR_MS;
  return hourlySource(
    (stats) => activitiesByHour(groups, { strict: opts.strict, stats }),
    cut,
    () => `the first ${Math.round(opts.historyFraction * 100)}% of the hours the files' delivery stamps span is history (${iso(first * HOUR_MS)} → ${iso(cut)} UTC), read hour by hour; detection on the rest (→ ${iso((first + span) * HOUR_MS)} UTC)`,
  );
}

/**
 * Files without delivery stamps (an NDJSON export, `lookup-events` output), read whole and sorted
 * by time; the first `historyFraction` of the time span is history. Meant for exports of a size
 * that fits in memory.
 */
function wholeInputSource(paths: string[], opts: { historyFraction: number; strict: boolean }): ActivitySource {
  let all: Activity[] | undefined;
  let split = 0;
  let cut = 0;
  const load = async (stats: IngestStats) => {
    if (all) return all;
    const read: Activity[] = [];
    for await (const batch of readActivities(paths, { strict: opts.strict, stats })) for (const a of batch) read.push(a);
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
    historyEnd: () => cut,
    describe: () => (all && all.length ? `the first ${Math.round(opts.historyFraction * 100)}% of the input's time span is history (${iso(all[0]!.time)} → ${iso(cut)} UTC, ${split.toLocaleString("en-US")} activities), read whole; detection on the rest` : `the first ${Math.round(opts.historyFraction * 100)}% of the input's time span is history`),
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
