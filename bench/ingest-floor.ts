/**
 * The ingest floor: what reading a run costs with nothing else — gunzip, then `JSON.parse` of each
 * CloudTrail document or JSON line, `split(" ")` of each flow line. Detection is measured against it.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Read and parse every file; returns the number of records. */
export function ingestFloor(files: readonly string[]): number {
  let records = 0;
  for (const file of files) {
    const raw = readFileSync(file);
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    if (file.includes("/CloudTrail/")) records += (JSON.parse(text) as { Records: unknown[] }).Records.length;
    else
      for (const line of text.split("\n")) {
        if (line === "" || line.startsWith("version ")) continue;
        if (file.includes("/vpcflowlogs/")) line.split(" ");
        else JSON.parse(line);
        records++;
      }
  }
  return records;
}
