import { defineScenario } from "./define.ts";
import { MINUTE, HOUR, nextLocalHour } from "./time.ts";


/** Regions an organisation expands into. */
const EXPANSION_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];


/**
 * Benign look-alike: the CI/CD pipeline rolls a workload out to a region the account has never
 * used. The pipeline's web-identity role, from GitHub-hosted runners as every day, looks the
 * region up, pushes images to its registry, creates the stacks with change sets, updates the
 * functions and launches instances there, sometimes hitting the new region's low default vCPU
 * quota first and retrying hours later. Writes and instance launches in a region never seen: the
 * "unused region" signal of cryptomining attacks.
 */
export default defineScenario({
  id: "cicd-new-region-rollout",
  title: "CI/CD pipeline deploys to a new region",
  kind: "benign",
  description:
    "The ci-deployer role of a workload account, in pipeline runs from GitHub Actions runners, calls DescribeRegions and DescribeAvailabilityZones and finds no stacks in a region the account never used, pushes images to that region's ECR, creates the network, data and application stacks there with CREATE change sets and watches their events, then updates the Lambda functions' code and launches a few instances in the region. A first RunInstances may fail on the region's default vCPU quota and succeed in a later run once the quota is raised.",
  references: [
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets.html (CloudFormation: updating and creating stacks with change sets)",
    "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services (GitHub Actions: OIDC federation to an AWS role)",
    "https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html (Amazon EC2: per-region vCPU quotas for On-Demand instances)",
    "https://attack.mitre.org/techniques/T1535/ (MITRE ATT&CK T1535: Unused/Unsupported Cloud Regions, the attack this resembles)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 34,
  stages: [
    { id: "region-bootstrap", tactic: "TA0007", technique: "T1580", description: "regions, zones, VPCs and (missing) stacks of the new region; images pushed to its registry" },
    { id: "stack-rollout", tactic: "TA0005", technique: "T1535", description: "CREATE change sets executed for the workload's stacks in the new region" },
    { id: "compute-rollout", tactic: "TA0005", technique: "T1578.002", description: "function code updated and instances launched in the new region" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const ci = rng.pick(ctx.principals({ persona: "ci-deployer", accountKind: ["prod", "staging", "dev"] }));
    ctx.actor(ci.arn);
    const account = ctx.inventory.accounts.find((a) => a.id === ci.accountId)!;
    const region = rng.pick(EXPANSION_REGIONS.filter((r) => !account.regions.includes(r)));
    // The same stacks as at home: multi-region templates keep their names.
    const workload = account.name.split("-").pop()!;
    const stacks = [`${workload}-network`, `${workload}-data`, `${workload}-app`];
    // Each pipeline run is a fresh runner with a fresh web-identity session.
    const run = (at: number) => ctx.as(ci, ctx.origin("habitual", ci), "habitual", at);

    // Pipelines run in the working day.
    let t = nextLocalHour(ctx.start, rng.between(8, 17)) + rng.int(0, 59) * 1000;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 300);
    let runner = run(t);

    ctx.stage("region-bootstrap", () => {
      runner.call("sts:GetCallerIdentity", t);
      runner.call("ec2:DescribeRegions", step(2), { region });
      runner.call("ec2:DescribeAvailabilityZones", step(2), { region });
      runner.call("ec2:DescribeVpcs", step(2), { region });
      // Nothing deployed there yet.
      for (const stackName of stacks) runner.call("cloudformation:DescribeStacks", step(1), { region, args: { stackName }, error: "ValidationError" });
      runner.call("ecr:GetAuthorizationToken", step(5), { region });
      for (const repositoryName of rng.sample(["web", "api", "worker"], rng.int(1, 3))) runner.call("ecr:PutImage", step(40), { region, args: { repositoryName }, error: false });
    });
    t += rng.between(0.5, 3) * MINUTE;

    ctx.stage("stack-rollout", () => {
      for (const stackName of stacks) {
        runner.call("cloudformation:CreateChangeSet", step(5), { region, args: { stackName, changeSetType: "CREATE" }, error: false });
        for (let i = rng.int(2, 6); i > 0; i--) runner.call("cloudformation:DescribeStacks", step(8), { region, args: { stackName } });
        runner.call("cloudformation:ExecuteChangeSet", step(5), { region, args: { stackName }, error: false });
        // Creating a stack takes minutes; the pipeline polls its events.
        for (let i = rng.int(8, 40); i > 0; i--) runner.call(rng.chance(0.7) ? "cloudformation:DescribeStackEvents" : "cloudformation:DescribeStacks", step(15), { region, args: { stackName } });
      }
    });

    // The next run (merge of the region's configuration) deploys code and instances.
    t += rng.between(10, 90) * MINUTE;
    runner = run(t);
    ctx.stage("compute-rollout", () => {
      runner.call("sts:GetCallerIdentity", t);
      for (const fn of account.lambdas) runner.call("lambda:UpdateFunctionCode20150331v2", step(10), { region, args: { functionName: fn.name }, error: false });
      const count = rng.int(2, 6);
      if (rng.chance(0.3)) {
        // A new region's default On-Demand vCPU quota is small: the first launch is refused.
        runner.call("ec2:RunInstances", step(10), { region, args: { count }, error: "VcpuLimitExceeded" });
        t += rng.between(1, 6) * HOUR;
        runner = run(t);
        runner.call("sts:GetCallerIdentity", t);
      }
      runner.call("ec2:RunInstances", step(10), { region, args: { count }, error: false });
      for (let i = rng.int(1, 4); i > 0; i--) runner.call("ec2:DescribeInstances", step(20), { region });
      if (rng.chance(0.5)) runner.call("ecs:UpdateService", step(10), { region, error: false });
    });
  },
});
