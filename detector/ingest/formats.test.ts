/** Every input format, plain and gzipped, gives the same activities. */
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flowRecordId, FLOW_FIELDS, parseFlowLine } from "../../schema/vpcflow.ts";
import { JsonArraySplitter, LineSplitter } from "./splitters.ts";
import { cloudTrailRecords, readAll, tempDir, writeFixture } from "./testing.ts";

const records = cloudTrailRecords(5);
const ids = records.map((r) => r.eventID);

describe("CloudTrail inputs", () => {
  const forms: [string, string][] = [
    ["Records file", JSON.stringify({ Records: records })],
    ["Records file, pretty-printed", JSON.stringify({ Records: records }, null, 2)],
    ["top-level array", JSON.stringify(records)],
    ["NDJSON", records.map((r) => JSON.stringify(r)).join("\n") + "\n"],
    ["NDJSON with CRLF and no final newline", records.map((r) => JSON.stringify(r)).join("\r\n")],
    ["lookup-events output", JSON.stringify({ Events: records.map((r) => ({ EventId: r.eventID, EventName: r.eventName, ReadOnly: "true", CloudTrailEvent: JSON.stringify(r) })), NextToken: "abc" }, null, 4)],
  ];
  for (const [name, text] of forms) {
    for (const ext of name.startsWith("NDJSON") ? [".ndjson", ".jsonl.gz"] : [".json", ".json.gz"]) {
      it(`reads a ${name} (${ext})`, async () => {
        const { activities, stats } = await readAll([writeFixture(tempDir(), `input${ext}`, text)]);
        expect(activities.map((a) => a.id)).toEqual(ids);
        expect(stats).toMatchObject({ read: 5, used: 5, rejected: 0 });
        expect(activities[0]).toMatchObject({ source: "cloudtrail", action: "iam:ListUsers", actor: "arn:aws:iam::111122223333:user/alice", agentFamily: "aws-cli" });
      });
    }
  }

  it("walks a folder in the S3 layout recursively in sorted order, passing over digests and partial files", async () => {
    const dir = tempDir();
    const later = cloudTrailRecords(2, "2024-06-02T21:00:00Z").map((r, i) => ({ ...r, eventID: `late-${i}` }));
    writeFixture(dir, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/02/111122223333_CloudTrail_us-east-1_20240602T2105Z_b.json.gz", JSON.stringify({ Records: later }));
    writeFixture(dir, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/02/111122223333_CloudTrail_us-east-1_20240602T2005Z_a.json.gz", JSON.stringify({ Records: records }));
    writeFixture(dir, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/02/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20240602T2105Z.json.gz", JSON.stringify({ awsAccountId: "111122223333", logFiles: [] }));
    writeFixture(dir, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/02/x.json.gz.partial", "{");
    const { activities, stats } = await readAll([dir]);
    expect(activities.map((a) => a.id)).toEqual([...ids, "late-0", "late-1"]);
    expect(stats).toMatchObject({ files: 2, rejected: 0 });
  });

  it("streams a file too large to read at once, records crossing chunk boundaries", async () => {
    const many: Record<string, unknown>[] = cloudTrailRecords(3000).map((r) => ({ ...r, requestParameters: { note: 'quote " backslash \\ unicode é ✓ '.repeat(60) } }));
    const path = writeFixture(tempDir(), "big.json", JSON.stringify({ Records: many }));
    expect(statSync(path).size).toBeGreaterThan(8 * 2 ** 20);
    const { activities, stats } = await readAll([path]);
    expect(stats.used).toBe(3000);
    expect(activities.map((a) => a.id)).toEqual(many.map((r) => r.eventID));
    expect(activities[2999]!.request).toEqual(many[2999]!.requestParameters);
  });
});

describe("host sources", () => {
  it("reads a flow log file with its header, by its place in the layout", async () => {
    const line = "5 123456789010 eni-0a1b2c3d4e5f60718 10.1.2.3 52.94.1.1 40000 443 6 12 4000 1700000000 1700000600 ACCEPT OK vpc-0a1 subnet-0b2 i-0c3 19 IPv4 10.1.2.3 52.94.1.1 us-east-1 use1-az1 egress 8";
    const nodata = "5 123456789010 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000600 - NODATA vpc-0a1 subnet-0b2 i-0c3 - - - - us-east-1 use1-az1 - -";
    const text = [FLOW_FIELDS.join(" "), line, nodata].join("\n");
    const dir = tempDir();
    writeFixture(dir, "AWSLogs/123456789010/vpcflowlogs/us-east-1/2023/11/14/123456789010_vpcflowlogs_us-east-1_fl-1_20231114T2305Z_a.log.gz", text);
    const { activities, stats } = await readAll([dir]);
    const parsed = parseFlowLine(line, FLOW_FIELDS);
    expect("record" in parsed).toBe(true);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ id: "record" in parsed ? flowRecordId(parsed.record) : "", actor: "i-0c3", time: 1_700_000_000_000, bytes: 4000, action: "flow:ACCEPT", region: "us-east-1" });
    expect(stats.skippedByReason).toEqual({ "flow NODATA": 1 });
  });

  it("reads runtime events of every class", async () => {
    const base = { category_uid: 1, type_uid: 0, severity_id: 1, metadata: { version: "1.1.0", product: { name: "s", vendor_name: "s" } }, cloud: { provider: "AWS", region: "us-east-1", account: { uid: "123456789012" } }, device: { instance_uid: "i-0abc", hostname: "h", ip: "10.0.0.5", type_id: 6 } };
    const proc = { pid: 1, name: "curl", cmd_line: "curl -s http://x", file: { path: "/usr/bin/curl" }, user: { name: "root" } };
    const events = [
      { ...base, class_uid: 1007, class_name: "Process Activity", activity_id: 1, activity_name: "Launch", time: 1, metadata: { ...base.metadata, uid: "p1" }, process: proc },
      { ...base, class_uid: 4001, class_name: "Network Activity", category_uid: 4, activity_id: 1, activity_name: "Open", time: 2, metadata: { ...base.metadata, uid: "n1" }, actor: { process: proc }, dst_endpoint: { ip: "203.0.113.9", port: 3333, hostname: "Pool.Example." }, connection_info: { protocol_name: "TCP", direction: "Outbound" }, traffic: { bytes_out: 77, bytes_in: 1 } },
      { ...base, class_uid: 4003, class_name: "DNS Activity", category_uid: 4, activity_id: 1, activity_name: "Query", time: 3, metadata: { ...base.metadata, uid: "d1" }, actor: { process: proc }, query: { hostname: "nope.example", type: "A" }, rcode: "NXDOMAIN" },
      { ...base, class_uid: 1001, class_name: "File System Activity", activity_id: 4, activity_name: "Delete", time: 4, metadata: { ...base.metadata, uid: "f1" }, actor: { process: proc }, file: { path: "/var/log/secure" } },
    ];
    const dir = tempDir();
    writeFixture(dir, "runtime/123456789012/us-east-1/2024/01/01/i-0abc_20240101T0105Z_x.ndjson.gz", events.map((e) => JSON.stringify(e)).join("\n"));
    const { activities } = await readAll([dir]);
    expect(activities.map((a) => [a.id, a.action, a.readOnly])).toEqual([
      ["p1", "process:start", true],
      ["n1", "network:connect", true],
      ["d1", "dns:query", true],
      ["f1", "file:delete", false],
    ]);
    expect(activities[0]!.host).toMatchObject({ instanceId: "i-0abc", process: "curl", cmdLine: "curl -s http://x", path: "/usr/bin/curl" });
    expect(activities[1]).toMatchObject({ bytes: 77, host: { dstIp: "203.0.113.9", dstPort: 3333, protocol: "tcp", domain: "pool.example" } });
    expect(activities[2]).toMatchObject({ error: "NXDOMAIN", host: { domain: "nope.example" } });
    expect(activities[3]!.host?.path).toBe("/var/log/secure");
  });
});

describe("splitters", () => {
  it("cut the same records whatever the chunk boundaries, escapes included", () => {
    const values = [{ a: 'x"y' }, { b: "back\\" }, { c: "\\\"}{][" }, { d: [1, { e: "é✓" }] }];
    const text = Buffer.from(JSON.stringify({ Records: values }));
    for (const size of [1, 2, 3, 7, 64]) {
      const got: unknown[] = [];
      const splitter = new JsonArraySplitter({ record: (t) => got.push(JSON.parse(t)), oversize: () => got.push("oversize") });
      for (let i = 0; i < text.length; i += size) splitter.push(text.subarray(i, i + size));
      expect(splitter.end()).toEqual({ complete: true });
      expect(got, `chunk size ${size}`).toEqual(values);
    }
  });

  it("report records and lines longer than the bound without holding them", () => {
    const seen: string[] = [];
    const sink = { record: (t: string, line: number) => seen.push(`${line}:${t.length}`), oversize: (line: number, bytes: number) => seen.push(`${line}:over:${bytes}`) };
    const lines = new LineSplitter(sink, 10);
    lines.push(Buffer.from("short\n" + "x".repeat(25)));
    lines.push(Buffer.from("yy\nok\n"));
    lines.end();
    expect(seen).toEqual(["1:5", "2:over:27", "3:2"]);
    seen.length = 0;
    const array = new JsonArraySplitter(sink, 10);
    array.push(Buffer.from('[{"a":1},\n{"a":"' + "z".repeat(20) + '"},{"b":2}]'));
    expect(seen).toEqual(["1:7", "2:over:28", "2:7"]);
  });

  it("cut the same lines from a whole decoded text as from its bytes in chunks", () => {
    const text = "a\r\n\n  \n{\"é✓\":1}\r\r\nlast line é✓ that runs long\n\r\n" + "x".repeat(30) + "\nend";
    const cut = (feed: (l: LineSplitter) => void) => {
      const seen: string[] = [];
      const l = new LineSplitter({ record: (t, line) => seen.push(`${line}:${t}`), oversize: (line, bytes) => seen.push(`${line}:over:${bytes}`) }, 28);
      feed(l);
      return { seen, lines: l.lines };
    };
    const fromText = cut((l) => l.pushText(text));
    for (const size of [1, 5, 64]) {
      const bytes = Buffer.from(text);
      const fromBytes = cut((l) => {
        for (let i = 0; i < bytes.length; i += size) l.push(bytes.subarray(i, i + size));
        l.end();
      });
      expect(fromText, `chunk size ${size}`).toEqual(fromBytes);
    }
    // One CR per line goes (CRLF); blank lines count but hold no record; long lines are reported.
    expect(fromText.seen).toEqual(["1:a", '4:{"é✓":1}\r', "5:over:30", "7:over:30", "8:end"]);
    expect(cut((l) => l.pushText("one\n")).lines).toBe(1);
    expect(() => cut((l) => (l.push(Buffer.from("one\n")), l.pushText("two\n")))).toThrow(/already cut lines/);
  });
});
