/** Where activities come from: anyone's stamped log folders stream hour by hour, other inputs are read whole. */
import { describe, expect, it } from "vitest";
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { emptyStats } from "./ingest/stats.ts";
import { cloudTrailRecord, tempDir, writeFixture } from "./ingest/testing.ts";
import { inputSource } from "./sources.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T = Date.UTC(2026, 9, 5, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const stamp = (ms: number) => iso(ms).replace(/[-:]/g, "").slice(0, 13) + "Z";

/**
 * A folder in the CloudTrail S3 layout: one file per `everyMinutes` over `hours` hours, each with
 * two records (a minute and two minutes into its stretch), stamped `delayMinutes` after its
 * stretch ends: 5 after the end of the hour is seqlab's naming, 5 after the last record CloudTrail's.
 */
function s3Layout(hours: number, everyMinutes = 60, delayMinutes = 5): string {
  const dir = tempDir();
  for (let start = T; start < T + hours * HOUR; start += everyMinutes * MINUTE) {
    const n = (start - T) / MINUTE;
    const records = [cloudTrailRecord({ eventID: `m${n + 2}`, eventTime: iso(start + 2 * MINUTE) }), cloudTrailRecord({ eventID: `m${n + 1}`, eventTime: iso(start + MINUTE) })];
    const name = `111122223333_CloudTrail_us-east-1_${stamp(start + (everyMinutes + delayMinutes) * MINUTE)}_x${n}.json.gz`;
    writeFixture(dir, `AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/05/${name}`, JSON.stringify({ Records: records }));
  }
  return dir;
}

async function drain(source: ActivitySource): Promise<{ history: string[]; detection: string[]; filesAfterFirstBatch: number; files: number }> {
  const stats = emptyStats();
  const ids = (a: Activity) => a.id;
  const history: string[] = [];
  let filesAfterFirstBatch = -1;
  for await (const batch of source.history(stats)) {
    if (filesAfterFirstBatch < 0) filesAfterFirstBatch = stats.files;
    history.push(...batch.map(ids));
  }
  const detection: string[] = [];
  for await (const batch of source.detection(stats)) detection.push(...batch.map(ids));
  return { history, detection, filesAfterFirstBatch, files: stats.files };
}

describe("inputSource", () => {
  it("streams a stamped folder hour by hour, history being the first part of the time from the first record to the last stamp", async () => {
    const source = inputSource([s3Layout(10)], { historyFraction: 0.3, strict: false });
    const { history, detection, filesAfterFirstBatch, files } = await drain(source);
    // The span is 00:01 → 10:00, so history ends at 03:00 (to the minute).
    expect(history).toEqual([0, 1, 2].flatMap((h) => [`m${60 * h + 1}`, `m${60 * h + 2}`]));
    expect(detection).toEqual([3, 4, 5, 6, 7, 8, 9].flatMap((h) => [`m${60 * h + 1}`, `m${60 * h + 2}`]));
    // One hour held at a time: the first hour came before most files were opened.
    expect(filesAfterFirstBatch).toBeLessThanOrEqual(2);
    expect(files).toBe(10);
    expect(source.describe()).toBe("the first 30% of the time from the first record to the last file's delivery stamp is history (2026-10-05 00:01 → 2026-10-05 03:00 UTC), read hour by hour; detection on the rest (→ 2026-10-05 10:00 UTC)");
  });

  it("splits CloudTrail's stamps (minutes after their records) by time, within an hour when that is all there is", async () => {
    const oneHour = await drain(inputSource([s3Layout(1, 10)], { historyFraction: 0.5, strict: false }));
    expect(oneHour.history).toEqual(["m1", "m2", "m11", "m12", "m21", "m22"]);
    expect(oneHour.detection).toEqual(["m31", "m32", "m41", "m42", "m51", "m52"]);
    const fourHours = await drain(inputSource([s3Layout(4, 30)], { historyFraction: 0.25, strict: false }));
    expect(fourHours.history).toEqual(["m1", "m2", "m31", "m32"]);
    expect(fourHours.detection).toHaveLength(12);
  });

  it("reads inputs without delivery stamps whole, in time order, and says which file made it so", async () => {
    const dir = s3Layout(4);
    const exported = writeFixture(tempDir(), "export.ndjson", [3, 0, 2, 1].map((h) => JSON.stringify(cloudTrailRecord({ eventID: `n${h}`, eventTime: iso(T + h * HOUR) }))).join("\n"));
    const source = inputSource([dir, exported], { historyFraction: 0.5, strict: false });
    const { history, detection } = await drain(source);
    expect([...history, ...detection]).toEqual([0, 1, 2, 3].flatMap((h) => [`n${h}`, `m${60 * h + 1}`, `m${60 * h + 2}`]));
    expect(source.describe()).toMatch(/^the first 50% of the input's time span is history \(.*\), read whole \(.*export\.ndjson has no delivery stamp in its name\)/);
  });

  it("reads a file named twice (a folder and a file in it) once", async () => {
    const dir = s3Layout(2);
    const [file] = (await import("./ingest/read.ts")).listFiles(dir);
    const { history, detection, files } = await drain(inputSource([dir, file!], { historyFraction: 0.5, strict: false }));
    expect(files).toBe(2);
    expect([...history, ...detection]).toEqual(["m1", "m2", "m61", "m62"]);
  });
});
