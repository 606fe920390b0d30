/** Where activities come from: anyone's stamped log folders stream hour by hour, other inputs are read whole. */
import { describe, expect, it } from "vitest";
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { emptyStats } from "./ingest/stats.ts";
import { cloudTrailRecord, tempDir, writeFixture } from "./ingest/testing.ts";
import { inputSource } from "./sources.ts";

const HOUR = 3_600_000;
const H = Date.UTC(2026, 9, 5, 0) / HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
/** The stamp CloudTrail gives a file delivered a few minutes after the end of `hour`. */
const stampOf = (hour: number) => iso((hour + 1) * HOUR + 5 * 60_000).replace(/[-:]/g, "").slice(0, 13) + "Z";

/** A folder in the CloudTrail S3 layout: one file per hour for `hours` hours, two records each. */
function s3Layout(hours: number): string {
  const dir = tempDir();
  for (let h = 0; h < hours; h++) {
    const t = (H + h) * HOUR;
    const records = [cloudTrailRecord({ eventID: `e${h}-b`, eventTime: iso(t + 120_000) }), cloudTrailRecord({ eventID: `e${h}-a`, eventTime: iso(t + 60_000) })];
    writeFixture(dir, `AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/05/111122223333_CloudTrail_us-east-1_${stampOf(H + h)}_x${h}.json.gz`, JSON.stringify({ Records: records }));
  }
  return dir;
}

async function drain(source: ActivitySource): Promise<{ history: Activity[]; detection: Activity[]; filesAfterFirstBatch: number; files: number }> {
  const stats = emptyStats();
  const history: Activity[] = [];
  let filesAfterFirstBatch = -1;
  for await (const batch of source.history(stats)) {
    if (filesAfterFirstBatch < 0) filesAfterFirstBatch = stats.files;
    history.push(...batch);
  }
  const detection: Activity[] = [];
  for await (const batch of source.detection(stats)) detection.push(...batch);
  return { history, detection, filesAfterFirstBatch, files: stats.files };
}

describe("inputSource", () => {
  it("streams a stamped folder hour by hour, history being the first part of the hours its stamps span", async () => {
    const source = inputSource([s3Layout(10)], { historyFraction: 0.3, strict: false });
    const { history, detection, filesAfterFirstBatch, files } = await drain(source);
    expect(history.map((a) => a.id)).toEqual(["e0-a", "e0-b", "e1-a", "e1-b", "e2-a", "e2-b"]);
    expect(detection.map((a) => a.id)).toEqual([3, 4, 5, 6, 7, 8, 9].flatMap((h) => [`e${h}-a`, `e${h}-b`]));
    // One hour held at a time: the first hour came before most files were opened.
    expect(filesAfterFirstBatch).toBeLessThanOrEqual(2);
    expect(files).toBe(10);
    expect(source.historyEnd()).toBe((H + 3) * HOUR);
    expect(source.describe()).toMatch(/^the first 30% of the hours the files' delivery stamps span is history \(2026-10-05 00:00 → 2026-10-05 03:00 UTC\), read hour by hour/);
  });

  it("keeps at least one hour for history and one for detection", async () => {
    for (const fraction of [0.01, 0.99]) {
      const { history, detection } = await drain(inputSource([s3Layout(3)], { historyFraction: fraction, strict: false }));
      expect(history.length).toBeGreaterThan(0);
      expect(detection.length).toBeGreaterThan(0);
    }
  });

  it("reads inputs without delivery stamps whole, in time order, split at a fraction of their time span", async () => {
    const dir = s3Layout(4);
    const t = H * HOUR;
    const exported = writeFixture(tempDir(), "export.ndjson", [3, 0, 2, 1].map((h) => JSON.stringify(cloudTrailRecord({ eventID: `n${h}`, eventTime: iso(t + h * HOUR) }))).join("\n"));
    const source = inputSource([dir, exported], { historyFraction: 0.5, strict: false });
    const { history, detection } = await drain(source);
    expect([...history, ...detection].map((a) => a.id)).toEqual([0, 1, 2, 3].flatMap((h) => [`n${h}`, `e${h}-a`, `e${h}-b`]));
    expect(source.describe()).toMatch(/^the first 50% of the input's time span is history \(.*\), read whole/);
  });
});
