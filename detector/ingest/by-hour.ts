/**
 * Logs in the S3 delivery layout (a run directory, or anyone's CloudTrail, flow and Resolver
 * folders), hour by hour, so detection holds one hour of activities rather than the whole input.
 * Files are grouped by the hour in their names: CloudTrail, flow, Resolver and runtime files all
 * carry a `yyyymmddThhmmZ` stamp, written when every record in them had happened (seqlab names a
 * file after the end of its hour plus 5 minutes, CloudTrail a few minutes after its records). A
 * file stamped at S holds records from hour `floor((S - 65 min) / 1 h)` on, so that is the file's
 * hour; its records go to their own hours, and an hour is emitted once every file that can hold
 * it has been read.
 */
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Activity } from "../activity.ts";
import { openedAhead } from "./chunks.ts";
import { listFiles, readFileActivities, type ReadOptions } from "./read.ts";
import { sortByTimeThenId } from "./time-order.ts";

const HOUR_MS = 3_600_000;
/** How long after its last record a file is stamped, about: seqlab's delay, and CloudTrail's usual one. */
export const STAMP_DELAY_MS = 5 * 60_000;
/** How long after its hour seqlab names a file (and an upper bound for CloudTrail's delivery delay). */
const NAME_DELAY_MS = HOUR_MS + STAMP_DELAY_MS;
const STAMP = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/;

/** One hour of activities of every source and account, sorted by (time, id). */
export interface HourBatch {
  /** Hours since the epoch: `Math.floor(time / 3_600_000)` of the activities. */
  hour: number;
  activities: Activity[];
}

/** The hour since the epoch a time falls in. */
export const hourOf = (time: number): number => Math.floor(time / HOUR_MS);

/** The delivery stamp in a file's name (ms), or undefined when it has none. */
export function fileStamp(file: string): number | undefined {
  const m = STAMP.exec(basename(file));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : undefined;
}

/** The earliest hour a file may hold, from the stamp in its name, or undefined when it has none. */
export function fileHour(file: string): number | undefined {
  const stamp = fileStamp(file);
  return stamp === undefined ? undefined : hourOf(stamp - NAME_DELAY_MS);
}

/**
 * `files` grouped by the hour their names give (see {@link fileHour}), or the first file whose
 * name carries no stamp.
 */
export function groupFilesByHour(files: readonly string[]): { groups: Map<number, string[]>; unstamped?: undefined } | { groups?: undefined; unstamped: string } {
  const groups = new Map<number, string[]>();
  for (const file of files) {
    const hour = fileHour(file);
    if (hour === undefined) return { unstamped: file };
    let group = groups.get(hour);
    if (!group) groups.set(hour, (group = []));
    group.push(file);
  }
  return { groups };
}

/**
 * The activities of a run's `events/` folder (or the run folder itself) in ascending hours, each
 * hour sorted by (time, id): {@link activitiesByHour} over its files. Throws when a file has no
 * stamp in its name: read such inputs with `readActivities`.
 */
export function runActivitiesByHour(eventsDir: string, opts: ReadOptions): AsyncGenerator<HourBatch> {
  const dir = existsSync(join(eventsDir, "events")) && statSync(join(eventsDir, "events")).isDirectory() ? join(eventsDir, "events") : eventsDir;
  const { groups, unstamped } = groupFilesByHour(listFiles(dir));
  if (unstamped !== undefined) throw new Error(`${unstamped}: no yyyymmddThhmmZ stamp in the file name, so its hour is unknown; runActivitiesByHour reads the S3 delivery layout (read other inputs with readActivities)`);
  return activitiesByHour(groups, opts);
}

/**
 * The activities of files grouped by {@link groupFilesByHour}, in ascending hours, each hour
 * sorted by (time, id); one hour's files are parsed at a time (the next few inflated ahead).
 * Hours without activities are not yielded. An activity whose hour was already yielded (delivered
 * unusually late) goes into the next hour yielded and is counted in `stats.late`.
 */
export async function* activitiesByHour(groups: ReadonlyMap<number, readonly string[]>, opts: ReadOptions): AsyncGenerator<HourBatch> {
  const buckets = new Map<number, Activity[]>();
  let nextHour = -Infinity;
  function* emitBefore(limit: number): Generator<HourBatch> {
    for (const hour of [...buckets.keys()].sort((a, b) => a - b)) {
      if (hour >= limit) break;
      const activities = sortByTimeThenId(buckets.get(hour)!);
      buckets.delete(hour);
      nextHour = hour + 1;
      yield { hour, activities };
    }
    if (limit !== Infinity) nextHour = Math.max(nextHour, limit);
  }
  // Every file in hour order, each with its group's hour: the read-ahead runs across hours.
  const hours = [...groups.keys()].sort((a, b) => a - b);
  const fileHours = hours.flatMap((hour) => groups.get(hour)!.map(() => hour));
  let current = -Infinity;
  for await (const { index, file, opened } of openedAhead(hours.flatMap((hour) => groups.get(hour)!))) {
    if (fileHours[index] !== current) {
      current = fileHours[index]!;
      yield* emitBefore(current);
    }
    for await (const items of readFileActivities(file, opened, opts)) {
      for (const a of items) {
        let h = hourOf(a.time);
        if (h < nextHour) {
          opts.stats.late++;
          h = nextHour;
        }
        let bucket = buckets.get(h);
        if (!bucket) buckets.set(h, (bucket = []));
        bucket.push(a);
      }
    }
  }
  yield* emitBefore(Infinity);
}
