/** Test support: fixture files in a temporary folder and hand-made records. */
import { cloudTrailRecord } from "../../schema/fixtures.ts";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Activity } from "../activity.ts";
import { readActivities } from "./read.ts";
import { emptyStats, type IngestStats } from "./stats.ts";

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "seqlab-ingest-"));
}

/** Write `content` at `dir/relative` (gzipped when the name ends in `.gz`); returns the path. */
export function writeFixture(dir: string, relative: string, content: string | Buffer): string {
  const path = join(dir, relative);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  writeFileSync(path, relative.endsWith(".gz") ? gzipSync(bytes) : bytes);
  return path;
}

/** Every activity of `paths`, with the stats. */
export async function readAll(paths: string[], strict = false): Promise<{ activities: Activity[]; stats: IngestStats }> {
  const stats = emptyStats();
  const activities: Activity[] = [];
  for await (const batch of readActivities(paths, { stats, strict })) activities.push(...batch);
  return { activities, stats };
}

/** `n` distinct records, one second apart from `start` (ISO), ids `evt-0000`... */
export function cloudTrailRecords(n: number, start = "2024-06-02T19:00:00Z"): Record<string, unknown>[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) =>
    cloudTrailRecord({ eventID: `evt-${String(i).padStart(4, "0")}`, eventTime: new Date(t0 + i * 1000).toISOString().replace(".000Z", "Z") }),
  );
}

export { cloudTrailRecord };
