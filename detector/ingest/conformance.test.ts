/**
 * Ingest against the real public samples (../shared/realdata): every CloudTrail record the schema
 * accepts becomes an activity and every other one is rejected with the schema's reason; the raw VPC
 * flow lines and the Route 53 Resolver records all become activities with the ids truth uses.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeCloudTrailProblem } from "../../schema/cloudtrail.ts";
import { readRealdata } from "../../schema/realdata.ts";
import { resolverQueryId, type ResolverQuery } from "../../schema/route53.ts";
import { flowRecordId, parseFlowLine } from "../../schema/vpcflow.ts";
import type { Activity } from "../activity.ts";
import type { IngestStats } from "./stats.ts";
import { readAll, tempDir, writeFixture } from "./testing.ts";

describe("Panther CloudTrail records (panther-analysis/cloudtrail_tests.ndjson)", () => {
  const text = readRealdata("panther-analysis/cloudtrail_tests.ndjson");
  const records = text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
  let activities: Activity[] = [];
  let stats: IngestStats;
  beforeAll(async () => {
    const file = writeFixture(tempDir(), "panther.ndjson", text);
    ({ activities, stats } = await readAll([file]));
  });

  it("accounts for all 472 records: used + rejected", () => {
    expect(records).toHaveLength(472);
    expect(stats.read).toBe(472);
    expect(stats.used + stats.rejected).toBe(472);
  });

  it("turns every record the schema accepts into an activity, in file order, and rejects the others", () => {
    const accepted = records.filter((r) => describeCloudTrailProblem(r) === undefined);
    expect(accepted.length).toBeGreaterThanOrEqual(250);
    expect(activities.map((a) => a.id)).toEqual(accepted.map((r) => r.eventID));
    expect(stats.rejected).toBe(records.length - accepted.length);
  });

  it("gives each reject its line and a reason that names the field", () => {
    for (const ex of stats.examples) {
      const record = records[ex.line - 1]!;
      const problem = describeCloudTrailProblem(record);
      expect(problem, `line ${ex.line}`).toBeDefined();
      expect(ex.reason).toContain(problem!);
    }
  });

  it("normalises the real identities: roles by role ARN, root by account, actions as service:Event", () => {
    // Panther's fixtures reuse event ids: pair activities with the accepted records by position.
    const accepted = records.filter((r) => describeCloudTrailProblem(r) === undefined);
    accepted.forEach((r, i) => {
      const a = activities[i]!;
      const ui = r.userIdentity as Record<string, any>;
      expect(a.action).toBe(`${(r.eventSource as string).replace(".amazonaws.com", "")}:${r.eventName as string}`);
      if (ui.type === "Root") expect(a.actor).toBe(`root:${ui.accountId}`);
      if (ui.type === "AssumedRole" && ui.sessionContext?.sessionIssuer?.arn) expect(a.actor).toBe(ui.sessionContext.sessionIssuer.arn);
      if (ui.type === "IAMUser" && ui.arn) expect(a.actor).toBe(ui.arn);
      expect(Number.isFinite(a.time)).toBe(true);
    });
    expect(new Set(activities.map((a) => a.actorType)).size).toBeGreaterThanOrEqual(4);
  });
});

describe("raw VPC flow lines (elastic-integrations/vpcflow_v2_extra_samples.log)", () => {
  const text = readRealdata("elastic-integrations/vpcflow_v2_extra_samples.log");
  const lines = text.trim().split("\n");

  it("uses every OK line with the schema's id and skips NODATA and SKIPDATA by design", async () => {
    const dir = tempDir();
    const { activities, stats } = await readAll([writeFixture(dir, "flows.log", text)]);
    const ok = lines.map((l) => parseFlowLine(l)).flatMap((p) => ("record" in p && p.record["log-status"] === "OK" ? [p.record] : []));
    expect(activities.map((a) => a.id)).toEqual(ok.map((r) => flowRecordId(r)));
    expect(stats).toMatchObject({ read: lines.length, used: 5, rejected: 0, skipped: 2, skippedByReason: { "flow NODATA": 1, "flow SKIPDATA": 1 } });
    const reject = activities.find((a) => a.action === "flow:REJECT")!;
    expect(reject).toMatchObject({ error: "REJECT", actor: "eni-1235b8ca123456789", actorType: "Instance", account: "123456789010", sourceIp: "78.24.182.42" });
    expect(reject.host).toMatchObject({ dstIp: "158.109.0.1", dstPort: 3389, protocol: "tcp" });
  });

  it("reads the same lines gzipped in the S3 layout, taking the region from the path", async () => {
    const dir = tempDir();
    writeFixture(dir, "AWSLogs/123456789010/vpcflowlogs/eu-west-1/2016/11/01/123456789010_vpcflowlogs_eu-west-1_fl-1_20161101T0005Z_x.log.gz", text);
    const { activities } = await readAll([dir]);
    expect(activities).toHaveLength(5);
    expect(activities.every((a) => a.region === "eu-west-1")).toBe(true);
  });
});

describe("Route 53 Resolver query logs (elastic-integrations/route53_resolver_test.ndjson)", () => {
  it("uses every real record with the schema's id", async () => {
    const text = readRealdata("elastic-integrations/route53_resolver_test.ndjson");
    const records = text.trim().split("\n").map((l) => JSON.parse(l) as ResolverQuery);
    const dir = tempDir();
    const { activities, stats } = await readAll([writeFixture(dir, join("AWSLogs", "626345947581", "vpcdnsquerylogs", "vpc-01e31a7c", "x.log.gz"), text)]);
    expect(stats).toMatchObject({ read: records.length, used: records.length, rejected: 0 });
    expect(activities.map((a) => a.id)).toEqual(records.map((r) => resolverQueryId(r)));
    const nx = activities.find((a) => a.error === "NXDOMAIN")!;
    expect(nx).toMatchObject({ action: "dns:query", source: "route53-resolver", actorType: "Unknown" });
    expect(nx.host?.domain).not.toMatch(/\.$/);
  });
});
