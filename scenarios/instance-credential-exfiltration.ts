import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * An EC2 instance's role credentials are stolen through SSRF to the instance metadata service and
 * used from outside AWS to list buckets and pull a sensitive bucket's objects in bulk.
 */
export default defineScenario({
  id: "instance-credential-exfiltration",
  title: "Stolen EC2 instance credentials used outside AWS for S3 data theft",
  kind: "attack",
  description:
    "SSRF in a web application reads the instance profile credentials from IMDS; the attacker uses them from outside AWS: identity check, bucket discovery, object listing, then bulk GetObject from a sensitive bucket.",
  references: [
    "https://www.capitalone.com/digital/facts2019/ (Capital One 2019 breach: SSRF to IMDS, S3 exfiltration)",
    "https://hackingthe.cloud/aws/exploitation/ec2-metadata-ssrf/ (Hacking the Cloud: steal EC2 metadata credentials via SSRF)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html#unauthorizedaccess-iam-instancecredentialexfiltrationoutsideaws",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 12,
  stages: [
    { id: "credential-access", tactic: "TA0006", technique: "T1552.005", description: "stolen instance credentials first used from outside AWS" },
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "list buckets, locations and objects" },
    { id: "collection", tactic: "TA0009", technique: "T1530", description: "bulk GetObject from a sensitive bucket" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "ec2-app", withInstance: true, accountKind: ["prod", "staging", "dev", "shared-services"] }));
    // Mostly from outside; sometimes from another foothold inside the victim's own VPC.
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vps", "residential", "tor", "vpn", "victim-vpc"], tooling: ["cli", "boto3", "go-sdk"] });
    const clock = stepClock(rng, ctx.start, 500);
    const { step, pause } = clock;
    ctx.stage("credential-access", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
    });
    pause(30, 1200);
    const buckets = ctx.buckets(victim.accountId);
    const target = rng.pick(buckets.filter((b) => b.sensitive).length > 0 ? buckets.filter((b) => b.sensitive) : buckets);
    ctx.stage("discovery", () => {
      attacker.call("s3:ListBuckets", clock.now);
      for (const b of rng.sample(buckets, rng.int(1, buckets.length))) {
        attacker.call("s3:GetBucketLocation", step(4), { args: { bucketName: b.name } });
        if (rng.chance(0.5)) attacker.call("s3:ListObjects", step(3), { args: { bucketName: b.name } });
      }
      const listings = rng.int(2, 8);
      for (let i = 0; i < listings; i++) attacker.call("s3:ListObjects", step(2), { args: { bucketName: target.name } });
    });
    pause(60, 3 * 3600);
    ctx.stage("collection", () => {
      const n = Math.round(rng.logNormal(400, 0.6));
      for (let i = 0; i < n; i++) {
        attacker.call("s3:GetObject", clock.now, { args: { bucketName: target.name, bytes: Math.round(rng.logNormal(2_000_000, 1)) } });
        clock.now += rng.exponential(1.5) * 1000 + 50;
      }
    });
  },
});
