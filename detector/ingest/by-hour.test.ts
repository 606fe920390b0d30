/** A run directory hour by hour: ascending hours, (time, id) order, one hour held at a time. */
import { describe, expect, it } from "vitest";
import { FLOW_FIELDS } from "../../schema/vpcflow.ts";
import { fileHour, hourOf, runActivitiesByHour, type HourBatch } from "./by-hour.ts";
import { emptyStats } from "./stats.ts";
import { cloudTrailRecord, tempDir, writeFixture } from "./testing.ts";

const H = Date.UTC(2026, 9, 5, 10) / 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const stampOf = (hour: number) => iso((hour + 1) * 3_600_000 + 5 * 60_000).replace(/[-:]/g, "").slice(0, 13) + "Z";

/** A CloudTrail file of `account` for `hour`, named as seqlab and CloudTrail name them. */
function ctFile(dir: string, account: string, hour: number, records: Record<string, unknown>[], tag = "a"): void {
  writeFixture(dir, `events/AWSLogs/${account}/CloudTrail/us-east-1/2026/10/05/${account}_CloudTrail_us-east-1_${stampOf(hour)}_${tag}.json.gz`, JSON.stringify({ Records: records }));
}

const rec = (id: string, ms: number, account: string) => cloudTrailRecord({ eventID: id, eventTime: iso(ms), recipientAccountId: account });

async function collect(dir: string): Promise<{ batches: HourBatch[]; filesAtYield: number[]; late: number }> {
  const stats = emptyStats();
  const batches: HourBatch[] = [];
  const filesAtYield: number[] = [];
  for await (const b of runActivitiesByHour(dir, { stats })) {
    batches.push(b);
    filesAtYield.push(stats.files);
  }
  return { batches, filesAtYield, late: stats.late };
}

describe("runActivitiesByHour", () => {
  it("reads the hour from file names as seqlab writes them", () => {
    expect(fileHour(`x/111122223333_CloudTrail_us-east-1_${stampOf(H)}_abc.json.gz`)).toBe(H);
    expect(fileHour(`x/i-0abc_${stampOf(H)}_abc.ndjson.gz`)).toBe(H);
    expect(fileHour("x/export.json")).toBeUndefined();
  });

  it("yields ascending hours, every source and account merged and sorted by (time, id), reading one hour's files at a time", async () => {
    const dir = tempDir();
    const t = H * 3_600_000;
    ctFile(dir, "111111111111", H, [rec("b", t + 60_000, "111111111111"), rec("d", t + 120_000, "111111111111")]);
    ctFile(dir, "222222222222", H, [rec("a", t + 60_000, "222222222222"), rec("c", t + 90_000, "222222222222")]);
    ctFile(dir, "111111111111", H + 1, [rec("e", t + 3_600_000, "111111111111")]);
    ctFile(dir, "222222222222", H + 3, [rec("f", t + 3 * 3_600_000 + 5, "222222222222")]);
    const flow = `5 111111111111 eni-0a1 10.1.2.3 52.94.1.1 40000 443 6 12 4000 ${t / 1000 + 75} ${t / 1000 + 600} ACCEPT OK vpc-0a1 subnet-0b2 i-0c3 19 IPv4 10.1.2.3 52.94.1.1 us-east-1 use1-az1 egress 8`;
    writeFixture(dir, `events/AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/10/05/111111111111_vpcflowlogs_us-east-1_fl-1_${stampOf(H)}_z.log.gz`, [FLOW_FIELDS.join(" "), flow].join("\n"));
    const { batches, filesAtYield, late } = await collect(dir);
    expect(batches.map((b) => b.hour)).toEqual([H, H + 1, H + 3]);
    expect(batches[0]!.activities.map((a) => a.id)).toEqual(["a", "b", expect.stringMatching(/^vpcflow:/), "c", "d"]);
    expect(batches.every((b) => b.activities.every((a) => hourOf(a.time) === b.hour))).toBe(true);
    // Hour H is yielded before any file of a later hour is opened.
    expect(filesAtYield).toEqual([3, 4, 5]);
    expect(late).toBe(0);
  });

  it("holds records that belong to a later hour until that hour, and puts records later than their hour into the next one", async () => {
    const dir = tempDir();
    const t = H * 3_600_000;
    ctFile(dir, "111111111111", H, [rec("early-next", t + 3_600_000 + 10, "111111111111"), rec("on-time", t + 10, "111111111111")]);
    ctFile(dir, "111111111111", H + 1, [rec("next", t + 3_600_000 + 5, "111111111111")]);
    ctFile(dir, "111111111111", H + 2, [rec("straggler", t + 30, "111111111111"), rec("h2", t + 2 * 3_600_000, "111111111111")]);
    const { batches, late } = await collect(dir);
    expect(batches.map((b) => [b.hour, b.activities.map((a) => a.id)])).toEqual([
      [H, ["on-time"]],
      [H + 1, ["next", "early-next"]],
      [H + 2, ["straggler", "h2"]],
    ]);
    expect(late).toBe(1);
  });

  it("refuses files whose names carry no stamp, pointing to readActivities", async () => {
    const dir = tempDir();
    writeFixture(dir, "events/export.json", JSON.stringify({ Records: [cloudTrailRecord()] }));
    await expect(collect(dir)).rejects.toThrow(/no yyyymmddThhmmZ stamp.*readActivities/);
  });
});
