/**
 * Flow, resolver and runtime files of a generated run: real layouts, records that pass their
 * formats, aggregation that keeps volumes bounded, and idle interfaces reported as NODATA.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../schema/manifest.ts";
import { resolverQuerySchema } from "../schema/route53.ts";
import { runtimeEventSchema } from "../schema/runtime.ts";
import { FLOW_FIELDS, flowHeaderFields, parseFlowLine, type FlowRecord } from "../schema/vpcflow.ts";
import { simulate } from "./run.ts";
import { listFiles } from "./testing.ts";

let dir: string;
let paths: string[];
const lines = (path: string) => gunzipSync(readFileSync(join(dir, "events", path))).toString("utf8").trimEnd().split("\n");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seqlab-telemetry-"));
  await simulate({ config: { seed: 4, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" }, outDir: dir, workers: 1, command: "test" });
  paths = listFiles(join(dir, "events"));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("VPC Flow Logs", () => {
  const FLOW_PATH = /^AWSLogs\/(\d{12})\/vpcflowlogs\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/\1_vpcflowlogs_\2_fl-[0-9a-f]{17}_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.log\.gz$/;

  it("delivers files in the S3 layout, each starting with its header line", () => {
    const flowFiles = paths.filter((p) => p.includes("/vpcflowlogs/"));
    expect(flowFiles.length).toBeGreaterThan(10);
    for (const p of flowFiles) {
      expect(p).toMatch(FLOW_PATH);
      expect(flowHeaderFields(lines(p)[0]!)).toEqual([...FLOW_FIELDS]);
    }
  });

  it("writes records that parse against the header, with NODATA rows and accepted and rejected traffic", () => {
    const records: FlowRecord[] = [];
    for (const p of paths.filter((x) => x.includes("/vpcflowlogs/"))) {
      for (const line of lines(p).slice(1)) {
        const parsed = parseFlowLine(line, FLOW_FIELDS);
        if ("error" in parsed) throw new Error(`${p}: ${parsed.error}: ${line}`);
        records.push(parsed.record);
      }
    }
    const statuses = new Set(records.map((r) => r["log-status"]));
    expect(statuses.has("OK")).toBe(true);
    expect(statuses.has("NODATA")).toBe(true);
    expect(records.some((r) => r.action === "REJECT")).toBe(true);
    // Aggregation: a record spans first to last packet inside one 10-minute capture window, and no
    // 5-tuple repeats within a window; NODATA rows cover the whole window.
    const window = (t: number) => Math.floor(t / 600) * 600;
    for (const r of records) {
      if (r["log-status"] === "NODATA") expect(r.end - r.start).toBe(600);
      else {
        expect(r.end).toBeGreaterThan(r.start);
        expect(r.end).toBeLessThanOrEqual(window(r.start) + 600);
      }
    }
    const keys = records.filter((r) => r["log-status"] === "OK").map((r) => `${r["interface-id"]} ${window(r.start)} ${r.srcaddr}:${r.srcport}>${r.dstaddr}:${r.dstport}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("Route 53 Resolver query logs", () => {
  it("writes JSON lines that validate, in the per-VPC S3 layout", () => {
    const files = paths.filter((p) => p.includes("/vpcdnsquerylogs/"));
    expect(files.length).toBeGreaterThan(5);
    for (const p of files) {
      expect(p).toMatch(/^AWSLogs\/(\d{12})\/vpcdnsquerylogs\/(vpc-[0-9a-f]+)\/\d{4}\/\d{2}\/\d{2}\/\2_vpcdnsquerylogs_\1_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.log\.gz$/);
      for (const line of lines(p)) {
        const r = resolverQuerySchema.safeParse(JSON.parse(line));
        if (!r.success) throw new Error(`${p}: ${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`);
        expect(r.data.query_name.endsWith(".")).toBe(true);
      }
    }
  });
});

describe("EC2 runtime events", () => {
  it("writes OCSF-style events that validate: processes, files, lookups and outbound connections", () => {
    const classes = new Set<number>();
    for (const p of paths.filter((x) => x.startsWith("runtime/"))) {
      for (const line of lines(p)) {
        const r = runtimeEventSchema.safeParse(JSON.parse(line));
        if (!r.success) throw new Error(`${p}: ${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`);
        classes.add(r.data.class_uid);
      }
    }
    expect([...classes].sort()).toEqual([1001, 1007, 4001, 4003]);
  });
});

describe("manifest", () => {
  it("counts every source", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    for (const source of ["cloudtrail-management", "cloudtrail-data", "vpc-flow", "route53-resolver", "runtime"]) {
      expect(manifest.counts.perSource[source], source).toBeGreaterThan(0);
    }
  });
});
