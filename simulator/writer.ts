/**
 * Files records the way CloudTrail delivers them to S3:
 * `AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<account>_CloudTrail_<region>_<yyyymmddThhmmZ>_<unique>.json.gz`,
 * each file `{"Records":[...]}`. One file per account, region and hour for each unit of work; the
 * unique part of the name is drawn from the unit's stream, so names never collide between units.
 * Every file is written to a temporary name and renamed, so a crash never leaves a file that looks
 * complete.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gzipSync, constants } from "node:zlib";
import { HOUR } from "./clock.ts";
import { Rng } from "./rng.ts";
import type { EmittedRecord } from "./session.ts";

const NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** What writing one unit produced. */
export interface WriteStats {
  events: number;
  files: number;
  bytes: number;
  perAccount: Record<string, number>;
  perSource: Record<string, number>;
}

/** An empty {@link WriteStats}. */
export function emptyStats(): WriteStats {
  return { events: 0, files: 0, bytes: 0, perAccount: {}, perSource: {} };
}

/** Add `b` into `a`. */
export function addStats(a: WriteStats, b: WriteStats): void {
  a.events += b.events;
  a.files += b.files;
  a.bytes += b.bytes;
  for (const [k, v] of Object.entries(b.perAccount)) a.perAccount[k] = (a.perAccount[k] ?? 0) + v;
  for (const [k, v] of Object.entries(b.perSource)) a.perSource[k] = (a.perSource[k] ?? 0) + v;
}

/** Write a file atomically: temporary name, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.partial`;
  try {
    await writeFile(tmp, data);
  } catch (error) {
    // Thousands of files share a few hundred folders: create a folder only when it is missing.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
  }
  await rename(tmp, path);
}

function stamp(ms: number): { y: string; m: string; d: string; name: string } {
  const iso = new Date(ms).toISOString();
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return { y, m, d, name: `${y}${m}${d}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z` };
}

/** {@link writeAtomic} for the hot path: a worker has nothing else to do while it writes. */
export function writeAtomicSync(path: string, data: Uint8Array): void {
  const tmp = `${path}.partial`;
  try {
    writeFileSync(tmp, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
  }
  renameSync(tmp, path);
}

/**
 * A record serialised as soon as it is made: a unit holds thousands of records until they are
 * filed, and flat strings cost the garbage collector far less than live object graphs (~10%).
 */
export interface SerializedRecord {
  time: number;
  accountId: string;
  region: string;
  eventId: string;
  dataEvent: boolean;
  json: string;
}

/** Serialise one record for filing. */
export function serializeRecord(r: EmittedRecord): SerializedRecord {
  return { time: r.time, accountId: r.accountId, region: r.region, eventId: r.eventId, dataEvent: r.record.eventCategory === "Data", json: JSON.stringify(r.record) };
}

/** A CloudTrail log file body from serialised records. */
export function cloudTrailFileBody(records: SerializedRecord[]): string {
  return `{"Records":[${records.map((r) => r.json).join(",")}]}`;
}

/** Write one unit's records under `eventsDir`, grouped into hourly files; returns what was written. */
export function writeCloudTrailUnit(eventsDir: string, seed: number, unitId: string, records: SerializedRecord[]): WriteStats {
  const groups = new Map<string, SerializedRecord[]>();
  for (const r of records) {
    const slot = Math.floor(r.time / HOUR) * HOUR;
    const key = `${r.accountId}|${r.region}|${slot}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(r);
  }
  const stats = emptyStats();
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const group = groups.get(key)!;
    group.sort((a, b) => a.time - b.time || (a.eventId < b.eventId ? -1 : 1));
    const [account, region, slot] = key.split("|") as [string, string, string];
    // Named, like CloudTrail's files, after a time when every event in it had happened.
    const s = stamp(Number(slot) + HOUR + 5 * 60_000);
    const unique = new Rng(seed, `file/${unitId}/${key}`).chars(16, NAME_CHARS);
    const path = join(eventsDir, "AWSLogs", account, "CloudTrail", region, s.y, s.m, s.d, `${account}_CloudTrail_${region}_${s.name}_${unique}.json.gz`);
    // Synchronous on purpose: one worker is one core, so adding workers scales predictably.
    const data = gzipSync(cloudTrailFileBody(group), { level: constants.Z_BEST_SPEED });
    writeAtomicSync(path, data);
    stats.files++;
    stats.bytes += data.length;
    stats.events += group.length;
    stats.perAccount[account] = (stats.perAccount[account] ?? 0) + group.length;
    for (const r of group) {
      const source = r.dataEvent ? "cloudtrail-data" : "cloudtrail-management";
      stats.perSource[source] = (stats.perSource[source] ?? 0) + 1;
    }
  }
  return stats;
}
