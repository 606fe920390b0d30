/** Test support: read a generated run's CloudTrail records back from disk. */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** One CloudTrail file of a run: its path under `events/`, parsed body and records. */
export interface EventFile {
  path: string;
  body: unknown;
  records: Record<string, any>[];
}

/** Read every CloudTrail file of the run in `runDir` (other sources sit beside them). */
export function readEventFiles(runDir: string): EventFile[] {
  const eventsDir = join(runDir, "events");
  return listFiles(eventsDir).filter((path) => path.includes("/CloudTrail/")).map((path) => {
    const body = JSON.parse(gunzipSync(readFileSync(join(eventsDir, path))).toString("utf8")) as { Records?: Record<string, any>[] };
    return { path, body, records: body.Records ?? [] };
  });
}
