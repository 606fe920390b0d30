import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { scriptSessionName } from "./names.ts";
import { TELLTALE_RATE, TELLTALE_SESSION_NAME_PREFIXES } from "./telltales.ts";
import { stepClock } from "./time.ts";

/**
 * A compromised dev-account workload role pivots into prod: its stolen credentials, used from
 * outside, find the deployment role that every workload account exposes and whose trust policy
 * admits the whole organisation, assume it in a prod account, and there list, read secrets and
 * pull sensitive objects. One attack, two accounts, linked only by the AssumeRole hop.
 */
export default defineScenario({
  id: "cross-account-role-pivot",
  title: "Dev-account role credentials pivot into a prod account through a trusted role",
  kind: "attack",
  description:
    "Instance or Lambda credentials stolen from a dev or staging workload are used from attacker infrastructure: identity check and role discovery in the dev account, then sts:AssumeRole into the cross-account deployment role of a prod account (the role the shared-services pipeline assumes every day), discovery there (buckets, instances, secrets), secret values read and objects pulled from a sensitive bucket, all within the hour the role session lasts.",
  references: [
    "https://token.security/blog/secure-cross-account-access-is-tricky-four-common-dangerous-misconceptions (Token Security, 2025: trust paths from less secure accounts into sensitive ones)",
    "https://sysdig.com/blog/cloud-breach-terraform-data-theft/ (Sysdig, SCARLETEEL 2023: stolen workload credentials used to move on to another AWS account)",
    "https://attack.mitre.org/techniques/T1550/001/ (MITRE ATT&CK T1550.001: Application Access Token, AWS STS role chaining)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html (AWS: delegating access across accounts with IAM roles)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 6,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "stolen dev workload credentials first used from outside" },
    { id: "discovery", tactic: "TA0007", technique: "T1087.004", description: "roles and trust relationships in the dev account" },
    { id: "lateral-movement", tactic: "TA0008", technique: "T1550.001", description: "AssumeRole into the trusted deployment role of a prod account" },
    { id: "prod-discovery", tactic: "TA0007", technique: "T1580", description: "buckets, instances and secrets in the prod account" },
    { id: "credential-access", tactic: "TA0006", technique: "T1555.006", description: "secret values read from Secrets Manager in prod", optional: true },
    { id: "collection", tactic: "TA0009", technique: "T1530", description: "objects pulled from a sensitive prod bucket" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const workloads = [
      ...ctx.principals({ persona: "ec2-app", withInstance: true, accountKind: ["dev", "staging"] }),
      ...ctx.principals({ persona: "lambda-fn", accountKind: ["dev", "staging"] }),
    ];
    const victim = rng.pick(workloads);
    const prodAccounts = ctx.inventory.accounts.filter((a) => a.kind === "prod" && a.id !== victim.accountId);
    if (prodAccounts.length === 0) throw new Error("cross-account-role-pivot: the world has no prod account to pivot into (try more --accounts)");
    const prod = rng.pick(prodAccounts);
    // The role prod trusts dev and staging workloads with: every world (four accounts or more) has it.
    const trusted = ctx.inventory.principals.find((p) => p.arn === `arn:aws:iam::${prod.id}:role/cross-account-readonly` && p.trustedPrincipals.includes(victim.arn));
    if (!trusted) throw new Error(`cross-account-role-pivot: no role of ${prod.name} trusts ${victim.arn}; the world lacks the dev-to-prod trust this attack abuses`);
    const roleName = trusted.name;
    const { caller: attacker, tooling } = openAttack(ctx, victim, { origins: ["vps", "vps", "residential", "tor", "vpn", "aws"], tooling: ["cli", "boto3", "go-sdk"] });
    const clock = stepClock(rng, ctx.start, 500);
    const { step, pause } = clock;

    ctx.stage("initial-access", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
    });

    pause(30, 1800);
    ctx.stage("discovery", () => {
      attacker.call("iam:ListRoles", clock.now);
      if (rng.chance(0.5)) attacker.call("iam:ListRoles", step(5));
      if (rng.chance(0.4)) attacker.call("s3:ListBuckets", step(10));
      if (rng.chance(0.4)) attacker.call("organizations:DescribeOrganization", step(10));
    });

    pause(60, 2 * 3600);
    // Most reuse the workload's own session name, as its benign reads do; the rest leave their
    // SDK's default name, a declared tell-tale.
    const toolDefault = `${TELLTALE_SESSION_NAME_PREFIXES[tooling === "go-sdk" ? 1 : 0]}${Math.floor(clock.now / 1000)}`;
    const sessionName = victim.instanceId && !rng.chance(TELLTALE_RATE) ? victim.instanceId : rng.chance(0.5) ? scriptSessionName(rng) : toolDefault;
    let prodCaller = attacker;
    ctx.stage("lateral-movement", () => {
      prodCaller = ctx.assumeRole(attacker, clock.now, prod.id, roleName, sessionName);
      prodCaller.call("sts:GetCallerIdentity", step(5));
    });

    // The role session lasts an hour: everything in prod happens inside it.
    const sessionEnd = clock.now + 55 * 60_000;
    const buckets = ctx.buckets(prod.id);
    const sensitive = buckets.filter((b) => b.sensitive);
    const target = rng.pick(sensitive.length > 0 ? sensitive : buckets);
    ctx.stage("prod-discovery", () => {
      const calls: [string, Record<string, unknown>?][] = [["s3:ListBuckets"], ["ec2:DescribeInstances"], ["secretsmanager:ListSecrets"]];
      for (const [api, args] of rng.sample(calls, calls.length)) prodCaller.call(api, step(15), args ? { args } : {});
      for (const region of rng.sample(prod.regions, rng.int(0, prod.regions.length))) prodCaller.call("ec2:DescribeInstances", step(5), { region });
      for (let i = rng.int(1, 5); i > 0; i--) prodCaller.call("s3:ListObjects", step(4), { args: { bucketName: target.name } });
    });

    if (prod.secrets.length > 0 && rng.chance(0.75)) {
      pause(10, 300);
      ctx.stage("credential-access", () => {
        for (const secret of rng.sample(prod.secrets, rng.int(1, prod.secrets.length))) {
          prodCaller.call("secretsmanager:GetSecretValue", step(8), { region: secret.region, args: { secretId: secret.arn } });
        }
      });
    }

    pause(10, 600);
    ctx.stage("collection", () => {
      const n = Math.round(rng.logNormal(150, 0.7)) + 10;
      for (let i = 0; i < n && (i === 0 || clock.now < sessionEnd); i++) {
        prodCaller.call("s3:GetObject", clock.now, { args: { bucketName: target.name } });
        clock.now += rng.exponential(1500) + 50;
      }
    });
  },
});
