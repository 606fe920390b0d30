import { defineScenario, type Caller } from "./define.ts";

/** Every commercial region a CSPM sweep covers, whether the organisation uses it or not. */
const REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1"];

/** Regional read-only checks run in every region of every account. */
const REGIONAL_CHECKS = [
  "ec2:DescribeInstances",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeVpcs",
  "ec2:DescribeSnapshots",
  "ec2:DescribeImages",
  "lambda:ListFunctions20150331",
  "kms:ListKeys",
  "cloudtrail:DescribeTrails",
  "cloudtrail:GetTrailStatus",
  "guardduty:ListDetectors",
  "config:DescribeConfigurationRecorders",
];

/**
 * Checks a new rule pack adds (the daily sweep does not run them); each instance finds a few of
 * them not yet granted to the audit role, so they are refused everywhere.
 */
const NEW_CHECKS = [
  "bedrock:GetModelInvocationLoggingConfiguration",
  "bedrock:ListCustomModels",
  "ec2:DescribeVolumes",
  "ec2:DescribeKeyPairs",
  "ec2:DescribeAddresses",
  "logs:DescribeLogGroups",
  "sns:ListTopics",
  "ses:GetAccount",
  "ssm:DescribeParameters",
  "autoscaling:DescribeAutoScalingGroups",
  "cloudformation:ListStacks",
];

/** S3 bucket settings a posture check reads. */
const BUCKET_CHECKS = ["s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketEncryption", "s3:GetBucketPublicAccessBlock", "s3:GetBucketVersioning", "s3:GetBucketReplication", "s3:GetBucketLifecycle"];

/** The code a refused call carries, in each service's own wording. */
function deniedCode(api: string): string {
  const service = api.split(":")[0]!;
  if (service === "ec2") return "Client.UnauthorizedOperation";
  return ["iam", "sts", "s3", "monitoring", "cloudformation", "autoscaling"].includes(service) ? "AccessDenied" : "AccessDeniedException";
}

/**
 * Benign look-alike: the CSPM scanner of the security account runs an extra, broader read-only
 * sweep of every account after a rule-pack update. Hundreds of List/Describe/Get calls per account,
 * every region, and a large share refused: regions a service control policy denies, checks the
 * audit role was not yet granted, buckets whose policies shut out everyone but their owners.
 */
