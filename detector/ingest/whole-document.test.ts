/**
 * The whole-document fast path gives exactly what the record-by-record reader gives, and leaves
 * every unusual document to that reader.
 */
import { describe, expect, it } from "vitest";
import { describeCloudTrailProblem } from "../../schema/cloudtrail.ts";
import { readRealdata } from "../../schema/realdata.ts";
import { MAX_DEPTH, MAX_VALUE_CHARS } from "./reject.ts";
import { MAX_RECORD_BYTES } from "./splitters.ts";
import { cloudTrailRecords, readAll, tempDir, writeFixture } from "./testing.ts";
import { wholeDocumentActivities } from "./whole-document.ts";

const doc = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("wholeDocumentActivities", () => {
  const real = readRealdata("panther-analysis/cloudtrail_tests.ndjson")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const accepted = real.filter((r) => describeCloudTrailProblem(r) === undefined);

  it("turns real CloudTrail records into the activities the record-by-record reader makes of them", async () => {
    const byRecord = await readAll([writeFixture(tempDir(), "records.ndjson", accepted.map((r) => JSON.stringify(r)).join("\n"))]);
    expect(byRecord.stats.rejected).toBe(0);
    const whole = wholeDocumentActivities(Buffer.from(JSON.stringify({ Records: accepted }, null, 2)));
    expect(whole).toEqual(byRecord.activities);
  });

  it("reads the document's records in order, empty or pretty-printed alike", () => {
    const records = cloudTrailRecords(3);
    expect(wholeDocumentActivities(Buffer.from(` \n{ "Records" :\n [${records.map((r) => JSON.stringify(r)).join(",\n")}]\n}\n`))?.map((a) => a.id)).toEqual(["evt-0000", "evt-0001", "evt-0002"]);
    expect(wholeDocumentActivities(doc({ Records: [] }))).toEqual([]);
  });

  it("reads records that name Records inside them or use \\u00 escapes exactly as the record-by-record reader does", async () => {
    const [a, b] = cloudTrailRecords(2);
    const odd = [{ ...a, requestParameters: { Records: [{ x: 1 }] } }, { ...b, userAgent: "caf\u00e9-cli", requestParameters: { note: "Rec\u006frds" } }];
    const text = JSON.stringify({ Records: odd }).replace("café", "caf\\u00e9");
    const whole = wholeDocumentActivities(Buffer.from(text));
    expect(whole?.map((x) => x.id)).toEqual(["evt-0000", "evt-0001"]);
    expect(whole).toEqual((await readAll([writeFixture(tempDir(), "odd.ndjson", odd.map((r) => JSON.stringify(r)).join("\n"))])).activities);
  });

  it("leaves to the record-by-record reader what it alone reads right", () => {
    const [a, b] = cloudTrailRecords(2);
    const declined = {
      "lookup-events output": doc({ Events: [{ CloudTrailEvent: JSON.stringify(a) }] }),
      "another key first": doc({ Note: 1, Records: [a] }),
      "another key after": doc({ Records: [a], Note: 1 }),
      "another array after": Buffer.from(`{"Records":[${JSON.stringify(a)}],"Note":[1]}`),
      "no closing brace": Buffer.from(`{"Records":[${JSON.stringify(a)}]`),
      "text after the document": Buffer.from(`{"Records":[${JSON.stringify(a)}]} x`),
      "a head spaced with what JSON does not call whitespace": Buffer.from(`{\f"Records":[${JSON.stringify(a)}]}`),
      "Records named twice": Buffer.from(`{"Records":[${JSON.stringify(a)}],"Records":[${JSON.stringify(b)}]}`),
      "Records named again through an escape": Buffer.from(`{"Records":[${JSON.stringify(a)}],"Rec\\u006frds":[${JSON.stringify(b)}]}`),
      "broken JSON": Buffer.from(`{"Records":[${JSON.stringify(a)},{"eventID":`),
      "an element that is not an object": doc({ Records: [a, 7] }),
      "a rejected record": doc({ Records: [a, { ...b, eventTime: "yesterday" }] }),
      "a value over the bound": doc({ Records: [a, { ...b, requestParameters: { policy: "x".repeat(MAX_VALUE_CHARS + 1) } }] }),
      "a document larger than one record may be": doc({ Records: [a, { ...b, requestParameters: { parts: Array.from({ length: 200 }, () => "y".repeat(MAX_RECORD_BYTES / 200)) } }] }),
    };
    for (const [name, bytes] of Object.entries(declined)) expect(wholeDocumentActivities(bytes), name).toBeUndefined();
  });

  it("leaves deeply nested records to the record-by-record reader, which rejects them only when it walks them", async () => {
    const [a, b] = cloudTrailRecords(2);
    const deep = { ...a, requestParameters: { nest: JSON.parse("[".repeat(1000) + "]".repeat(1000)) as unknown } };
    const padded = { ...b, requestParameters: { pad: "p".repeat(MAX_VALUE_CHARS - 1000) } };
    expect(wholeDocumentActivities(doc({ Records: [deep, padded] }))).toBeUndefined();
    const read = await readAll([writeFixture(tempDir(), "deep.json", JSON.stringify({ Records: [deep, padded] }))]);
    expect(read.activities.map((x) => x.id)).toEqual(["evt-0000", "evt-0001"]);
    const walked = { ...deep, requestParameters: { ...deep.requestParameters, pad: "p".repeat(MAX_VALUE_CHARS - 1000) } };
    const rejected = await readAll([writeFixture(tempDir(), "deeper.json", JSON.stringify({ Records: [walked, b] }))]);
    expect(rejected.activities.map((x) => x.id)).toEqual(["evt-0001"]);
    expect(rejected.stats.rejectsByReason).toEqual({ "nesting too deep": 1 });
    expect(rejected.stats.examples[0]!.reason).toMatch(new RegExp(`^requestParameters\\.nest\\[0\\]\\[0\\].* nests objects and arrays deeper than ${MAX_DEPTH} levels$`));
  });

  it("still names the line of a rejected record when a file is declined", async () => {
    const records = cloudTrailRecords(3);
    records[1] = { ...records[1], eventTime: "yesterday" };
    const file = writeFixture(tempDir(), "x.json.gz", `{"Records":[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]}`);
    const { activities, stats } = await readAll([file]);
    expect(activities.map((a) => a.id)).toEqual(["evt-0000", "evt-0002"]);
    expect(stats).toMatchObject({ read: 3, used: 2, rejected: 1 });
    expect(stats.examples[0]).toMatchObject({ file, line: 3 });
  });
});
