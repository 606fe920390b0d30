/** Bad input is counted with file, line and reason, never crashes, and is fatal under strict. */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FLOW_FIELDS } from "../../schema/vpcflow.ts";
import { IngestError } from "./stats.ts";
import { cloudTrailRecord, cloudTrailRecords, readAll, tempDir, writeFixture } from "./testing.ts";

const line = (r: Record<string, unknown>) => JSON.stringify(r);

describe("rejects", () => {
  it("counts a broken JSON line, wrong types and missing core fields with their line and reason, and goes on", async () => {
    const lines = [
      line(cloudTrailRecord({ eventID: "ok-1" })),
      '{"eventVersion":"1.09", "userIdentity": {',
      line(cloudTrailRecord({ eventID: "bad-time", eventTime: 1717357300 })),
      line(cloudTrailRecord({ eventID: undefined })),
      line(cloudTrailRecord({ eventID: "bad-identity", userIdentity: "alice" })),
      "[1, 2]",
      line(cloudTrailRecord({ eventID: "ok-2" })),
    ];
    const file = writeFixture(tempDir(), "mixed.ndjson", lines.join("\n"));
    const { activities, stats } = await readAll([file]);
    expect(activities.map((a) => a.id)).toEqual(["ok-1", "ok-2"]);
    expect(stats).toMatchObject({ read: 7, used: 2, rejected: 5 });
    expect(stats.examples.map((e) => [e.file, e.line])).toEqual([2, 3, 4, 5, 6].map((n) => [file, n]));
    expect(stats.examples[0]!.reason).toMatch(/^broken JSON/);
    expect(stats.examples[1]!.reason).toMatch(/eventTime/);
    expect(stats.examples[2]!.reason).toMatch(/eventID/);
    expect(stats.examples[3]!.reason).toMatch(/userIdentity/);
    expect(stats.examples[4]!.reason).toMatch(/not a JSON object/);
    expect(stats.rejectsByReason).toMatchObject({ "broken JSON": 1, "cloudtrail eventTime": 1, "cloudtrail eventID": 1, "not a JSON object": 1 });
  });

  it("keeps the records before the damage of a truncated gzip and counts the loss", async () => {
    const records = cloudTrailRecords(200);
    const gz = gzipSync(Buffer.from(records.map(line).join("\n")));
    const file = writeFixture(tempDir(), "cut.ndjson", gz.subarray(0, Math.floor(gz.length * 0.6)));
    const { activities, stats } = await readAll([file]);
    expect(activities.length).toBeGreaterThan(50);
    expect(activities.length).toBeLessThan(200);
    expect(activities.map((a) => a.id)).toEqual(records.slice(0, activities.length).map((r) => r.eventID));
    expect(stats.rejectsByReason["truncated gzip"]).toBe(1);
    const example = stats.examples.find((e) => e.reason.includes("gzip"))!;
    expect(example.line).toBeGreaterThan(activities.length);
  });

  it("reports a Records document cut short and a document with no record array", async () => {
    const dir = tempDir();
    const text = JSON.stringify({ Records: cloudTrailRecords(3) });
    const cut = writeFixture(dir, "a.json", text.slice(0, text.length - 40));
    writeFixture(dir, "b.json", JSON.stringify({ Records: "none" }));
    const { activities, stats } = await readAll([dir]);
    expect(activities).toHaveLength(2);
    expect(stats.rejectsByReason).toEqual({ "truncated JSON": 1, "no record array": 1 });
    expect(stats.examples[0]!.file).toBe(cut);
  });

  it("rejects absurdly long values, naming the field", async () => {
    const long = cloudTrailRecord({ eventID: "long", requestParameters: { policyDocument: "x".repeat(70_000) } });
    const { activities, stats } = await readAll([writeFixture(tempDir(), "long.json", JSON.stringify({ Records: [long, cloudTrailRecord()] }))]);
    expect(activities).toHaveLength(1);
    expect(stats.examples[0]!.reason).toMatch(/requestParameters\.policyDocument.*longer than 65536/);
  });

  it("rejects a flow line with a wrong field, naming field and value", async () => {
    const good = "2 123456789010 eni-1235b8ca123456789 10.0.0.1 10.0.0.2 443 4430 6 1 40 1 2 ACCEPT OK";
    const bad = "2 123456789010 eni-1235b8ca123456789 10.0.0.1 10.0.0.2 443 70000 6 1 40 1 2 ACCEPT OK";
    const short = "2 123456789010 eni-1";
    const { activities, stats } = await readAll([writeFixture(tempDir(), "f.log", [good, bad, short].join("\n"))]);
    expect(activities).toHaveLength(1);
    expect(stats.examples.map((e) => e.line)).toEqual([2, 3]);
    expect(stats.examples[0]!.reason).toMatch(/dstport.*70000/);
    expect(stats.examples[1]!.reason).toMatch(/expected 14/);
  });

  it("rejects Resolver and runtime records with wrong types, naming the field", async () => {
    const dir = tempDir();
    const q = { version: "1.1", account_id: "123456789012", region: "us-east-1", vpc_id: "vpc-1", query_timestamp: "2024-01-01 00:00:00", query_name: "a.", query_type: "A", query_class: "IN", rcode: "NOERROR", answers: [], srcaddr: "10.0.0.1", srcport: "53", transport: "UDP", srcids: {} };
    writeFixture(dir, "AWSLogs/123456789012/vpcdnsquerylogs/vpc-1/2024/01/01/q.log", line(q));
    writeFixture(dir, "runtime/x.ndjson", line({ class_uid: 1007, time: "now" }));
    const { stats } = await readAll([dir]);
    expect(stats.rejected).toBe(2);
    expect(stats.examples.map((e) => e.reason).join("\n")).toMatch(/query_timestamp[\s\S]*class_name|time/);
  });
});

describe("strict", () => {
  it("makes the first reject fatal, naming file and line", async () => {
    const file = writeFixture(tempDir(), "s.ndjson", [line(cloudTrailRecord()), "{nope"].join("\n"));
    await expect(readAll([file], true)).rejects.toThrow(IngestError);
    await expect(readAll([file], true)).rejects.toThrow(`${file}:2: broken JSON`);
  });

  it("lets skipped-by-design flow rows pass", async () => {
    const nodata = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
    const { stats } = await readAll([writeFixture(tempDir(), "n.log", [FLOW_FIELDS.slice(0, 14).join(" "), nodata].join("\n"))], true);
    expect(stats).toMatchObject({ read: 1, skipped: 1, rejected: 0 });
  });

  it("fails on a missing input path with a clear message", async () => {
    await expect(readAll(["/nonexistent/seqlab/logs"])).rejects.toThrow(/input not found: \/nonexistent\/seqlab\/logs/);
  });
});
