/**
 * Conformance of the CloudTrail record contract against real public records
 * (../shared/realdata/panther-analysis/cloudtrail_tests.ndjson, see its README).
 *
 * The test classifies every record on its own, independently of the schema: a record is "real at
 * its core" when the core fields every CloudTrail record carries are present in the form CloudTrail
 * writes them. Then:
 *   - every record real at its core must be accepted, whatever else it carries (fields we do not
 *     model, Panther's `p_*` enrichment, placeholder values);
 *   - every rejected record must depart at its core, and the reason given by
 *     `describeCloudTrailProblem` must name a field where it departs.
 */
import { cloudTrailRecord } from "./fixtures.ts";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudTrailRecordSchema, describeCloudTrailProblem } from "./cloudtrail.ts";

// ---------------------------------------------------------------------------------------------
// Independent classification of the core fields.
// ---------------------------------------------------------------------------------------------

/** The core fields, in the order CloudTrail writes them. */
const CORE_FIELDS = [
  "eventVersion",
  "userIdentity",
  "eventTime",
  "eventSource",
  "eventName",
  "awsRegion",
  "eventID",
  "eventType",
] as const;
type CoreField = (typeof CORE_FIELDS)[number];

/** `eventType` values CloudTrail documents. */
const EVENT_TYPES = new Set([
  "AwsApiCall",
  "AwsServiceEvent",
  "AwsConsoleAction",
  "AwsConsoleSignIn",
  "AwsVpceEvent",
  "AwsCloudTrailInsight",
]);

const isNonEmptyString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a core field's value has the form CloudTrail writes (values may be placeholders). */
const REAL_FORM: Record<CoreField, (v: unknown) => boolean> = {
  eventVersion: (v) => isNonEmptyString(v) && /^\d+\.\d{1,2}$/.test(v),
  userIdentity: (v) => isPlainObject(v) && isNonEmptyString(v.type),
  eventTime: (v) =>
    isNonEmptyString(v) &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  eventSource: (v) => isNonEmptyString(v) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/.test(v),
  eventName: isNonEmptyString,
  awsRegion: (v) => isNonEmptyString(v) && /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(v),
  eventID: isNonEmptyString,
  eventType: (v) => isNonEmptyString(v) && EVENT_TYPES.has(v),
};

/** The core fields where a record departs from CloudTrail (missing or not in their real form). */
function departingCoreFields(record: unknown): CoreField[] {
  if (!isPlainObject(record)) return [...CORE_FIELDS];
  return CORE_FIELDS.filter((f) => !(f in record) || !REAL_FORM[f](record[f]));
}

// ---------------------------------------------------------------------------------------------
// Real data.
// ---------------------------------------------------------------------------------------------

/** The repository root is the parent of schema/; shared/ sits beside the repository. */
const REPO_ROOT = new URL("../", import.meta.url);
const REALDATA_DIR = new URL("../shared/realdata/panther-analysis/", REPO_ROOT);
const RECORDS_FILE = new URL("cloudtrail_tests.ndjson", REALDATA_DIR);
const LABELS_FILE = new URL("cloudtrail_tests.labels.ndjson", REALDATA_DIR);

interface RealRecord {
  /** 1-based line number in cloudtrail_tests.ndjson. */
  line: number;
  /** The Panther rule whose test the record comes from, for the failure messages. */
  ruleId: string;
  record: Record<string, unknown>;
  departs: CoreField[];
  problem: string | undefined;
}

function readNdjson(file: URL): unknown[] {
  const path = fileURLToPath(file);
  if (!existsSync(path)) {
    throw new Error(
      `real CloudTrail samples not found: looked for ${path} ` +
        `(the shared/ folder must sit beside the repository root ${fileURLToPath(REPO_ROOT)}, as ../shared)`,
    );
  }
  return readFileSync(path, "utf8")
    .split("\n")
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== "")
    .map(({ text, line }) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new Error(`${path}:${line}: not JSON (${(e as Error).message})`);
      }
    });
}

function loadRealRecords(): RealRecord[] {
  const records = readNdjson(RECORDS_FILE);
  const labels = readNdjson(LABELS_FILE) as { line: number; rule_id: string }[];
  return records.map((record, i) => {
    if (!isPlainObject(record)) throw new Error(`cloudtrail_tests.ndjson:${i + 1}: not a JSON object`);
    return {
      line: i + 1,
      ruleId: labels.find((l) => l.line === i + 1)?.rule_id ?? "?",
      record,
      departs: departingCoreFields(record),
      problem: describeCloudTrailProblem(record),
    };
  });
}

const where = (r: RealRecord) => `line ${r.line} (${r.ruleId})`;
const hasPantherFields = (r: RealRecord) => Object.keys(r.record).some((k) => k.startsWith("p_"));

