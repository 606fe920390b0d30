import { openAttack } from "./attacker.ts";
import { defineScenario, type Caller } from "./define.ts";
import { serviceUserName } from "./names.ts";
import { stepClock } from "./time.ts";

/**
 * A stolen long-term access key is turned into a federated user with `sts:GetFederationToken`
 * (credentials that outlive the key's deactivation), then into a console session through the
 * federation endpoint (`GetSigninToken`). Federation tokens cannot call IAM from the API, but a
 * console session can: the attacker creates a backdoor user from the browser.
 */
export default defineScenario({
  id: "federation-token-console-persistence",
  title: "Stolen key → GetFederationToken → console sign-in → IAM persistence from the console",
  kind: "attack",
  description:
    "A developer's leaked access key checks its identity, asks STS for a long-lived federation token with an allow-all session policy, exchanges it for a console sign-in token (sometimes hours later, after the key may have been rotated), browses the account as a FederatedUser and creates a backdoor IAM user with an administrator policy and its own key.",
  references: [
    "https://www.crowdstrike.com/en-us/blog/how-adversaries-persist-with-aws-user-federation/ (CrowdStrike, 2024: GetFederationToken and GetSigninToken for persistence and console access)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.sts-federation-token/ (Stratus Red Team: federation token persistence, with detonation logs)",
    "https://github.com/NetSPI/aws_consoler (NetSPI aws_consoler: CLI credentials to console session)",
    "https://expel.com/blog/incident-report-from-cli-to-console-chasing-an-attacker-in-aws/ (Expel: from CLI to console, chasing an attacker in AWS)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html (AWS: federation endpoint and GetSigninToken)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 26,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "the leaked key checks who it is and what it may do" },
    { id: "federation-token", tactic: "TA0003", technique: "T1098.001", description: "sts:GetFederationToken with an allow-all session policy and a long duration" },
    { id: "console-access", tactic: "TA0005", technique: "T1550.001", description: "federation credentials exchanged for a sign-in token, then a console sign-in as the federated user" },
    { id: "discovery", tactic: "TA0007", technique: "T1087.004", description: "IAM, instances and buckets browsed from the console" },
    { id: "persistence", tactic: "TA0003", technique: "T1136.003", description: "a backdoor IAM user with an administrator policy, an access key and sometimes a password, created from the console" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }));
    const { caller: attacker, origin, tooling } = openAttack(ctx, victim, { origins: ["vps", "vps", "residential", "vpn", "tor"], tooling: ["cli", "boto3", "go-sdk"] });
    const clock = stepClock(rng, ctx.start);
    const { step, pause } = clock;

    ctx.stage("initial-access", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
      for (const api of rng.sample(["iam:GetUser", "iam:ListAttachedUserPolicies", "iam:ListAccessKeys"], rng.int(0, 2))) {
        attacker.call(api, step(10), { args: { userName: victim.name } });
      }
    });

    // Tools name the federated user after the victim (as aws-vault does) or something generic.
    const name = (rng.chance(0.6) ? victim.name : rng.pick(["admin", "console", "support", victim.name.split(/[.@]/)[0]!])).slice(0, 32);
    const durationSeconds = rng.pick([129_600, 129_600, 86_400, 43_200]);
    pause(10, 900);
    const federatedKey = ctx.newAccessKeyId("temporary");
    const federatedAt = clock.now;
    let federated!: Caller;
    ctx.stage("federation-token", () => {
      const policy = rng.chance(0.3) ? { policyArns: [{ arn: "arn:aws:iam::aws:policy/AdministratorAccess" }] } : {};
      attacker.call("sts:GetFederationToken", clock.now, { args: { name, durationSeconds, accessKeyId: federatedKey, ...policy }, error: false });
      federated = ctx.asFederatedUser(victim, name, federatedKey, federatedAt, origin, attacker);
      if (rng.chance(0.6)) federated.call("sts:GetCallerIdentity", step(5));
    });

    // Some use the console at once; others come back later, well inside the token's lifetime.
    if (rng.chance(0.5)) pause(20, 1800);
    else pause(1800, Math.min(durationSeconds - 4 * 3600, 20 * 3600));
    let browser!: Caller;
    ctx.stage("console-access", () => {
      // The federation endpoint is no CLI command: scripts reach it with their SDK's HTTP client.
      const script = tooling === "cli" ? ctx.asFederatedUser(victim, name, federatedKey, federatedAt, origin, "boto3") : federated;
      script.call("signin:GetSigninToken", clock.now, { error: false });
      // The sign-in URL is often opened on another machine than the one holding the key.
      const browserOrigin = rng.chance(0.7) ? origin : ctx.origin(rng.pick(["residential", "vpn", "vps"] as const));
      step(20);
      browser = ctx.asFederatedUser(victim, name, ctx.newAccessKeyId("temporary"), clock.now, browserOrigin, "console");
      browser.call("signin:ConsoleLogin", clock.now, { args: { mfa: false }, error: false });
    });

    pause(15, 240);
    ctx.stage("discovery", () => {
      browser.call("iam:GetAccountSummary", clock.now);
      for (const api of rng.sample(["iam:ListUsers", "iam:ListRoles", "iam:ListPolicies", "s3:ListBuckets", "cloudtrail:DescribeTrails", "guardduty:ListDetectors"], rng.int(2, 6))) {
        browser.call(api, step(12));
      }
      for (const region of rng.sample(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"], rng.int(1, 3))) browser.call("ec2:DescribeInstances", step(8), { region });
    });

    pause(60, 1800);
    ctx.stage("persistence", () => {
      // Blend in with the organisation's own service-user naming.
      const backdoor = serviceUserName(rng);
      const accessKeyId = ctx.newAccessKeyId();
      browser.call("iam:CreateUser", clock.now, { args: { userName: backdoor }, error: false });
      if (rng.chance(0.75)) browser.call("iam:AttachUserPolicy", step(20), { args: { userName: backdoor, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
      else browser.call("iam:PutUserPolicy", step(40), { args: { userName: backdoor, policyName: rng.pick(["inline", "default", "access"]) } });
      browser.call("iam:CreateAccessKey", step(15), { args: { userName: backdoor, accessKeyId }, error: false });
      if (rng.chance(0.5)) browser.call("iam:CreateLoginProfile", step(15), { args: { userName: backdoor, passwordResetRequired: false } });
      // The new key is tried from the command line, often from the attacker's other machine.
      if (rng.chance(0.7)) {
        const created = ctx.asCreatedUser(victim.accountId, backdoor, accessKeyId, rng.chance(0.5) ? origin : ctx.origin("vps"), rng.pick(["cli", "boto3"] as const));
        created.call("sts:GetCallerIdentity", step(120));
        if (rng.chance(0.5)) created.call("iam:ListAttachedUserPolicies", step(10), { args: { userName: backdoor } });
      }
    });
  },
});
