import { defineScenario, type Caller } from "./define.ts";
import { MINUTE } from "./time.ts";


/** Regions a responder sweeps for instances an intruder may have started far from home. */
const REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1"];

/**
 * Benign look-alike: incident responders of the security team triage a GuardDuty finding in a
 * workload account. They assume into the account and run broad discovery (CloudTrail event
 * history, the whole IAM authorization picture, instances in every region), snapshot the suspect
 * instances' volumes as evidence, isolate the instances in a no-traffic security group, and
 * deactivate a suspicious access key and revoke the instance role's sessions. Discovery, snapshots,
 * firewall changes and credential changes by one actor in a few hours: an attack chain to a naive
 * detector, a playbook here.
 */
export default defineScenario({
  id: "incident-response-triage",
  title: "Incident responders' discovery, evidence snapshots and isolation",
  kind: "benign",
  description:
    "A security analyst looks at GuardDuty findings in the security account, assumes a role in the affected workload account, pages through CloudTrail event history and the account's IAM details, sweeps many regions for instances, snapshots the suspect instances' EBS volumes, creates an isolation security group without egress and moves the instances into it, then deactivates a suspicious IAM access key and revokes older sessions of the instance role.",
  references: [
    "https://docs.aws.amazon.com/whitepapers/latest/aws-security-incident-response-guide/aws-security-incident-response-guide.html (AWS Security Incident Response Guide)",
    "https://github.com/aws-samples/aws-incident-response-playbooks/blob/master/playbooks/IRP-CredCompromise.md (AWS incident response playbooks: compromised credentials)",
    "https://docs.aws.amazon.com/prescriptive-guidance/latest/patterns/automate-incident-response-and-forensics.html (AWS Prescriptive Guidance: isolate instance, snapshot volumes for forensics)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html (IAM: revoking a role's temporary security credentials, AWSRevokeOlderSessions)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 8,
  stages: [
    { id: "scoping", tactic: "TA0007", technique: "T1087.004", description: "findings, CloudTrail event history, account authorization details, users and keys" },
    { id: "infrastructure-review", tactic: "TA0007", technique: "T1580", description: "instances in many regions, security groups, volumes and snapshots" },
    { id: "evidence-snapshots", tactic: "TA0005", technique: "T1578.001", description: "snapshot the suspect instances' volumes and tag them with the case" },
    { id: "isolation", tactic: "TA0005", technique: "T1562.007", description: "isolation security group without egress; suspect instances moved into it" },
    { id: "credential-revocation", tactic: "TA0040", technique: "T1531", description: "deactivate a suspicious access key; revoke the instance role's older sessions" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const analyst = rng.pick(ctx.principals({ persona: "security-analyst" }));
    ctx.actor(analyst.arn);
    const targets = ctx.inventory.accounts.filter((a) => ["prod", "staging", "dev"].includes(a.kind) && a.instances.length > 0);
    if (targets.length === 0) throw new Error("incident-response-triage: no workload account (prod, staging, dev) with instances in this world");
    const target = rng.pick(targets);
    const suspects = rng.sample(target.instances, rng.int(1, Math.min(3, target.instances.length)));
    const users = ctx.principals({ persona: ["developer-iam-user", "dormant-user"] }).filter((u) => u.accountId === target.id && u.accessKeyId);
    const caseId = `IR-${rng.int(1000, 9999)}`;
    let t = ctx.start;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 800);

    // Responders often work from a dedicated forensic workstation.
    const home = ctx.as(analyst, ctx.origin("habitual", analyst), rng.chance(0.3) ? "new-device" : "habitual", t);
    // Chained role sessions last an hour at most: assume again when the current one is old.
    let session: Caller | undefined;
    let sessionAt = 0;
    const responder = (): Caller => {
      if (!session || t - sessionAt > 55 * MINUTE) {
        session = ctx.assumeRole(home, t, target.id, "OrganizationAccountAccessRole", analyst.name);
        sessionAt = t;
        step(3);
      }
      return session;
    };

    ctx.stage("scoping", () => {
      if (analyst.tooling === "console") home.call("signin:ConsoleLogin", t - rng.between(5, 60) * 1000, { args: { mfa: false }, error: false });
      home.call("guardduty:ListFindings", t);
      for (let i = rng.int(1, 4); i > 0; i--) home.call(rng.pick(["guardduty:ListFindings", "guardduty:GetDetector"]), step(20));
      step(60);
      responder().call("sts:GetCallerIdentity", t);
      const regions = [...new Set([target.regions[0]!, ...suspects.map((s) => s.region)])];
      // Paging through the suspect's events, reading each page.
      for (let i = rng.int(15, 60); i > 0; i--) responder().call("cloudtrail:LookupEvents", step(rng.chance(0.7) ? 15 : 120), { region: rng.pick(regions) });
      for (let page = rng.int(1, 3); page > 0; page--) responder().call("iam:GetAccountAuthorizationDetails", step(5));
      responder().call("iam:ListUsers", step(10));
      for (const u of users) {
        responder().call("iam:ListAccessKeys", step(6), { args: { userName: u.name } });
        responder().call("iam:GetAccessKeyLastUsed", step(4), { args: { accessKeyId: u.accessKeyId } });
      }
      responder().call("iam:ListRoles", step(10));
      for (const s of suspects) responder().call("iam:GetRole", step(8), { args: { roleName: s.roleName } });
    });
    t += rng.between(5, 45) * MINUTE;

    ctx.stage("infrastructure-review", () => {
      const regions = rng.sample(REGIONS.filter((r) => !target.regions.includes(r)), rng.int(5, REGIONS.length - target.regions.length));
      for (const region of [...target.regions, ...regions]) responder().call("ec2:DescribeInstances", step(4), { region });
      for (const region of new Set(suspects.map((s) => s.region))) {
        for (const api of ["ec2:DescribeSecurityGroups", "ec2:DescribeVolumes", "ec2:DescribeSnapshots", "ec2:DescribeInstances"]) responder().call(api, step(15), { region });
      }
      for (const region of rng.sample(target.regions, rng.int(1, target.regions.length))) responder().call("lambda:ListFunctions20150331", step(10), { region });
    });
    t += rng.between(5, 60) * MINUTE;

    ctx.stage("evidence-snapshots", () => {
      for (const s of suspects) {
        for (let v = rng.int(1, 2); v > 0; v--) {
          responder().call("ec2:CreateSnapshot", step(20), { region: s.region, args: { volumeId: `vol-0${rng.hex(16)}`, description: `${caseId} forensic evidence ${s.id}` }, error: false });
        }
        responder().call("ec2:CreateTags", step(10), { region: s.region, args: { instanceId: s.id } });
      }
      for (let i = rng.int(2, 6); i > 0; i--) responder().call("ec2:DescribeSnapshots", step(45), { region: rng.pick(suspects).region });
    });
    t += rng.between(2, 30) * MINUTE;

    ctx.stage("isolation", () => {
      // One isolation group per VPC; a new group allows all egress until that rule is revoked.
      for (const vpcId of new Set(suspects.map((s) => s.vpcId))) {
        const inVpc = suspects.filter((s) => s.vpcId === vpcId);
        const region = inVpc[0]!.region;
        const groupId = `sg-0${rng.hex(16)}`;
        responder().call("ec2:CreateSecurityGroup", step(30), { region, args: { groupName: `${caseId.toLowerCase()}-isolation`, groupDescription: "Forensic isolation: no inbound or outbound traffic", vpcId, groupId }, error: false });
        responder().call("ec2:RevokeSecurityGroupEgress", step(20), { region, args: { groupId }, error: false });
        for (const s of inVpc) responder().call("ec2:ModifyInstanceAttribute", step(25), { region, args: { instanceId: s.id, groupId }, error: false });
      }
      responder().call("ec2:DescribeInstances", step(30), { region: suspects[0]!.region });
    });
    t += rng.between(2, 40) * MINUTE;

    ctx.stage("credential-revocation", () => {
      if (users.length > 0) {
        const suspicious = rng.pick(users);
        responder().call("iam:ListAccessKeys", step(10), { args: { userName: suspicious.name } });
        responder().call("iam:UpdateAccessKey", step(15), { args: { userName: suspicious.name, accessKeyId: suspicious.accessKeyId, status: "Inactive" }, error: false });
      }
      if (users.length === 0 || rng.chance(0.6)) {
        // The console's "Revoke active sessions": deny everything to sessions issued before now.
        const issuedBefore = new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
        for (const roleName of new Set(suspects.map((s) => s.roleName))) {
          responder().call("iam:PutRolePolicy", step(20), {
            args: { roleName, policyName: "AWSRevokeOlderSessions", policyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"${issuedBefore}"}}}]}` },
            error: false,
          });
        }
      }
    });
  },
});
