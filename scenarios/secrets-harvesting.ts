import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * Credential harvesting from the account's own stores: stolen credentials (a developer's key, or
 * an instance role's credentials used outside AWS) list and read every Secrets Manager secret,
 * pull SSM parameters with decryption and, now and then, Windows administrator passwords, to find
 * database passwords and third-party API keys to move on with.
 */
export default defineScenario({
  id: "secrets-harvesting",
  title: "Secrets Manager, SSM Parameter Store and EC2 password harvesting with stolen credentials",
  kind: "attack",
  description:
    "Stolen credentials check their identity, list secrets in several regions and parameters, read every secret (one by one with guesses, or in one BatchGetSecretValue), read parameters by path and by name with decryption, and sometimes ask EC2 for instances' Windows passwords.",
  references: [
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.secretsmanager-batch-retrieve-secrets/ (Stratus Red Team: BatchGetSecretValue)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.secretsmanager-retrieve-secrets/ (Stratus Red Team: ListSecrets then GetSecretValue)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ssm-retrieve-securestring-parameters/ (Stratus Red Team: SSM SecureString parameters with decryption)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ec2-get-password-data/ (Stratus Red Team: ec2:GetPasswordData)",
    "https://unit42.paloaltonetworks.com/large-scale-cloud-extortion-operation/ (Unit 42, 2024: leaked credentials, secrets and parameters harvested at scale)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 3,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "the stolen credentials are checked from outside" },
    { id: "discovery", tactic: "TA0007", technique: "T1526", description: "secrets listed in several regions, parameters described" },
    { id: "secrets-collection", tactic: "TA0006", technique: "T1555.006", description: "every secret read, one by one or in a batch" },
    { id: "parameter-collection", tactic: "TA0006", technique: "T1555.006", description: "parameters read by path and by name with decryption" },
    { id: "password-data", tactic: "TA0006", technique: "T1555.006", description: "Windows administrator passwords of instances requested", optional: true },
  ],
  freeOrder: [["secrets-collection", "parameter-collection", "password-data"]],
  run(ctx) {
    const { rng } = ctx;
    const role = rng.chance(0.5);
    const victim = role
      ? rng.pick(ctx.principals({ persona: "ec2-app", withInstance: true }))
      : rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }));
    // Stolen instance credentials are also used from another AWS account's machines.
    const { caller: attacker } = openAttack(ctx, victim, { origins: role ? ["vps", "vps", "aws", "tor", "residential"] : ["vps", "residential", "vpn", "tor"], tooling: ["cli", "boto3", "go-sdk"] });
    const account = ctx.inventory.accounts.find((a) => a.id === victim.accountId)!;
    const workload = account.name.split("-").slice(-1)[0]!;
    const home = account.regions[0]!;
    const clock = stepClock(rng, ctx.start, 400);
    const { step, pause } = clock;

    ctx.stage("initial-access", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
    });

    pause(10, 1200);
    const regions = [...account.regions, ...rng.sample(["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"].filter((r) => !account.regions.includes(r)), rng.int(0, 3))];
    ctx.stage("discovery", () => {
      for (const region of regions) attacker.call("secretsmanager:ListSecrets", step(3), { region });
      attacker.call("ssm:DescribeParameters", step(4), { region: home });
      if (rng.chance(0.4)) for (const s of rng.sample(account.secrets, rng.int(1, account.secrets.length))) attacker.call("secretsmanager:DescribeSecret", step(2), { region: s.region, args: { secretId: s.arn } });
    });

    // Each store is a goal of its own: operators and scripts go through them in any order.
    const secrets = () => {
      pause(5, 600);
      ctx.stage("secrets-collection", () => {
        if (rng.chance(0.35)) {
          attacker.call("secretsmanager:BatchGetSecretValue", step(2), { region: home });
          if (rng.chance(0.3)) attacker.call("secretsmanager:BatchGetSecretValue", step(5), { region: rng.pick(regions) });
          return;
        }
        for (const s of account.secrets) attacker.call("secretsmanager:GetSecretValue", step(2), { region: s.region, args: { secretId: rng.chance(0.5) ? s.arn : s.name } });
        // Scripts also try the usual names, and the same secrets in other regions.
        const guesses = rng.sample([`${workload}/db/password`, "prod/db", "rds/credentials", `${workload}/api-key`, "github/token", "datadog/api-key", "stripe/secret-key"], rng.int(0, 3));
        for (const secretId of guesses) attacker.call("secretsmanager:GetSecretValue", step(2), { region: rng.pick(regions), args: { secretId }, error: "ResourceNotFoundException" });
      });
    };
    const parameters = () => {
      pause(5, 900);
      ctx.stage("parameter-collection", () => {
        const paths = rng.sample(["/", `/${workload}/`, "/app/", "/prod/", "/database/"], rng.int(1, 3));
        for (const path of paths) {
          const pages = rng.int(1, 4);
          for (let p = 0; p < pages; p++) attacker.call("ssm:GetParametersByPath", step(2), { region: home, args: { path, withDecryption: true } });
        }
        if (rng.chance(0.6)) {
          const names = rng.sample([`/${workload}/db/password`, `/${workload}/db/host`, `/${workload}/api/key`, "/app/db/password", "/app/feature-flags", "/web/api/url", `/${workload}/jwt/secret`, `/${workload}/smtp/password`], rng.int(2, 8));
          attacker.call("ssm:GetParameters", step(3), { region: home, args: { names, withDecryption: true } });
        }
      });
    };
    // Windows passwords only matter where instances run; attackers try a few at random.
    const passwords = () => {
      if (account.instances.length === 0 || !rng.chance(0.4)) return;
      pause(30, 1800);
      ctx.stage("password-data", () => {
        const instances = rng.sample(account.instances, rng.int(1, Math.min(3, account.instances.length)));
        for (const region of new Set(instances.map((i) => i.region))) attacker.call("ec2:DescribeInstances", step(3), { region });
        for (const i of instances) attacker.call("ec2:GetPasswordData", step(4), { region: i.region, args: { instanceId: i.id } });
      });
    };
    for (const collect of rng.sample([secrets, parameters, passwords], 3)) collect();
  },
});
