/**
 * Statistical realism checks on one small generated run: the delivery layout, the record schema,
 * human rhythms and habits, service roles around the clock, heavy-tailed API use, error rates,
 * data events, truth, inventory, intel and manifest. Thresholds are loose enough to hold for any
 * seed and tight enough to catch a generator that drifts away from real CloudTrail.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudTrailRecordSchema, describeCloudTrailProblem } from "../schema/cloudtrail.ts";
import { intelSchema } from "../schema/intel.ts";
import { inventorySchema } from "../schema/inventory.ts";
import { manifestSchema, type SimulationConfig } from "../schema/manifest.ts";
import { truthSchema, type Truth } from "../schema/truth.ts";
import { simulate, type SimulateResult } from "./run.ts";
import { indexRun, listFiles, readEventFiles, type EventFile } from "./testing.ts";

type Rec = Record<string, any>;

const CONFIG: SimulationConfig = { seed: 11, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" };
const FILE_NAME =
  /^AWSLogs\/(\d{12})\/CloudTrail\/([a-z]{2}(?:-[a-z]+)+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail_([a-z]{2}(?:-[a-z]+)+-\d)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_([A-Za-z0-9]{16})\.json\.gz$/;

let dir: string;
let result: SimulateResult;
let files: EventFile[];
let records: Rec[];
let truth: Truth;
let truthIds: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seqlab-realism-"));
  result = await simulate({ config: CONFIG, outDir: dir, workers: 1, command: "test" });
  files = readEventFiles(dir);
  records = files.flatMap((f) => f.records);
  truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
  truthIds = new Set(truth.campaigns.flatMap((c) => c.stages.flatMap((s) => s.eventIds)));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Group values by a key; drops records for which the key is undefined. */
function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function isHuman(r: Rec): boolean {
  const u = r.userIdentity;
  if (u?.type === "IAMUser") return true;
  return u?.type === "AssumedRole" && String(u.sessionContext?.sessionIssuer?.arn ?? "").includes("AWSReservedSSO");
}

/**
 * Benign human events grouped per principal (principalId is stable across accounts and sessions).
 * Calls a service makes on a human's behalf (`invokedBy`, e.g. CloudFormation applying a change
 * set) come from the service, not from the human's device, so they are left out.
 */
function benignHumans(): Map<string, Rec[]> {
  return groupBy(
    records.filter((r) => isHuman(r) && r.userIdentity.invokedBy === undefined && !truthIds.has(r.eventID)),
    (r) => r.userIdentity.principalId as string,
  );
}

