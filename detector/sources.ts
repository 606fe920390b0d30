/**
 * Where the pipeline's activities come from, split into history (learning) and detection: a run
 * directory read once, hour by hour, split at its evaluation start; or anyone's own files, split
 * at a fraction of their time span.
 */
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { runActivitiesByHour, type HourBatch } from "./ingest/by-hour.ts";
import { readActivities } from "./ingest/read.ts";
import type { IngestStats } from "./ingest/stats.ts";
import { sortByTimeThenId } from "./ingest/time-order.ts";

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/**
 * A run's `events/` folder, read in one pass: hours before `evaluationStart` are history, the
 * rest is detected on. Nothing after `end` is read as detection input (there is none in a run).
 */
export function runSource(eventsDir: string, period: { start: number; evaluationStart: number; end: number; strict: boolean }): ActivitySource {
  let hours: AsyncGenerator<HourBatch> | undefined;
  let pending: HourBatch | undefined;
  const boundary = Math.floor(period.evaluationStart / 3_600_000);
  const open = (stats: IngestStats) => (hours ??= runActivitiesByHour(eventsDir, { strict: period.strict, stats }));
  return {
    historyEnd: () => period.evaluationStart,
    describe: () => `history ${iso(period.start)} → ${iso(period.evaluationStart)} UTC, detection → ${iso(period.end)} UTC`,
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
 * Anyone's files (any supported format), read whole, sorted by time; the first `historyFraction`
 * of the time span is history. Meant for exports of a size that fits in memory.
 */
export function inputSource(paths: string[], opts: { historyFraction: number; strict: boolean }): ActivitySource {
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
    describe: () => (all && all.length ? `history: the first ${Math.round(opts.historyFraction * 100)}% of the input's time span (${iso(all[0]!.time)} → ${iso(cut)} UTC, ${split.toLocaleString("en-US")} activities), detection on the rest` : `history: the first ${Math.round(opts.historyFraction * 100)}% of the input's time span`),
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
