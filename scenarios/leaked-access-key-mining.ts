import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { serviceUserName } from "./names.ts";
import { stepClock } from "./time.ts";

/**
 * A long-term IAM user access key leaks (public repository, paste site) and is used from outside:
 * discovery, privilege escalation, persistence, CloudTrail stopped, then GPU instances launched
 * for cryptomining across regions.
 */
export default defineScenario({
  id: "leaked-access-key-mining",
  title: "Leaked IAM access key used for cryptomining",
  kind: "attack",
  description:
    "A developer's long-term access key is used from attacker infrastructure: identity and IAM discovery, AdministratorAccess attached to the user, a backdoor user with its own key, CloudTrail logging stopped, then GPU instances launched in several regions.",
  references: [
    "https://aws.amazon.com/blogs/security/threat-actors-cryptomining-campaign-aws/ (AWS Security Blog, 2024: cryptomining campaign with compromised credentials)",
    "https://www.invictus-ir.com/news/the-curious-case-of-dangerdev-protonmail-me (Invictus IR, 2024: leaked key → IAM persistence → mining)",
    "https://sysdig.com/blog/scarleteel-2-0/ (Sysdig, SCARLETEEL 2.0)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 30,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1087.004", description: "whoami, IAM users, roles and attached policies, buckets, instances per region" },
    { id: "privilege-escalation", tactic: "TA0004", technique: "T1098.003", description: "attach AdministratorAccess to the compromised user" },
    { id: "persistence", tactic: "TA0003", technique: "T1136.003", description: "create a backdoor IAM user with an access key and console password" },
    { id: "defense-evasion", tactic: "TA0005", technique: "T1562.008", description: "stop CloudTrail logging", optional: true },
    { id: "impact", tactic: "TA0040", technique: "T1496", description: "launch GPU instances for mining in several regions" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }));
    const { caller: attacker, origin } = openAttack(ctx, victim, { origins: ["vps", "vps", "tor", "residential", "vpn"], tooling: ["cli", "boto3"] });
    const clock = stepClock(rng, ctx.start);
    const { step, pause } = clock;
    ctx.stage("discovery", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
      for (const api of rng.sample(["iam:ListUsers", "iam:ListRoles", "iam:ListAttachedUserPolicies", "iam:GetAccountAuthorizationDetails", "iam:ListAccessKeys", "s3:ListBuckets", "ec2:DescribeRegions", "iam:GetAccountSummary"], rng.int(4, 8))) {
        attacker.call(api, step(20), { args: { userName: victim.name } });
      }
      for (const region of rng.sample(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1"], rng.int(2, 6))) {
        attacker.call("ec2:DescribeInstances", step(5), { region });
      }
    });
    pause(120, 3600);
    ctx.stage("privilege-escalation", () => {
      attacker.call("iam:AttachUserPolicy", clock.now, { args: { userName: victim.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
      attacker.call("iam:ListAttachedUserPolicies", step(10), { args: { userName: victim.name } });
    });
    pause(60, 1800);
    const backdoor = serviceUserName(rng);
    const backdoorKey = ctx.newAccessKeyId();
    ctx.stage("persistence", () => {
      attacker.call("iam:CreateUser", clock.now, { args: { userName: backdoor } });
      attacker.call("iam:AttachUserPolicy", step(8), { args: { userName: backdoor, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
      attacker.call("iam:CreateAccessKey", step(8), { args: { userName: backdoor, accessKeyId: backdoorKey } });
      if (rng.chance(0.6)) attacker.call("iam:CreateLoginProfile", step(8), { args: { userName: backdoor, passwordResetRequired: false } });
      // The new key is tried at once, often from another address.
      const backdoorCaller = ctx.asCreatedUser(victim.accountId, backdoor, backdoorKey, rng.chance(0.5) ? origin : ctx.origin("vps"), rng.pick(["cli", "boto3"] as const));
      backdoorCaller.call("sts:GetCallerIdentity", step(60));
      backdoorCaller.call("iam:ListAttachedUserPolicies", step(10), { args: { userName: backdoor } });
    });
    if (rng.chance(0.7)) {
      pause(30, 900);
      ctx.stage("defense-evasion", () => {
        attacker.call("cloudtrail:DescribeTrails", clock.now);
        attacker.call(rng.chance(0.8) ? "cloudtrail:StopLogging" : "cloudtrail:DeleteTrail", step(15));
      });
    }
    // Some actors come back to monetise the access the next day: the sequence straddles 24 hours.
    pause(300, rng.chance(0.3) ? 20 * 3600 : 3 * 3600);
    ctx.stage("impact", () => {
      const regions = rng.sample(["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "sa-east-1"], rng.int(1, 4));
      for (const region of regions) {
        attacker.call("ec2:DescribeInstanceTypes", clock.now, { region });
        attacker.call("ec2:RunInstances", step(20), { region, args: { count: rng.int(2, 20), instanceType: rng.pick(["p3.16xlarge", "g4dn.12xlarge", "p4d.24xlarge", "c5.24xlarge"]), userData: true } });
        pause(10, 120);
      }
    });
  },
});
