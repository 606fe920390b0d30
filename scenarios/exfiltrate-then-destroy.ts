import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * Exfiltrate, then destroy: stolen credentials pull a sensitive bucket's objects, versioning is
 * suspended so nothing can be restored, the bucket is emptied with `DeleteObjects` batches and,
 * often, a note tells the victim to pay for the copy the attacker kept.
 */
export default defineScenario({
  id: "exfiltrate-then-destroy",
  title: "Bulk S3 download followed by mass deletion for extortion",
  kind: "attack",
  description:
    "Credentials of a prod principal (stolen instance credentials, or an engineer's session tokens) are used from outside: bucket and object discovery, hundreds to thousands of GetObject calls on one or two sensitive buckets, versioning suspended, then DeleteObjects batches of up to 1,000 keys emptying them and, in most instances, a ransom note uploaded in their place.",
  references: [
    "https://aws.amazon.com/blogs/security/anatomy-of-a-ransomware-event-targeting-data-in-amazon-s3/ (AWS Security Blog: copy out, delete, demand ransom)",
    "https://rhinosecuritylabs.com/aws/s3-ransomware-part-1-attack-vector/ (Rhino Security Labs: S3 ransomware attack vector)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.s3-ransomware-batch-deletion/ (Stratus Red Team: S3 ransomware through batch deletion)",
    "https://www.trendmicro.com/en_gb/research/25/k/s3-ransomware.html (Trend Micro, 2025: S3 ransomware variants with exfiltration and deletion)",
    "https://panther.com/blog/detecting-and-hunting-for-cloud-ransomware-part-1-aws-s3 (Panther, 2025: exfiltration and deletion by credential thieves)",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 40,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "whoami, list buckets, locations, versioning and objects" },
    { id: "collection", tactic: "TA0009", technique: "T1530", description: "bulk GetObject from one or two sensitive buckets" },
    { id: "suspend-versioning", tactic: "TA0040", technique: "T1485", description: "versioning suspended so deleted objects leave no version behind", optional: true },
    { id: "destruction", tactic: "TA0040", technique: "T1485", description: "DeleteObjects batches emptying the buckets, often a ransom note left behind" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick([
      ...ctx.principals({ persona: "ec2-app", withInstance: true, accountKind: "prod" }),
      ...ctx.principals({ persona: ["developer", "platform-admin"], accountKind: "prod" }),
    ]);
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vps", "tor", "residential", "vpn", "aws"], tooling: ["cli", "boto3", "go-sdk"] });
    const clock = stepClock(rng, ctx.start, 300);
    const { step, pause } = clock;

    const buckets = ctx.buckets(victim.accountId);
    const sensitive = buckets.filter((b) => b.sensitive);
    if (sensitive.length === 0) throw new Error(`exfiltrate-then-destroy: account ${victim.accountId} has no sensitive bucket to steal from`);
    const targets = rng.sample(sensitive, rng.chance(0.7) ? 1 : Math.min(2, sensitive.length));

    ctx.stage("discovery", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
      attacker.call("s3:ListBuckets", step(30));
      for (const b of rng.sample(buckets, rng.int(1, buckets.length))) {
        attacker.call("s3:GetBucketLocation", step(4), { args: { bucketName: b.name } });
        if (rng.chance(0.4)) attacker.call("s3:ListObjects", step(3), { args: { bucketName: b.name } });
      }
      for (const b of targets) {
        if (rng.chance(0.6)) attacker.call("s3:GetBucketVersioning", step(4), { args: { bucketName: b.name } });
        for (let i = rng.int(2, 10); i > 0; i--) attacker.call("s3:ListObjects", step(2), { args: { bucketName: b.name } });
      }
    });

    pause(60, 2 * 3600);
    ctx.stage("collection", () => {
      const n = Math.min(5000, Math.round(rng.logNormal(700, 0.7)) + 50);
      for (let i = 0; i < n; i++) {
        attacker.call("s3:GetObject", clock.now, { args: { bucketName: rng.pick(targets).name } });
        clock.now += rng.exponential(1200) + 40;
      }
    });

    // Some come back after checking what they took; some destroy right away.
    pause(120, rng.chance(0.3) ? 24 * 3600 : 3 * 3600);
    if (rng.chance(0.7)) {
      ctx.stage("suspend-versioning", () => {
        for (const b of targets) attacker.call("s3:PutBucketVersioning", step(10), { args: { bucketName: b.name, status: "Suspended" } });
      });
      pause(10, 900);
    }

    ctx.stage("destruction", () => {
      for (const b of targets) {
        // A listing page feeds each batch of up to 1,000 keys.
        for (let batch = rng.int(3, 40); batch > 0; batch--) {
          attacker.call("s3:ListObjects", step(1), { args: { bucketName: b.name } });
          attacker.call("s3:DeleteObjects", step(2), { args: { bucketName: b.name } });
        }
        if (rng.chance(0.75)) {
          const note = rng.pick(["FILES-DELETED.txt", "README.txt", "HOW-TO-GET-YOUR-DATA-BACK.txt", "contact-us.txt"]);
          attacker.call("s3:PutObject", step(5), { args: { bucketName: b.name, key: note, bytes: rng.int(400, 1500) } });
        }
      }
    });
  },
});
