/** Test support: fixture files in a temporary folder and hand-made records. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Activity } from "../activity.ts";
import { readActivities } from "./read.ts";
import { emptyStats, type IngestStats } from "./stats.ts";

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "seqlab-ingest-"));
}

/** Write `content` at `dir/relative` (gzipped when the name ends in `.gz`); returns the path. */
export function writeFixture(dir: string, relative: string, content: string | Buffer): string {
  const path = join(dir, relative);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  writeFileSync(path, relative.endsWith(".gz") ? gzipSync(bytes) : bytes);
  return path;
}

/** Every activity of `paths`, with the stats. */
export async function readAll(paths: string[], strict = false): Promise<{ activities: Activity[]; stats: IngestStats }> {
  const stats = emptyStats();
  const activities: Activity[] = [];
  for await (const batch of readActivities(paths, { stats, strict })) activities.push(...batch);
  return { activities, stats };
}

/** A management event as CloudTrail writes it, with `overrides` merged over the top level. */
export function cloudTrailRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDAEXAMPLEPRINCIPAL1",
      arn: "arn:aws:iam::111122223333:user/alice",
      accountId: "111122223333",
      accessKeyId: "AKIAEXAMPLEKEY000001",
      userName: "alice",
    },
    eventTime: "2024-06-02T19:41:40Z",
    eventSource: "iam.amazonaws.com",
    eventName: "ListUsers",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.15.0 md/awscrt#0.19.19 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6 md/command#iam.list-users",
    requestParameters: null,
    responseElements: null,
    requestID: "0b3c1c1e-0000-4000-8000-000000000001",
    eventID: "6f1d0b5a-0000-4000-8000-000000000002",
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
    ...overrides,
  };
}

/** `n` distinct records, one second apart from `start` (ISO), ids `evt-0000`... */
export function cloudTrailRecords(n: number, start = "2024-06-02T19:00:00Z"): Record<string, unknown>[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) =>
    cloudTrailRecord({ eventID: `evt-${String(i).padStart(4, "0")}`, eventTime: new Date(t0 + i * 1000).toISOString().replace(".000Z", "Z") }),
  );
}
