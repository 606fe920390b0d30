/** Test support: read a generated run's CloudTrail records back from disk. */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { resolverQueryId } from "../schema/route53.ts";
import { flowHeaderFields, flowRecordId, parseFlowLine } from "../schema/vpcflow.ts";

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

/** Every JSON line of the run's non-CloudTrail files whose path under `events/` includes `marker` (`runtime/`, `/vpcdnsquerylogs/`). */
export function readJsonLines(runDir: string, marker: string): Record<string, any>[] {
  const eventsDir = join(runDir, "events");
  return listFiles(eventsDir)
    .filter((path) => path.includes(marker))
    .flatMap((path) => gunzipSync(readFileSync(join(eventsDir, path))).toString("utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, any>));
}

/** One record of any source, as truth refers to it. */
export interface IndexedRecord {
  source: "cloudtrail" | "vpc-flow" | "route53-resolver" | "runtime";
  time: number;
  accountId: string;
  record: Record<string, any>;
}

/**
 * Every record of a run by the id truth uses: CloudTrail eventID, runtime metadata.uid, and the
 * composed ids of resolver and flow lines.
 */
export function indexRun(runDir: string): Map<string, IndexedRecord> {
  const index = new Map<string, IndexedRecord>();
  const eventsDir = join(runDir, "events");
  for (const path of listFiles(eventsDir)) {
    const text = gunzipSync(readFileSync(join(eventsDir, path))).toString("utf8");
    if (path.includes("/CloudTrail/")) {
      for (const r of (JSON.parse(text) as { Records: Record<string, any>[] }).Records) index.set(r.eventID, { source: "cloudtrail", time: Date.parse(r.eventTime), accountId: r.recipientAccountId, record: r });
    } else if (path.includes("/vpcflowlogs/")) {
      const [header, ...lines] = text.trimEnd().split("\n");
      const fields = flowHeaderFields(header!)!;
      for (const line of lines) {
        const parsed = parseFlowLine(line, fields);
        if ("record" in parsed && parsed.record["log-status"] === "OK") index.set(flowRecordId(parsed.record), { source: "vpc-flow", time: parsed.record.start * 1000, accountId: parsed.record["account-id"], record: parsed.record });
      }
    } else if (path.includes("/vpcdnsquerylogs/")) {
      for (const line of text.trimEnd().split("\n")) {
        const r = JSON.parse(line);
        index.set(resolverQueryId(r), { source: "route53-resolver", time: Date.parse(r.query_timestamp), accountId: r.account_id, record: r });
      }
    } else if (path.startsWith("runtime/")) {
      for (const line of text.trimEnd().split("\n")) {
        const r = JSON.parse(line);
        index.set(r.metadata.uid, { source: "runtime", time: r.time, accountId: r.cloud.account.uid, record: r });
      }
    }
  }
  return index;
}
