import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * S3 ransom with customer-provided keys ("Codefinger", 2025): stolen credentials with object read
 * and write rights re-encrypt a bucket's objects in place with `CopyObject` and an SSE-C key only
 * the attacker holds, a lifecycle rule expires what is left, and a ransom note is dropped in each
 * prefix. No data leaves the account; the leverage is destruction.
 */
export default defineScenario({
  id: "s3-ransom-sse-c",
  title: "S3 objects re-encrypted with an attacker's SSE-C key for ransom",
  kind: "attack",
  description:
    "A leaked IAM user key or stolen instance credentials are used from outside: identity check, bucket and object listing, optionally versioning suspended, then a burst of CopyObject calls overwriting each object with a copy encrypted under a customer-provided key, a lifecycle rule expiring objects (and old versions) within days, and ransom notes written beside the data.",
  references: [
    "https://www.halcyon.ai/blog/abusing-aws-native-services-ransomware-encrypting-s3-buckets-with-sse-c (Halcyon RISE, 2025: Codefinger encrypts S3 with SSE-C, 7-day lifecycle deletion, ransom notes)",
    "https://aws.amazon.com/blogs/security/preventing-unintended-encryption-of-amazon-s3-objects/ (AWS Security Blog, 2025: CopyObject bursts with SSE-C overwriting objects)",
    "https://aws.amazon.com/blogs/security/anatomy-of-a-ransomware-event-targeting-data-in-amazon-s3/ (AWS Security Blog: anatomy of a ransomware event targeting S3)",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 12,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "whoami, list buckets, their versioning and objects" },
    { id: "suspend-versioning", tactic: "TA0040", technique: "T1485", description: "suspend versioning so overwritten objects keep no recoverable version", optional: true },
    { id: "encrypt", tactic: "TA0040", technique: "T1486", description: "CopyObject over each object in place with an SSE-C key the attacker keeps" },
    { id: "expire-originals", tactic: "TA0040", technique: "T1485", description: "lifecycle rule expiring objects within days, and old versions at once" },
    { id: "ransom-note", tactic: "TA0040", technique: "T1486", description: "ransom note written into each encrypted prefix" },
  ],
  freeOrder: [["expire-originals", "ransom-note"]],
  run(ctx) {
    const { rng } = ctx;
    // Codefinger used exposed keys; stolen instance credentials of a prod application work as well.
    const victim = rng.chance(0.6)
      ? rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }))
      : rng.pick(ctx.principals({ persona: "ec2-app", withInstance: true, accountKind: "prod" }));
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vps", "tor", "residential", "vpn", "aws"], tooling: ["cli", "boto3", "go-sdk"] });
    const clock = stepClock(rng, ctx.start, 300);
    const { step, pause } = clock;

    const buckets = ctx.buckets(victim.accountId);
    // The data worth holding to ransom: sensitive buckets first, else anything but logs.
    const valuable = buckets.filter((b) => b.sensitive).length > 0 ? buckets.filter((b) => b.sensitive) : buckets.filter((b) => !b.name.includes("-logs-"));
    const targets = rng.sample(valuable, rng.int(1, Math.min(3, valuable.length)));

    ctx.stage("discovery", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
      attacker.call("s3:ListBuckets", step(20));
      for (const b of targets) {
        if (rng.chance(0.5)) attacker.call("s3:GetBucketVersioning", step(5), { args: { bucketName: b.name } });
        for (let i = rng.int(1, 4); i > 0; i--) attacker.call("s3:ListObjects", step(3), { args: { bucketName: b.name } });
      }
    });

    pause(60, 2 * 3600);
    if (rng.chance(0.5)) {
      ctx.stage("suspend-versioning", () => {
        for (const b of targets) attacker.call("s3:PutBucketVersioning", step(8), { args: { bucketName: b.name, status: "Suspended" } });
      });
      pause(10, 600);
    }

    // A script walks the listing and overwrites each object; a few run several workers at once.
    const total = Math.min(4000, Math.round(rng.logNormal(500, 0.8)) + 20);
    const gapMs = rng.between(80, 900);
    ctx.stage("encrypt", () => {
      for (let i = 0; i < total; i++) {
        attacker.call("s3:CopyObject", clock.now, { args: { bucketName: rng.pick(targets).name, sseCustomerKey: true } });
        clock.now += rng.exponential(gapMs) + 20;
      }
    });

    // The lifecycle rule and the notes are independent finishing touches, done in either order.
    const expire = () => {
      pause(30, 1800);
      ctx.stage("expire-originals", () => {
        for (const b of targets) {
          attacker.call("s3:PutBucketLifecycle", step(10), { args: { bucketName: b.name, expirationDays: rng.pick([7, 7, 5, 10]), noncurrentDays: 1, prefix: "" } });
        }
      });
    };
    const notes = () => {
      pause(5, 900);
      const note = rng.pick(["README-RECOVER.txt", "HOW_TO_RECOVER_FILES.txt", "RECOVERY-INSTRUCTIONS.txt", "README.txt"]);
      ctx.stage("ransom-note", () => {
        // One note per prefix, so whoever opens a folder finds it.
        for (const b of targets) {
          for (const prefix of rng.chance(0.6) ? [""] : ["", "data/", "exports/", "backup/"]) {
            attacker.call("s3:PutObject", step(2), { args: { bucketName: b.name, key: `${prefix}${note}`, bytes: rng.int(600, 1800) } });
          }
        }
      });
    };
    for (const finish of rng.sample([expire, notes], 2)) finish();
  },
});