/** The CLI v2 appends the command per call; the rest of the string is the installation. */
function userAgentFamily(ua: string): string {
  return ua.replace(/ md\/command#\S*$/, "");
}

describe("a generated run", () => {
  it("produces a non-trivial amount of data", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(records.length).toBeGreaterThan(5_000);
  });

  it("files CloudTrail in the S3 delivery layout with matching account, region and hour", () => {
    const bad: string[] = [];
    for (const f of files) {
      const m = FILE_NAME.exec(f.path);
      if (!m) {
        bad.push(`bad name: ${f.path}`);
        continue;
      }
      const [, acct, region, y, mo, d, acct2, region2, y2, mo2, d2, hh, mm] = m;
      if (acct !== acct2 || region !== region2 || y !== y2 || mo !== mo2 || d !== d2) bad.push(`inconsistent name: ${f.path}`);
      const stamp = Date.parse(`${y2}-${mo2}-${d2}T${hh}:${mm}:00Z`);
      for (const r of f.records) {
        if (r.recipientAccountId !== acct) bad.push(`${f.path}: record for ${r.recipientAccountId}`);
        if (r.awsRegion !== region) bad.push(`${f.path}: record in ${r.awsRegion}`);
        // One file per hour: its events lie within about an hour of the file's timestamp.
        const t = Date.parse(r.eventTime);
        if (Math.abs(t - stamp) > 65 * 60_000) bad.push(`${f.path}: event at ${r.eventTime}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(files.some((f) => f.path.endsWith(".partial"))).toBe(false);
  });

  it("names each file after a time when all of its events had already happened", () => {
    // CloudTrail delivers a file a few minutes after the calls in it; the name's timestamp is the
    // delivery time, so it never precedes an event the file holds.
    const early: string[] = [];
    for (const f of files) {
      const m = FILE_NAME.exec(f.path);
      if (!m) continue;
      const stamp = Date.parse(`${m[8]}-${m[9]}-${m[10]}T${m[11]}:${m[12]}:00Z`);
      const last = Math.max(...f.records.map((r) => Date.parse(r.eventTime)));
      if (last > stamp) early.push(`${f.path}: last event ${new Date(last).toISOString()}`);
    }
    expect(early.length, early.slice(0, 3).join("\n")).toBe(0);
  });

  it('holds exactly {"Records":[...]} in every file, never empty', () => {
    for (const f of files) {
      expect(Object.keys(f.body as object), f.path).toEqual(["Records"]);
      expect(Array.isArray((f.body as Rec).Records), f.path).toBe(true);
      expect(f.records.length, f.path).toBeGreaterThan(0);
    }
  });

  it("writes records that all pass the CloudTrail record schema", () => {
    const problems: string[] = [];
    for (const r of records) {
      if (!cloudTrailRecordSchema.safeParse(r).success) problems.push(`${r.eventID}: ${describeCloudTrailProblem(r)}`);
      if (problems.length >= 10) break;
    }
    expect(problems).toEqual([]);
  });

  it("keeps every event inside the simulated period", () => {
    const start = Date.parse(truth.period.start);
    const end = Date.parse(truth.period.end);
    const outside = records.filter((r) => Date.parse(r.eventTime) < start || Date.parse(r.eventTime) >= end);
    expect(outside.map((r) => r.eventTime).slice(0, 5)).toEqual([]);
  });

  it("never repeats an eventID across the run", () => {
    const ids = records.map((r) => r.eventID as string);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("identifies every call consistently: ids, keys and ARNs agree with each other", () => {
    const problems: string[] = [];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const r of records) {
      const u = r.userIdentity;
      if (!uuid.test(r.eventID)) problems.push(`${r.eventID}: eventID is not a UUID`);
      if (typeof r.requestID !== "string" || r.requestID.length < 16) problems.push(`${r.eventID}: requestID ${r.requestID}`);
      if (u.type === "IAMUser" || u.type === "AssumedRole") {
        const arnAccount = /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(u.arn)?.[1];
        if (arnAccount !== u.accountId) problems.push(`${r.eventID}: ${u.arn} in account ${u.accountId}`);
      }
      if (u.type === "IAMUser" && !/^A[KS]IA[A-Z2-7]{16}$/.test(u.accessKeyId ?? "") && r.eventName !== "ConsoleLogin") problems.push(`${r.eventID}: IAM user key ${u.accessKeyId}`);
      if (u.type === "AssumedRole") {
        const session = String(u.arn).split("/").pop();
        if (u.principalId !== `${u.sessionContext?.sessionIssuer?.principalId}:${session}`) problems.push(`${r.eventID}: principalId ${u.principalId} for ${u.arn}`);
      }
      if (problems.length >= 10) break;
    }
    expect(problems).toEqual([]);
  });

  it("concentrates each human's activity in a working-hours window", () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const [principal, evs] of benignHumans()) {
      if (evs.length < 20) continue;
      checked++;
      const hours = Array<number>(24).fill(0);
      for (const r of evs) hours[new Date(r.eventTime).getUTCHours()]!++;
      // The busiest 13 consecutive hours (circular, so any fixed UTC offset fits).
      let best = 0;
      for (let h = 0; h < 24; h++) {
        let sum = 0;
        for (let k = 0; k < 13; k++) sum += hours[(h + k) % 24]!;
        best = Math.max(best, sum);
      }
      if (best / evs.length < 0.8) offenders.push(`${principal}: ${(best / evs.length).toFixed(2)} of ${evs.length}`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it("keeps each benign human's source addresses and user-agent families few and stable", () => {
    const humans = [...benignHumans().values()].filter((evs) => evs.length >= 10);
    expect(humans.length).toBeGreaterThan(10);
    const ipCounts = humans.map((evs) => new Set(evs.map((r) => r.sourceIPAddress)).size);
    expect(median(ipCounts)).toBeLessThanOrEqual(4);
    const uaOffenders = humans
      .map((evs) => ({ who: evs[0]!.userIdentity.arn as string, families: new Set(evs.map((r) => userAgentFamily(r.userAgent))) }))
      .filter((x) => x.families.size > 3)
      .map((x) => `${x.who}: ${[...x.families].join(" | ")}`);
    expect(uaOffenders).toEqual([]);
  });

  it("has benign IAM users call IAM about themselves only (their own keys and policies)", () => {
    const own = records.filter((r) => r.userIdentity?.type === "IAMUser" && !truthIds.has(r.eventID) && typeof r.requestParameters?.userName === "string");
    expect(own.length).toBeGreaterThan(5);
    const others = own.filter((r) => r.requestParameters.userName !== r.userIdentity.userName).map((r) => `${r.eventName} by ${r.userIdentity.userName} for ${r.requestParameters.userName}`);
    expect(others).toEqual([]);
  });

  it("has instance roles acting around the clock", () => {
    const instances = groupBy(
      // Instance-profile sessions (their occasional hops into another account's role aside).
      records.filter((r) => r.userIdentity?.type === "AssumedRole" && r.userIdentity.sessionContext?.ec2RoleDelivery && /\/i-[0-9a-f]+$/.test(String(r.userIdentity.arn))),
      (r) => r.userIdentity.arn as string,
    );
    expect(instances.size).toBeGreaterThan(0);
    for (const [arn, evs] of instances) {
      const hours = new Set(evs.map((r) => new Date(r.eventTime).getUTCHours()));
      expect(hours.size, arn).toBeGreaterThanOrEqual(20);
    }
  });

  it("has a heavy-tailed API mix over a broad vocabulary", () => {
    const counts = [...groupBy(records, (r) => r.eventName as string).values()].map((l) => l.length).sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThanOrEqual(60);
    const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / records.length).toBeGreaterThanOrEqual(0.5);
  });

  it("has a realistic share of failed calls", () => {
    const share = records.filter((r) => r.errorCode !== undefined).length / records.length;
    expect(share).toBeGreaterThanOrEqual(0.005);
    expect(share).toBeLessThanOrEqual(0.08);
  });

  it("has AWS service events shaped as CloudTrail writes them", () => {
    const service = records.filter((r) => r.userIdentity?.type === "AWSService");
    expect(service.length).toBeGreaterThan(0);
    for (const r of service) {
      expect(r.sourceIPAddress, r.eventID).toMatch(/\.amazonaws\.com$/);
      expect(r.userIdentity.invokedBy, r.eventID).toBe(r.sourceIPAddress);
    }
  });

  it("writes S3 object-level calls as data events with byte counts", () => {
    const data = records.filter((r) => r.eventCategory === "Data");
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) {
      expect(r.eventSource, r.eventID).toBe("s3.amazonaws.com");
      expect(r.managementEvent, r.eventID).toBe(false);
      expect(typeof r.additionalEventData?.bytesTransferredOut, r.eventID).toBe("number");
    }
    for (const name of ["GetObject", "PutObject"]) {
      const calls = records.filter((r) => r.eventSource === "s3.amazonaws.com" && r.eventName === name);
      expect(calls.length, name).toBeGreaterThan(0);
      expect(calls.every((r) => r.eventCategory === "Data")).toBe(true);
    }
    const management = records.filter((r) => r.eventCategory !== "Data");
    expect(management.every((r) => r.eventCategory === "Management" && r.managementEvent === true)).toBe(true);
  });

  it("issues temporary ASIA credentials from STS", () => {
    const issued = records.filter((r) => r.eventSource === "sts.amazonaws.com" && r.responseElements?.credentials);
    expect(issued.filter((r) => r.eventName === "AssumeRole").length).toBeGreaterThan(0);
    for (const r of issued) expect(r.responseElements.credentials.accessKeyId, r.eventID).toMatch(/^ASIA[A-Z2-7]{16}$/);
    for (const r of records.filter((x) => x.userIdentity?.type === "AssumedRole")) {
      expect(r.userIdentity.accessKeyId, r.eventID).toMatch(/^ASIA/);
    }
  });

  it("writes truth that validates and points at real events", () => {
    expect(truthSchema.safeParse(truth).error?.issues ?? []).toEqual([]);
    expect(truth.campaigns.length).toBeGreaterThan(0);
    const ids = indexRun(dir);
    const missing = [...truthIds].filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    expect(truth).toEqual(JSON.parse(JSON.stringify(result.truth)));
  });

  it("writes inventory and intel that validate against their schemas", () => {
    const inventory = JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8"));
    expect(inventorySchema.safeParse(inventory).error?.issues ?? []).toEqual([]);
    expect(inventory.accounts).toHaveLength(CONFIG.accounts);
    const accountIds = new Set((inventory.accounts as { id: string }[]).map((a) => a.id));
    expect(records.every((r) => accountIds.has(r.recipientAccountId))).toBe(true);
    const intel = JSON.parse(readFileSync(join(dir, "intel.json"), "utf8"));
    expect(intelSchema.safeParse(intel).error?.issues ?? []).toEqual([]);
  });

  it("writes a manifest that validates and counts what was written", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifestSchema.safeParse(manifest).error?.issues ?? []).toEqual([]);
    expect(manifest.config).toEqual(CONFIG);
    const sources = manifest.counts.perSource as Record<string, number>;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(manifest.counts.events).toBe(sum(sources));
    expect(sum(manifest.counts.perAccount)).toBe(manifest.counts.events);
    expect(manifest.counts.files).toBe(listFiles(join(dir, "events")).length);
    expect(manifest.counts.campaigns).toBe(truth.campaigns.length);
    const data = records.filter((r) => r.eventCategory === "Data").length;
    expect([sources["cloudtrail-data"], sources["cloudtrail-management"]]).toEqual([data, records.length - data]);
    expect(listFiles(dir).filter((p) => !p.startsWith("events/"))).toEqual(["intel.json", "inventory.json", "manifest.json", "truth.json"]);
  });
});