export default defineScenario({
  id: "scanner-access-denied-sweep",
  title: "Security scanner's broad read-only sweep with many AccessDenied",
  kind: "benign",
  description:
    "The CSPM role of the security account assumes its audit role in every account (as its daily sweep does) and reads IAM, then every region's compute, logging and detection settings, then every bucket's configuration, optionally the secrets and parameters inventory. New checks the role lacks permission for, regions denied by a region-restricting SCP and buckets with restrictive policies make many calls fail with AccessDenied, Client.UnauthorizedOperation or AccessDeniedException.",
  references: [
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecurityAudit.html (AWS managed policy SecurityAudit: what an audit role may read)",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region (AWS Organizations: SCP denying access outside requested regions)",
    "https://docs.prowler.com/projects/prowler-open-source/en/latest/tutorials/aws/role-assumption/ (Prowler: scanning many accounts by assuming an audit role)",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-standards-fsbp.html (Security Hub Foundational Best Practices: checks across IAM, EC2, S3, CloudTrail, KMS...)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 3,
  stages: [
    { id: "identity-sweep", tactic: "TA0007", technique: "T1087.004", description: "IAM users, roles, keys, MFA, login profiles and policies of every account" },
    { id: "infrastructure-sweep", tactic: "TA0007", technique: "T1580", description: "compute, network, logging and detection settings in every region of every account" },
    { id: "storage-sweep", tactic: "TA0007", technique: "T1619", description: "every bucket's policy, ACL, encryption, public access block, versioning, replication, lifecycle" },
    { id: "secrets-posture", tactic: "TA0006", technique: "T1555.006", description: "secrets and parameters metadata (rotation, encryption), never their values", optional: true },
  ],
  run(ctx) {
    const { rng } = ctx;
    const scanner = rng.pick(ctx.principals({ persona: "security-scanner" }));
    ctx.actor(scanner.arn);
    const accounts = ctx.inventory.accounts;
    const managementId = ctx.inventory.managementAccountId;
    // A new scanner release sometimes ships with the rule pack (a new SDK version).
    const base = ctx.as(scanner, ctx.origin("habitual", scanner), rng.chance(0.3) ? "new-device" : "habitual", ctx.start);
    const scpAllowed = rng.chance(0.6) ? new Set([...accounts.flatMap((a) => a.regions), ...rng.sample(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"], rng.int(0, 2))]) : undefined;
    const ungranted = new Set(rng.sample(NEW_CHECKS, rng.int(2, 5)));
    const newChecks = NEW_CHECKS.filter((api) => ungranted.has(api) || rng.chance(0.5));
    // Some sensitive buckets deny everyone but their owners and a few roles.
    const lockedBuckets = new Set(accounts.flatMap((a) => ctx.buckets(a.id).filter((b) => b.sensitive && rng.chance(0.4)).map((b) => b.name)));
    let t = ctx.start;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 60);

    // One audit-role session per account and pass, as the scanner's workers do.
    const sessionIn = (accountId: string): Caller => (accountId === scanner.accountId ? base : ctx.assumeRole(base, step(2), accountId, "SecurityAudit-Scanner", "cspm-scan"));
    const regionDenied = (accountId: string, region: string) => scpAllowed !== undefined && accountId !== managementId && !scpAllowed.has(region);
    const check = (caller: Caller, api: string, opts: { region?: string; args?: Record<string, unknown>; deny?: boolean; error?: string } = {}) => {
      const error = opts.deny ? deniedCode(api) : opts.error;
      caller.call(api, step(0.35), { ...(opts.region ? { region: opts.region } : {}), ...(opts.args ? { args: opts.args } : {}), ...(error ? { error } : {}) });
    };

    ctx.stage("identity-sweep", () => {
      for (const account of accounts) {
        const caller = sessionIn(account.id);
        const principals = ctx.inventory.principals.filter((p) => p.accountId === account.id);
        check(caller, "iam:GetAccountSummary");
        for (let page = rng.int(1, 3); page > 0; page--) check(caller, "iam:GetAccountAuthorizationDetails");
        for (const api of ["iam:ListUsers", "iam:ListRoles", "iam:ListPolicies", "iam:ListGroups"]) check(caller, api);
        for (const user of principals.filter((p) => p.type === "IAMUser")) {
          for (const api of ["iam:ListAccessKeys", "iam:ListMFADevices", "iam:ListAttachedUserPolicies"]) check(caller, api, { args: { userName: user.name } });
          // Users without a console password have no login profile.
          check(caller, "iam:GetLoginProfile", { args: { userName: user.name }, ...(user.consoleAccess ? {} : { error: "NoSuchEntity" }) });
        }
        const roles = principals.filter((p) => p.type === "Role");
        for (const role of rng.sample(roles, Math.min(roles.length, 25))) check(caller, "iam:ListAttachedRolePolicies", { args: { roleName: role.name } });
      }
    });
    t += rng.between(5, 90) * 1000;

    ctx.stage("infrastructure-sweep", () => {
      for (const account of accounts) {
        const caller = sessionIn(account.id);
        for (const region of REGIONS) {
          const denied = regionDenied(account.id, region);
          for (const api of REGIONAL_CHECKS) check(caller, api, { region, deny: denied });
          for (const api of newChecks) check(caller, api, { region, deny: denied || ungranted.has(api) });
        }
      }
    });
    t += rng.between(5, 90) * 1000;

    ctx.stage("storage-sweep", () => {
      for (const account of accounts) {
        const caller = sessionIn(account.id);
        check(caller, "s3:ListBuckets");
        for (const bucket of ctx.buckets(account.id)) {
          const locked = lockedBuckets.has(bucket.name);
          const args = { bucketName: bucket.name };
          check(caller, "s3:GetBucketLocation", { args });
          for (const api of BUCKET_CHECKS) {
            // Buckets without a policy answer NoSuchBucketPolicy.
            const noPolicy = api === "s3:GetBucketPolicy" && !locked && rng.chance(0.5);
            check(caller, api, { args, deny: locked, ...(noPolicy ? { error: "NoSuchBucketPolicy" } : {}) });
          }
        }
      }
    });

    if (rng.chance(0.5)) {
      t += rng.between(5, 90) * 1000;
      ctx.stage("secrets-posture", () => {
        for (const account of accounts) {
          const caller = sessionIn(account.id);
          for (const region of account.regions) {
            check(caller, "secretsmanager:ListSecrets", { region });
            for (const secret of account.secrets.filter((s) => s.region === region)) check(caller, "secretsmanager:DescribeSecret", { region, args: { secretId: secret.arn } });
            check(caller, "ssm:DescribeParameters", { region, deny: ungranted.has("ssm:DescribeParameters") });
          }
        }
      });
    }
  },
});
