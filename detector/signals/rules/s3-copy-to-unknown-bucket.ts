import { defineSignal } from "../define.ts";
import { attackIndicators, failed, indicator } from "../helpers.ts";
import { DAY, HOUR } from "../state.ts";

const WRITES = new Set(["s3:PutObject", "s3:CopyObject", "s3:UploadPart", "s3:CompleteMultipartUpload"]);
const MIN_OBJECTS = 20;
/** Objects out within a day that make the transfer a bulk one, reported again at high severity. */
const BULK_OBJECTS = 200;

/**
 * Many objects written within a day to a bucket that no S3 call of the history named and that no
 * one in the estate created since: data leaving for a bucket someone else owns (a personal or
 * attacker account). Buckets created during the period are the estate's own new ones. A transfer
 * that grows past a bulk size is reported again, at high severity like GuardDuty's exfiltration
 * findings: twenty files may be a mistake, hundreds are a copy of the data.
 */
export default defineSignal({
  id: "s3-copy-to-unknown-bucket",
  type: "Exfiltration:S3/ObjectsCopiedToUnknownBucket",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["s3:CreateBucket", ...WRITES],
  severity: 7,
  tactic: "TA0010",
  technique: "T1537",
  observe(a, ctx) {
    const bucket = a.resources[0];
    if (!bucket || failed(a)) return undefined;
    const created = ctx.state.timed<true>("s3-copy-to-unknown-bucket/created", 30 * DAY);
    if (a.action === "s3:CreateBucket") {
      created.set(bucket, true, a.time);
      return undefined;
    }
    if (ctx.baseline.knownBucket(bucket) || created.get(bucket, a.time)) return undefined;
    const key = `${a.actor}\n${bucket}`;
    const w = ctx.state.windows("s3-copy-to-unknown-bucket", DAY).add(key, a.time, a.id);
    const bulk = w.count >= BULK_OBJECTS;
    if (w.count < MIN_OBJECTS || !ctx.state.latch("s3-copy-to-unknown-bucket", 6 * HOUR).first(bulk ? `${key}\nbulk` : key, a.time)) return undefined;
    return {
      ...(bulk && { severity: 8 }),
      activityIds: w.ids,
      indicators: [indicator("SENSITIVE_DATA", [bucket]), ...attackIndicators("TA0010", "T1537")],
      evidence: `${a.actor} wrote ${w.count} objects in 24 hours to bucket ${bucket}, which no S3 call named in history and no one in the estate created.`,
    };
  },
});
