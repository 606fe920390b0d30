import { defineScenario } from "./define.ts";
import { MINUTE, HOUR, nextLocalHour } from "./time.ts";



/**
 * Benign look-alike: a data scientist starts a training job late in the evening that streams a
 * large dataset from the data bucket all night: thousands of GetObject over hours, epoch after
 * epoch, from their workstation or from a GPU machine they rent (a cloud VM or a GPU VPS) with
 * their own SSO credentials (a twelve-hour permission-set session). Bulk reads of a sensitive bucket at
 * night, sometimes from a hosting network: what data theft with stolen credentials looks like.
 */
export default defineScenario({
  id: "data-scientist-night-training",
  title: "Data scientist's night-long training read of a dataset",
  kind: "benign",
  description:
    "A data analyst of a production (or log-archive) account lists the dataset's prefixes in the data bucket, then between late evening and early morning of their time zone a training job reads thousands of objects in one to three epochs, batch after batch with pauses for computation, with one twelve-hour SSO role session, from their usual network or from a GPU machine in AWS or at a VPS provider.",
  references: [
    "https://aws.amazon.com/blogs/machine-learning/announcing-the-amazon-s3-plugin-for-pytorch/ (AWS ML Blog: streaming training data from S3 with the S3 plugin for PyTorch)",
    "https://github.com/awslabs/s3-connector-for-pytorch (Amazon S3 Connector for PyTorch: map- and iterable-style datasets reading objects per batch)",
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html (IAM Identity Center: permission-set session duration up to 12 hours)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-s3.html (GuardDuty: Exfiltration:S3/AnomalousBehavior, which this resembles)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 36,
  stages: [
    { id: "dataset-listing", tactic: "TA0007", technique: "T1619", description: "bucket location and paginated listing of the dataset" },
    { id: "night-read", tactic: "TA0009", technique: "T1530", description: "thousands of GetObject over hours, in epochs, batch by batch" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const analysts = ctx.principals({ persona: "data-analyst" });
    const prod = analysts.filter((a) => ctx.inventory.accounts.find((x) => x.id === a.accountId)?.kind === "prod");
    const scientist = rng.pick(prod.length > 0 ? prod : analysts);
    ctx.actor(scientist.arn);
    const buckets = ctx.buckets(scientist.accountId);
    const data = buckets.find((b) => b.name.includes("-app-data-")) ?? buckets.find((b) => b.sensitive) ?? buckets[0];
    if (!data) throw new Error(`data-scientist-night-training: account ${scientist.accountId} has no bucket`);
    const args = { bucketName: data.name };

    // Where the job runs: their workstation, a cloud GPU VM, or a GPU VPS. The job is a Python
    // script: their own boto3 at home, a fresh install elsewhere (console users have none).
    const where = rng.pick(["habitual", "habitual", "habitual", "aws", "vps"] as const);
    const ip = where === "habitual" ? ctx.origin("habitual", scientist) : ctx.origin(where);
    const tooling = scientist.tooling !== "boto3" ? "boto3" : where === "habitual" ? "habitual" : "new-device";
    let t = nextLocalHour(ctx.start, rng.between(21, 23.5), scientist.utcOffset) + rng.int(0, 59) * 1000;
    // One role session for the night: data scientists' permission set lasts twelve hours.
    const job = ctx.as(scientist, ip, tooling, t);

    ctx.stage("dataset-listing", () => {
      job.call("s3:GetBucketLocation", t, { args });
      for (let page = rng.int(5, 40); page > 0; page--) job.call("s3:ListObjects", (t += rng.between(0.3, 2) * 1000), { args });
    });
    t += rng.between(1, 10) * MINUTE;

    ctx.stage("night-read", () => {
      const epochs = rng.int(1, 3);
      const perEpoch = Math.min(6_000, Math.max(1_000, Math.round(rng.logNormal(2_500, 0.4))));
      // The whole run fills the night: five to nine hours.
      const epochMs = (rng.between(5, 9) * HOUR) / epochs;
      const batch = rng.int(8, 32);
      // The pause after each batch (the GPU computing) fills the epoch.
      const pauseMs = Math.max(500, epochMs / Math.ceil(perEpoch / batch));
      // Dataset shards of a few tens of megabytes.
      const shardBytes = rng.logNormal(20_000_000, 0.4);
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let i = 0; i < perEpoch; i++) {
          t += i % batch === 0 ? rng.between(0.5, 1.5) * pauseMs : rng.between(30, 250);
          job.call("s3:GetObject", t, { args: { ...args, bytes: Math.round(shardBytes * rng.between(0.7, 1.3)) }, error: false });
        }
        // Validation and checkpointing between epochs.
        t += rng.between(2, 15) * MINUTE;
      }
    });
  },
});
