import { defineScenario } from "./define.ts";
import { MINUTE, nextLocalHour } from "./time.ts";



/**
 * Benign look-alike: in an approved change window, a security engineer or platform admin
 * reconfigures their account's trail: reviews it, stops logging, updates its settings (KMS
 * encryption, log file validation, all regions, CloudWatch Logs delivery, the central log-archive
 * bucket), changes its event selectors (S3 data events for sensitive buckets, or fewer events to
 * cut cost), then restarts logging and checks delivery. StopLogging, UpdateTrail and
 * PutEventSelectors minutes apart: the defense-evasion step of many attacks.
 */
export default defineScenario({
  id: "trail-reconfiguration-change-window",
  title: "Security team reconfigures CloudTrail in a change window",
  kind: "benign",
  description:
    "A security analyst (security account) or a platform admin (any account) works from a usual network with their usual tool, in the evening or early morning of their time zone: DescribeTrails, GetTrailStatus and GetEventSelectors, then StopLogging, one or two UpdateTrail calls and one or two PutEventSelectors calls a few minutes apart, then StartLogging and status checks until logs flow again.",
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail-by-using-the-aws-cli-update-trail.html (CloudTrail: updating a trail with the AWS CLI)",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html (CloudTrail: logging data events with event selectors)",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html (CloudTrail: SSE-KMS encryption of log files)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html#stealth-iam-cloudtrailloggingdisabled (GuardDuty Stealth:IAMUser/CloudTrailLoggingDisabled, which this raises)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 28,
  stages: [
    { id: "pre-change-review", tactic: "TA0007", technique: "T1526", description: "trail configuration, status and event selectors reviewed" },
    { id: "reconfiguration", tactic: "TA0005", technique: "T1562.008", description: "logging stopped; trail settings and event selectors changed minutes apart" },
    { id: "logging-restored", tactic: "TA0005", technique: "T1562.008", description: "logging started again; status and delivery checked" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const engineer = rng.pick(ctx.principals({ persona: rng.chance(0.5) ? "security-analyst" : "platform-admin" }));
    ctx.actor(engineer.arn);
    const account = ctx.inventory.accounts.find((a) => a.id === engineer.accountId)!;
    const home = account.regions[0]!;
    const logArchive = ctx.inventory.accounts.find((a) => a.kind === "log-archive" && a.id !== account.id);
    const centralBucket = logArchive && ctx.buckets(logArchive.id).find((b) => b.name.includes("-cloudtrail-logs-"));
    const key = account.kmsKeys.find((k) => k.region === home) ?? account.kmsKeys[0];

    // Every change the team may bundle into one window; each instance applies one to three.
    const settings: Record<string, unknown>[] = [
      { enableLogFileValidation: true },
      { isMultiRegionTrail: true, includeGlobalServiceEvents: true },
      { cloudWatchLogsLogGroupArn: `arn:aws:logs:${home}:${account.id}:log-group:aws-cloudtrail-logs-${account.id}-${rng.hex(8)}:*`, cloudWatchLogsRoleArn: `arn:aws:iam::${account.id}:role/CloudTrail_CloudWatchLogs_Role` },
      ...(key ? [{ kmsKeyId: `arn:aws:kms:${key.region}:${account.id}:key/${key.id}` }] : []),
      ...(centralBucket ? [{ s3BucketName: centralBucket.name, s3KeyPrefix: account.name }] : []),
    ];
    const updates = rng.sample(settings, rng.int(1, Math.min(3, settings.length)));
    const sensitive = ctx.buckets(account.id).filter((b) => b.sensitive);
    const selectorChanges = [
      // Object-level logging for the sensitive buckets.
      ...(sensitive.length > 0 ? [[{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: sensitive.map((b) => `arn:aws:s3:::${b.name}/`) }], excludeManagementEventSources: [] }]] : []),
      // Cost cuts: drop the noisy KMS events, or log writes only.
      [{ readWriteType: "All", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: ["kms.amazonaws.com"] }],
      [{ readWriteType: "WriteOnly", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }],
    ];
    const selectors = rng.sample(selectorChanges, rng.int(1, 2));

    // The window opens in the evening, or before the working day.
    let t = nextLocalHour(ctx.start, rng.chance(0.7) ? rng.between(18.5, 21) : rng.between(6.5, 7.5), engineer.utcOffset) + rng.int(0, 59) * 1000;
    const step = (minMinutes: number, maxMinutes: number) => (t += rng.between(minMinutes, maxMinutes) * MINUTE);
    const caller = ctx.as(engineer, ctx.origin("habitual", engineer), "habitual", t);

    ctx.stage("pre-change-review", () => {
      if (engineer.tooling === "console") caller.call("signin:ConsoleLogin", t - rng.between(5, 60) * 1000, { args: { mfa: false }, error: false });
      caller.call("cloudtrail:DescribeTrails", t);
      caller.call("cloudtrail:GetTrailStatus", step(0.1, 1));
      caller.call("cloudtrail:GetEventSelectors", step(0.1, 1));
      if (updates.some((u) => "kmsKeyId" in u)) caller.call("kms:ListKeys", step(0.2, 2));
    });

    step(1, 10);
    ctx.stage("reconfiguration", () => {
      caller.call("cloudtrail:StopLogging", t, { error: false });
      step(1, 5);
      for (const update of updates) caller.call("cloudtrail:UpdateTrail", step(2, 8), { args: update, error: false });
      for (const eventSelectors of selectors) caller.call("cloudtrail:PutEventSelectors", step(2, 8), { args: { eventSelectors }, error: false });
      caller.call("cloudtrail:DescribeTrails", step(0.5, 3));
    });

    step(2, 15);
    ctx.stage("logging-restored", () => {
      caller.call("cloudtrail:StartLogging", t, { error: false });
      for (let i = rng.int(1, 3); i > 0; i--) caller.call("cloudtrail:GetTrailStatus", step(2, 8));
      if (rng.chance(0.6)) caller.call("cloudtrail:LookupEvents", step(1, 5));
    });
  },
});
