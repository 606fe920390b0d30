import { defineScenario, type Caller } from "./define.ts";
import { MINUTE, nextLocalHour } from "./time.ts";



/**
 * Benign look-alike: the weekly full backup. The production backup role lists every sensitive
 * bucket, reads thousands of objects in one night, packs them into encrypted archive parts and
 * writes those to the backup bucket of the log-archive account, the organisation's disaster-recovery
 * copy. In some instances it is a new backup role's first run: the exporter, redeployed with a new
 * build, chains into a freshly provisioned DR role that no log has seen before, and that role is
 * still missing the key grant of one bucket. Bulk reads of sensitive data, then writes into another
 * account: what exfiltration looks like.
 */
export default defineScenario({
  id: "backup-dr-bulk-read",
  title: "Weekly backup bulk-reads sensitive buckets into the DR account",
  kind: "benign",
  description:
    "The production backup-exporter role (an ECS task leaving through the VPC's NAT gateway, Go SDK) runs a weekly full backup in the early hours (UTC): paginated ListObjects over every sensitive bucket, thousands of GetObject, then large PutObject archive parts into the backups bucket of the log-archive account and a manifest. First-run variant: the new build of the task assumes a DR role that has never been used before and is refused on one bucket whose KMS key does not trust it yet, so it skips that bucket. In a world without a log-archive account the archive goes to the account's own backups bucket.",
  references: [
    "https://docs.aws.amazon.com/prescriptive-guidance/latest/backup-recovery/cloud-native-aws-services.html (AWS Prescriptive Guidance: backup and recovery of cloud-native AWS services)",
    "https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html (AWS whitepaper: disaster recovery options, backups in another account)",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html (Amazon S3: bucket owner granting cross-account permissions to write)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining (IAM: role chaining)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 30,
  stages: [
    { id: "enumerate", tactic: "TA0007", technique: "T1619", description: "paginated ListObjects over every sensitive bucket (first run: assume the new DR role)" },
    { id: "bulk-read", tactic: "TA0009", technique: "T1530", description: "thousands of GetObject from the sensitive buckets" },
    { id: "dr-transfer", tactic: "TA0010", technique: "T1537", description: "encrypted archive parts and a manifest written to the DR account's backups bucket" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const job = rng.pick(ctx.principals({ persona: "backup-job" }));
    ctx.actor(job.arn);
    const buckets = ctx.buckets(job.accountId);
    const sources = buckets.filter((b) => b.sensitive && !b.name.includes("-backups-"));
    if (sources.length === 0) throw new Error(`backup-dr-bulk-read: account ${job.accountId} has no sensitive bucket to back up`);
    const drAccount = ctx.inventory.accounts.find((a) => a.kind === "log-archive")?.id ?? job.accountId;
    const drBuckets = ctx.buckets(drAccount);
    const drBucket = (drBuckets.find((b) => b.name.includes("-backups-")) ?? drBuckets[0]!).name;
    const firstRun = rng.chance(0.35);
    // A role no log has seen: `<team>-dr-backup-writer` beside `<team>-backup-exporter`.
    const newRole = (job.roleName ?? "backup-exporter").replace(/backup-exporter$/, "dr-backup-writer");

    // After the nightly incremental copy (01:00-01:30 UTC), before the working day.
    let t = nextLocalHour(ctx.start, rng.between(2, 4)) + rng.int(0, 59) * 1000;
    const date = new Date(t).toISOString().slice(0, 10);
    const origin = ctx.origin("habitual", job);
    // The first run comes with a new build of the exporter: a new SDK version.
    const task = ctx.as(job, origin, firstRun ? "new-device" : "habitual", t);
    // Task credentials rotate and chained sessions last an hour: renew when the session is old.
    let caller: Caller | undefined;
    let since = 0;
    const worker = (): Caller => {
      if (!caller || t - since > 55 * MINUTE) {
        caller = firstRun ? ctx.assumeRole(task, t, job.accountId, newRole, `dr-backup-${date}`) : caller === undefined ? task : ctx.as(job, origin, "habitual", t);
        since = t;
        t += rng.between(0.2, 2) * 1000;
      }
      return caller;
    };
    const refused = firstRun && sources.length > 1 ? rng.pick(sources).name : undefined;

    const listed = new Map<string, number>();
    ctx.stage("enumerate", () => {
      for (const bucket of sources) {
        // One page per 1,000 keys.
        const pages = rng.int(3, 40);
        listed.set(bucket.name, pages * 1000);
        for (let p = 0; p < pages; p++) worker().call("s3:ListObjects", (t += rng.between(0.15, 0.9) * 1000), { args: { bucketName: bucket.name }, error: false });
      }
    });

    let readBytes = 0;
    ctx.stage("bulk-read", () => {
      const total = Math.min(12_000, Math.max(1_200, Math.round(rng.logNormal(3_500, 0.5))));
      // Parallel downloads: tens of objects a second, with the odd stall.
      const gapMs = rng.between(60, 400);
      const weights = sources.map((b) => listed.get(b.name)!);
      const sum = weights.reduce((a, b) => a + b, 0);
      for (const [i, bucket] of sources.entries()) {
        const n = Math.max(50, Math.round((total * weights[i]!) / sum));
        if (bucket.name === refused) {
          // The new role's first reads of this bucket fail on its KMS key: the job skips the bucket.
          for (let k = rng.int(3, 10); k > 0; k--) worker().call("s3:GetObject", (t += rng.exponential(gapMs) + 20), { args: { bucketName: bucket.name }, error: "AccessDenied" });
          continue;
        }
        for (let k = 0; k < n; k++) {
          const bytes = Math.round(rng.logNormal(400_000, 1.2));
          readBytes += bytes;
          worker().call("s3:GetObject", (t += rng.exponential(gapMs) + 20 + (rng.chance(0.002) ? rng.between(5, 60) * 1000 : 0)), { args: { bucketName: bucket.name, bytes }, error: false });
        }
      }
    });
    t += rng.between(1, 10) * MINUTE;

    ctx.stage("dr-transfer", () => {
      // Compressed archives of at most ~1 GB, uploaded one part after another.
      const compressed = readBytes * rng.between(0.3, 0.7);
      const parts = Math.max(1, Math.ceil(compressed / 1_000_000_000));
      for (let p = 1; p <= parts; p++) {
        const key = `backup/weekly/${job.accountId}/${date}/part-${String(p).padStart(4, "0")}.tar.zst.enc`;
        const bytes = Math.round(compressed / parts);
        // A gigabyte at a few hundred MB/s: seconds per part.
        worker().call("s3:PutObject", (t += rng.between(3, 15) * 1000), { account: drAccount, args: { bucketName: drBucket, key, bytes }, error: false });
      }
      worker().call("s3:PutObject", (t += rng.between(1, 5) * 1000), { account: drAccount, args: { bucketName: drBucket, key: `backup/weekly/${job.accountId}/${date}/manifest.json`, bytes: rng.int(20_000, 400_000) }, error: false });
      worker().call("s3:ListObjects", (t += rng.between(1, 5) * 1000), { account: drAccount, args: { bucketName: drBucket }, error: false });
    });
  },
});
