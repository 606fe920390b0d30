import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * Stolen credentials open a sensitive bucket to the world: its public access block is removed and
 * a bucket policy grants `s3:GetObject` to everyone; then the data is pulled anonymously from the
 * internet, where no credential links the reads to the attacker.
 */
export default defineScenario({
  id: "bucket-exposure-public-reads",
  title: "Sensitive bucket made public, then read anonymously",
  kind: "attack",
  description:
    "With a stolen key or instance credentials the attacker checks a sensitive bucket's policy and public access block, deletes the block (or sets it all false), puts a bucket policy allowing s3:GetObject to Principal \"*\", then downloads objects without credentials from several internet addresses.",
  references: [
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.exfiltration.s3-backdoor-bucket-policy/ (Stratus Red Team: backdoor an S3 bucket via its bucket policy)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-s3.html#policy-s3-bucketblockpublicaccessdisabled (GuardDuty Policy:S3/BucketBlockPublicAccessDisabled)",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html (S3 Block Public Access)",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 16,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "list buckets; read the target's policy and public access block" },
    { id: "exposure", tactic: "TA0010", technique: "T1537", description: "remove the public access block and grant public read in the bucket policy" },
    { id: "collection", tactic: "TA0009", technique: "T1530", description: "anonymous GetObject of the exposed data from internet addresses" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const useKey = rng.chance(0.5);
    const victim = rng.pick(useKey ? ctx.principals({ persona: "developer-iam-user", withAccessKey: true }) : ctx.principals({ persona: "ec2-app", withInstance: true }));
    const buckets = ctx.buckets(victim.accountId);
    const sensitive = buckets.filter((b) => b.sensitive);
    const target = rng.pick(sensitive.length > 0 ? sensitive : buckets);
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vpn", "tor", "residential"], tooling: ["cli", "boto3", "console"] });
    const clock = stepClock(rng, ctx.start);
    const { pause } = clock;
    ctx.stage("discovery", () => {
      attacker.call("s3:ListBuckets", clock.now);
      for (const api of ["s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock", "s3:GetBucketAcl"]) attacker.call(api, pause(2, 40), { args: { bucketName: target.name } });
    });
    pause(60, 3600);
    ctx.stage("exposure", () => {
      attacker.call(rng.chance(0.6) ? "s3:DeleteBucketPublicAccessBlock" : "s3:PutBucketPublicAccessBlock", clock.now, { args: { bucketName: target.name }, error: false });
      attacker.call("s3:PutBucketPolicy", pause(5, 120), { args: { bucketName: target.name, publicRead: true }, error: false });
      if (rng.chance(0.5)) attacker.call("s3:GetBucketPolicy", pause(5, 60), { args: { bucketName: target.name } });
    });
    pause(120, 6 * 3600);
    ctx.stage("collection", () => {
      // Anonymous downloads from a few addresses, with the same CLI and --no-sign-request.
      const readers = Array.from({ length: rng.int(1, 4) }, () => ctx.anonymous(ctx.origin(rng.pick(["vps", "residential", "tor"] as const)), "cli"));
      const n = Math.round(rng.logNormal(300, 0.7));
      for (let i = 0; i < n; i++) {
        rng.pick(readers).call("s3:GetObject", clock.now, { account: victim.accountId, args: { bucketName: target.name, bytes: Math.round(rng.logNormal(1_500_000, 1)) } });
        clock.now += rng.exponential(2) * 1000 + 100;
      }
    });
  },
});
