import { attackTooling } from "./attacker.ts";
import { defineScenario, type ActorRef, type Caller } from "./define.ts";
import { stepClock } from "./time.ts";

/**
 * An IAM user without MFA loses its console password (phishing, reuse from another breach). The
 * attacker signs in from a network the user never used, looks around IAM, gives other existing
 * users new access keys and console passwords, rewrites a role's trust policy to let an outside
 * account in, then blinds GuardDuty (and sometimes CloudTrail). Some attackers carry on from the
 * CLI with one of the keys they just created.
 */
export default defineScenario({
  id: "console-login-no-mfa-backdoor",
  title: "Console login without MFA, then key, password and role-trust backdoors and GuardDuty tampering",
  kind: "attack",
  description:
    "A password-only IAM user signs in to the console from a new network; the attacker enumerates users, keys, login profiles and roles, creates access keys and login profiles for other existing users, makes a role trust a foreign account, suspends or deletes GuardDuty detectors and may stop CloudTrail.",
  references: [
    "https://securitylabs.datadoghq.com/articles/tales-from-the-cloud-trenches-the-attacker-doth-persist-too-much/ (Datadog Security Labs, 2024: IAM user compromise, login profiles and keys for other users)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-backdoor-user/ (Stratus Red Team: access key created for an existing user)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-create-user-login-profile/ (Stratus Red Team: console password for an existing user)",
    "https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-backdoor-role/ (Stratus Red Team: role trust policy backdoored with an external account)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html (GuardDuty: DefenseEvasion:IAMUser/AnomalousBehavior covers DeleteDetector and UpdateDetector)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 6,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "console sign-in with the user's password, without MFA, from a network the user never used" },
    { id: "discovery", tactic: "TA0007", technique: "T1087.004", description: "IAM users with their keys, login profiles and MFA devices, roles, trails and detectors" },
    { id: "credential-persistence", tactic: "TA0003", technique: "T1098.001", description: "new access keys, new or reset console passwords for other existing users" },
    { id: "role-backdoor", tactic: "TA0003", technique: "T1098.003", description: "a role's trust policy rewritten to trust an account outside the organisation" },
    { id: "defense-evasion", tactic: "TA0005", technique: "T1562.001", description: "GuardDuty detectors suspended or deleted in several regions" },
    { id: "log-tampering", tactic: "TA0005", technique: "T1562.008", description: "CloudTrail logging stopped or the trail deleted", optional: true },
  ],
  freeOrder: [["credential-persistence", "role-backdoor"]],
  run(ctx) {
    const { rng } = ctx;
    const iam = new Map(ctx.inventory.principals.map((p) => [p.arn, p]));
    // Password-only users of the workload accounts; those with a console password first.
    const noMfa = ctx.principals({ persona: ["developer-iam-user", "dormant-user"], accountKind: ["dev", "staging"] }).filter((u) => iam.get(u.arn)?.mfa === false);
    if (noMfa.length === 0) throw new Error("console-login-no-mfa-backdoor: no IAM user without MFA in a dev or staging account; try more --accounts");
    const withPassword = noMfa.filter((u) => iam.get(u.arn)?.consoleAccess);
    const pool = withPassword.length > 0 ? withPassword : noMfa;
    // Active developers are the usual phishing targets; forgotten contractors' passwords get reused.
    const developers = pool.filter((u) => u.persona === "developer-iam-user");
    const victim = rng.pick(developers.length > 0 && rng.chance(0.75) ? developers : pool);
    const others = ctx.principals({ persona: ["developer-iam-user", "dormant-user"] }).filter((u) => u.accountId === victim.accountId && u.key !== victim.key);
    if (others.length === 0) throw new Error(`console-login-no-mfa-backdoor: account ${victim.accountId} has no IAM user besides ${victim.name} to backdoor`);
    ctx.actor(victim.arn);

    const origin = ctx.origin(rng.pick(["residential", "residential", "vpn", "vps", "tor"] as const), victim);
    const clock = stepClock(rng, ctx.start);
    const { step, pause } = clock;
    let browser!: Caller;
    ctx.stage("initial-access", () => {
      browser = ctx.consoleLogin(victim, clock.now, origin);
    });

    pause(20, 180);
    // The users looked at closely; the backdoored ones are among them.
    const inspected = rng.sample(others, rng.int(1, Math.min(6, others.length)));
    const targets = rng.sample(inspected, rng.int(1, Math.min(4, inspected.length)));
    ctx.stage("discovery", () => {
      browser.call("iam:GetAccountSummary", clock.now);
      browser.call("iam:ListUsers", step(8));
      for (const u of inspected) {
        for (const api of rng.sample(["iam:GetUser", "iam:ListAccessKeys", "iam:GetLoginProfile", "iam:ListMFADevices", "iam:ListAttachedUserPolicies"], rng.int(2, 4))) {
          browser.call(api, step(6), { args: { userName: u.name } });
        }
      }
      browser.call("iam:ListRoles", step(10));
      for (const api of rng.sample(["guardduty:ListDetectors", "cloudtrail:DescribeTrails", "s3:ListBuckets", "ec2:DescribeInstances", "iam:ListPolicies"], rng.int(1, 4))) browser.call(api, step(12));
    });

    // Keys the attacker creates can carry on the attack from the CLI once the console has served.
    const newKeys: { user: ActorRef; key: string }[] = [];
    let caller = browser;
    const userBackdoors = () => {
      pause(60, 1500);
      ctx.stage("credential-persistence", () => {
        for (const u of targets) {
          const hasPassword = iam.get(u.arn)?.consoleAccess === true;
          const password = rng.chance(0.7);
          const key = !password || rng.chance(0.5);
          if (password) browser.call(hasPassword ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile", step(15), { args: { userName: u.name, passwordResetRequired: false } });
          if (key) {
            const accessKeyId = ctx.newAccessKeyId();
            browser.call("iam:CreateAccessKey", step(10), { args: { userName: u.name, accessKeyId }, error: false });
            newKeys.push({ user: u, key: accessKeyId });
          }
          step(20);
        }
      });
      const pivot = newKeys.length > 0 && rng.chance(0.4) ? rng.pick(newKeys) : undefined;
      if (pivot) {
        const tooling = attackTooling(rng, ["cli", "boto3"]);
        caller = ctx.asCreatedUser(victim.accountId, pivot.user.name, pivot.key, rng.chance(0.6) ? origin : ctx.origin("vps", victim), tooling);
      }
    };
    const roleBackdoor = () => {
      pause(120, 3000);
      ctx.stage("role-backdoor", () => {
        const managementAccount = ctx.inventory.managementAccountId;
        const roles = ctx.inventory.principals.filter((p) => p.type === "Role" && p.accountId === victim.accountId && !/\/aws-(service-role|reserved)\//.test(p.arn));
        // Admin roles are the prize: every member account has the organisation's access role.
        const role = rng.chance(0.5) || roles.length === 0 ? { name: "OrganizationAccountAccessRole", trustedPrincipals: [`arn:aws:iam::${managementAccount}:root`] } : rng.pick(roles);
        const known = new Set(ctx.inventory.accounts.map((a) => a.id));
        let foreign = String(rng.int(100_000_000_000, 999_999_999_999));
        while (known.has(foreign)) foreign = String(rng.int(100_000_000_000, 999_999_999_999));
        const backdoor = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${foreign}:root` }, Action: "sts:AssumeRole" };
        // Careful attackers keep the original trust so nothing breaks; others just overwrite it.
        const original = role.trustedPrincipals.map((p) => ({ Effect: "Allow", Principal: p.startsWith("arn:") ? { AWS: p } : { Service: p }, Action: "sts:AssumeRole" }));
        const document = { Version: "2012-10-17", Statement: rng.chance(0.6) ? [...original, backdoor] : [backdoor] };
        caller.call("iam:GetRole", clock.now, { args: { roleName: role.name } });
        // The console's policy editor indents the document; scripts send it compact.
        caller.call("iam:UpdateAssumeRolePolicy", step(30), { args: { roleName: role.name, policyDocument: JSON.stringify(document, null, caller === browser ? 4 : undefined) }, error: false });
        if (role.name !== "OrganizationAccountAccessRole" && rng.chance(0.35)) {
          caller.call("iam:AttachRolePolicy", step(15), { args: { roleName: role.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
        }
      });
    };
    // Both backdoors serve the same end; attackers set them up in either order.
    for (const backdoor of rng.sample([userBackdoors, roleBackdoor], 2)) backdoor();

    pause(60, 2400);
    const account = ctx.inventory.accounts.find((a) => a.id === victim.accountId)!;
    ctx.stage("defense-evasion", () => {
      const extra = rng.sample(["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"].filter((r) => !account.regions.includes(r)), rng.int(0, 3));
      const remove = rng.chance(0.4);
      for (const region of [...account.regions, ...extra]) {
        const detectorId = rng.hex(32);
        caller.call("guardduty:ListDetectors", clock.now, { region });
        if (rng.chance(0.4)) caller.call("guardduty:GetDetector", step(6), { region, args: { detectorId } });
        if (remove) caller.call("guardduty:DeleteDetector", step(8), { region, args: { detectorId } });
        else caller.call("guardduty:UpdateDetector", step(8), { region, args: { detectorId, enable: false } });
        step(15);
      }
    });

    if (rng.chance(0.45)) {
      pause(30, 900);
      ctx.stage("log-tampering", () => {
        caller.call("cloudtrail:DescribeTrails", clock.now);
        if (rng.chance(0.5)) caller.call("cloudtrail:GetTrailStatus", step(8));
        caller.call(rng.chance(0.8) ? "cloudtrail:StopLogging" : "cloudtrail:DeleteTrail", step(15));
      });
    }
  },
});