describe("cloudTrailRecordSchema against real CloudTrail records (panther-analysis fixtures)", () => {
  let all: RealRecord[] = [];
  beforeAll(() => {
    all = loadRealRecords();
  });

  it("reads all 472 records", () => {
    expect(all).toHaveLength(472);
  });

  it("describeCloudTrailProblem agrees with safeParse on every record", () => {
    const disagreements = all
      .filter((r) => cloudTrailRecordSchema.safeParse(r.record).success !== (r.problem === undefined))
      .map(where);
    expect(disagreements.length, `describeCloudTrailProblem and safeParse disagree on: ${disagreements.join(", ")}`).toBe(0);
  });

  it("accepts every record whose core fields are present in their real form", () => {
    const offenders = all
      .filter((r) => r.departs.length === 0 && r.problem !== undefined)
      .map((r) => `${where(r)}: ${r.problem}`);
    expect(offenders.length, `records real at their core that the schema rejects:\n${offenders.join("\n")}\n`).toBe(0);
  });

  it("accepts records carrying Panther p_* enrichment fields when their core is real", () => {
    const enriched = all.filter((r) => r.departs.length === 0 && hasPantherFields(r));
    expect(enriched.length, "records real at their core with p_* fields").toBeGreaterThanOrEqual(20);
    const offenders = enriched.filter((r) => r.problem !== undefined).map((r) => `${where(r)}: ${r.problem}`);
    expect(offenders.length, `records with p_* fields rejected:\n${offenders.join("\n")}\n`).toBe(0);
  });

  it("rejects only records that depart at their core, and names a field where they depart", () => {
    const rejected = all.filter((r) => r.problem !== undefined);
    const imprecise = rejected
      .filter((r) => {
        const field = r.problem!.split(":")[0]!.split(".")[0]!;
        return !(r.departs as string[]).includes(field);
      })
      .map((r) =>
        r.departs.length === 0
          ? `${where(r)}: real at its core, yet rejected: "${r.problem}"`
          : `${where(r)}: departs in ${r.departs.join(", ")} but the reason is "${r.problem}"`,
      );
    expect(imprecise.length, `rejections that name no departing core field:\n${imprecise.join("\n")}\n`).toBe(0);
  });

  it("rejects records whose only departure is a rewritten eventTime, naming eventTime", () => {
    // e.g. `2022-09-25 16:16:37` or `2023-01-03 01:52:07.000000000`, as log pipelines rewrite it.
    const onlyTime = all.filter((r) => r.departs.length === 1 && r.departs[0] === "eventTime");
    expect(onlyTime.length).toBeGreaterThanOrEqual(50);
    const wrong = onlyTime
      .filter((r) => r.problem === undefined || !r.problem.startsWith("eventTime:"))
      .map((r) => `${where(r)}: eventTime ${JSON.stringify(r.record.eventTime)} -> ${r.problem ?? "accepted"}`);
    expect(wrong.length, `records departing only in eventTime not rejected for eventTime:\n${wrong.join("\n")}\n`).toBe(0);
  });

  it("rejects every record that lacks a core field", () => {
    const missing = all.filter((r) => CORE_FIELDS.some((f) => !(f in r.record)));
    expect(missing.length, "records lacking a core field").toBeGreaterThanOrEqual(41);
    const accepted = missing.filter((r) => r.problem === undefined).map(where);
    expect(accepted.length, `records lacking a core field that were accepted: ${accepted.join(", ")}`).toBe(0);
  });

  it("accepts and rejects plausible numbers of records", () => {
    const accepted = all.filter((r) => r.problem === undefined).length;
    const realAtCore = all.filter((r) => r.departs.length === 0).length;
    expect(realAtCore).toBeGreaterThanOrEqual(250);
    expect(accepted).toBeGreaterThanOrEqual(250);
    expect(all.length - accepted).toBeGreaterThanOrEqual(41);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made records.
// ---------------------------------------------------------------------------------------------

/** A minimal management event as CloudTrail writes it. */
const minimalRecord = () => cloudTrailRecord();

describe("cloudTrailRecordSchema on hand-made records", () => {
  it("accepts a minimal valid record", () => {
    const record = minimalRecord();
    expect(departingCoreFields(record)).toEqual([]);
    expect(describeCloudTrailProblem(record)).toBeUndefined();
    expect(cloudTrailRecordSchema.safeParse(record).success).toBe(true);
  });

  it("rejects a timestamp rewritten by another tool, naming eventTime", () => {
    const record = { ...minimalRecord(), eventTime: "2024-06-02 19:41:40.000000000" };
    const problem = describeCloudTrailProblem(record);
    expect(problem).toBeDefined();
    expect(problem).toMatch(/^eventTime: /);
  });

  it("rejects a record without eventID, naming eventID", () => {
    const { eventID: _dropped, ...record } = minimalRecord();
    const problem = describeCloudTrailProblem(record);
    expect(problem).toBeDefined();
    expect(problem).toMatch(/^eventID: /);
  });

  it("passes unknown fields through and keeps them in the parsed output", () => {
    const record = {
      ...minimalRecord(),
      p_log_type: "AWS.CloudTrail",
      p_any_ip_addresses: ["198.51.100.7"],
      someFutureField: { nested: [1, 2, 3] },
      userIdentity: { ...(minimalRecord().userIdentity as object), futureIdentityField: "x" },
    };
    const parsed = cloudTrailRecordSchema.parse(record) as Record<string, unknown>;
    expect(parsed.p_log_type).toBe("AWS.CloudTrail");
    expect(parsed.p_any_ip_addresses).toEqual(["198.51.100.7"]);
    expect(parsed.someFutureField).toEqual({ nested: [1, 2, 3] });
    expect((parsed.userIdentity as Record<string, unknown>).futureIdentityField).toBe("x");
  });
});
