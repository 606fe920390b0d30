import { attackTooling } from "./attacker.ts";
import { defineScenario, type Caller } from "./define.ts";
import { HOUR, stepClock } from "./time.ts";

/**
 * A patient operator with a leaked key stays under rate- and volume-based alarms: a handful of
 * calls at a time, hours apart, from a few rotating exit points, over three days. Identity first,
 * then permissions and infrastructure in either order; on the third day the key escalates its own
 * privileges. No 24-hour window holds the whole sequence.
 */
export default defineScenario({
  id: "low-and-slow-discovery",
  title: "Low-and-slow discovery over three days, privilege escalation on day three",
  kind: "attack",
  description:
    "A developer's leaked key makes bursts of 3-10 read-only calls spread over three days from two to four origins (identity first, then permission groups and policies and infrastructure, in either order), then on the third day attaches AdministratorAccess to itself or publishes an allow-all default version of a policy it holds.",
  references: [
    "https://permiso.io/blog/lucr-3-scattered-spider-getting-saas-y-in-the-cloud (Permiso, 2023: LUCR-3 working in the victim's cloud over days, blending with normal activity)",
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/ (Rhino Security Labs: CreatePolicyVersion and AttachUserPolicy privilege escalation)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-extended-threat-detection.html (GuardDuty Extended Threat Detection: sequences correlated over a 24-hour window)",
    "https://attack.mitre.org/techniques/T1087/004/ (MITRE ATT&CK: cloud account discovery)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 80,
  stages: [
    { id: "identity-discovery", tactic: "TA0007", technique: "T1087.004", description: "day one: whoami, the user's own policies and keys, users, groups and roles, a few calls at a time" },
    { id: "permission-discovery", tactic: "TA0007", technique: "T1069.003", description: "days two and three: policies, groups and role attachments, a few calls at a time" },
    { id: "infrastructure-discovery", tactic: "TA0007", technique: "T1580", description: "days two and three: instances, networks, buckets and functions in a few regions" },
    { id: "privilege-escalation", tactic: "TA0004", technique: "T1098.003", description: "day three: AdministratorAccess attached to the user, or an allow-all default policy version" },
  ],
  freeOrder: [["permission-discovery", "infrastructure-discovery"]],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }));
    const tooling = attackTooling(rng, ["cli", "boto3", "go-sdk"]);
    // A few exit points rotated between bursts: residential proxies, VPNs, rented servers.
    const callers: Caller[] = Array.from({ length: rng.int(2, 4) }, () => ctx.as(victim, ctx.origin(rng.pick(["residential", "residential", "vpn", "vps", "vps", "tor"] as const), victim), tooling));
    ctx.actor(victim.arn);
    const account = ctx.inventory.accounts.find((a) => a.id === victim.accountId)!;
    const regions = [...account.regions, ...rng.sample(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"].filter((r) => !account.regions.includes(r)), rng.int(0, 2))];
    const self = { userName: victim.name };
    const clock = stepClock(rng, ctx.start, 1500);
    const { step, pause } = clock;

    /** One burst: 3-10 calls from one of the exit points, seconds apart. */
    const burst = (apis: readonly string[], first?: string) => {
      const caller = rng.pick(callers);
      if (first) caller.call(first, step(5), { args: self });
      for (const api of rng.sample(apis, Math.min(apis.length, rng.int(first ? 2 : 3, 10)))) {
        caller.call(api, step(10), { region: rng.pick(regions), args: self });
      }
    };
    /** `n` bursts, each after a bounded pause of `minHours`-`maxHours`. */
    const bursts = (n: number, minHours: number, maxHours: number, apis: readonly string[]) => {
      for (let i = 0; i < n; i++) {
        pause(minHours * 3600, maxHours * 3600);
        burst(apis);
      }
    };

    ctx.stage("identity-discovery", () => {
      burst(["iam:GetUser", "iam:ListAttachedUserPolicies", "iam:ListAccessKeys", "iam:ListMFADevices"], "sts:GetCallerIdentity");
      bursts(rng.int(1, 3), 1.5, 6, ["iam:ListUsers", "iam:ListRoles", "iam:GetAccountSummary", "iam:GetUser", "iam:ListAttachedUserPolicies", "iam:ListAccessKeys", "iam:ListMFADevices", "sts:GetCallerIdentity"]);
    });

    // Day two's bursts count from a day after the first call, whatever day one looked like.
    clock.now = ctx.start + rng.between(22, 28) * HOUR;
    // Permissions and infrastructure are separate questions: either may come first.
    const permissions = () =>
      ctx.stage("permission-discovery", () => {
        bursts(rng.int(1, 3), 1, 5, ["iam:ListPolicies", "iam:GetAccountAuthorizationDetails", "iam:ListAttachedRolePolicies", "iam:GetRole", "iam:ListAttachedUserPolicies", "iam:ListGroups", "iam:GetLoginProfile", "iam:ListRoles"]);
      });
    const infrastructure = () =>
      ctx.stage("infrastructure-discovery", () => {
        bursts(rng.int(1, 3), 1, 6, ["ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSnapshots", "ec2:DescribeImages", "ec2:DescribeVolumes", "ec2:DescribeRegions", "s3:ListBuckets", "lambda:ListFunctions20150331", "secretsmanager:ListSecrets"]);
      });
    for (const discover of rng.sample([permissions, infrastructure], 2)) discover();

    // Day three: at least two days after the first call.
    clock.now = Math.max(clock.now + rng.between(0.5, 3) * HOUR, ctx.start + rng.between(48, 56) * HOUR);
    ctx.stage("privilege-escalation", () => {
      const caller = rng.pick(callers);
      caller.call("iam:ListAttachedUserPolicies", clock.now, { args: self });
      if (rng.chance(0.5)) {
        caller.call("iam:AttachUserPolicy", step(30), { args: { ...self, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
      } else {
        const policyArn = `arn:aws:iam::${victim.accountId}:policy/${rng.pick(["app-deploy", "developer-access", `${account.name.split("-").slice(-1)[0]}-developers`])}`;
        caller.call("iam:CreatePolicyVersion", step(30), { args: { policyArn, policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' } });
      }
      caller.call("iam:ListAttachedUserPolicies", step(20), { args: self });
      if (rng.chance(0.6)) caller.call(rng.pick(["iam:ListUsers", "sts:GetCallerIdentity", "iam:GetAccountAuthorizationDetails"]), step(30), { args: self });
    });
  },
});
