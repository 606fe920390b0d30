/**
 * The API catalogue: real eventSource/eventName pairs and how each call's `requestParameters`,
 * `responseElements`, `resources` and `additionalEventData` look, with the real field names.
 * Keys are `<service>:<EventName>` where service is the eventSource host prefix.
 */
import type { Rng } from "./rng.ts";
import type { SimAccount, SimBucket } from "./world-types.ts";
import { BEDROCK_MODELS, inlinePolicyName, serviceRoleName, serviceUserName, topicName } from "../scenarios/names.ts";
import { ec2Id, iamId, secretToken } from "./ids.ts";
import { isoSeconds, javaDate, HOUR } from "./clock.ts";

/** What a builder may read: the account and region called, the time, explicit arguments. */
export interface CallContext {
  rng: Rng;
  account: SimAccount;
  region: string;
  time: number;
  /** Name of the caller (user, role session), for self-referencing calls. */
  callerName: string;
  /** Arguments the caller chose (scenarios pin buckets, keys, users…); builders fill the rest. */
  args: Record<string, unknown>;
}

/** The variable parts of a record that an API shapes. */
export interface CallBody {
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  resources?: { accountId?: string; type: string; ARN: string }[];
  additionalEventData?: Record<string, unknown>;
  /** The region the call lands in when the resource decides it (an S3 bucket's region). */
  region?: string;
  /** Set when a builder decides the call fails for a domain reason (e.g. NoSuchKey). */
  error?: { code: string; message: string };
}

/** One catalogue entry. */
export interface ApiSpec {
  key: string;
  service: string;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  /** S3 object-level calls are CloudTrail data events. */
  dataEvent: boolean;
  /** Global services log in us-east-1 whatever region the caller uses. */
  global: boolean;
  /** Calls from the console carry `eventType: AwsConsoleSignIn` only for sign-in. */
  eventType: "AwsApiCall" | "AwsConsoleSignIn";
  /** Typical error codes when the call is refused, most common first. */
  errors: string[];
  build: (c: CallContext) => CallBody;
}

type Builder = (c: CallContext) => CallBody;

function arg<T>(c: CallContext, name: string, fallback: () => T): T {
  return (c.args[name] as T | undefined) ?? fallback();
}

/**
 * The bucket a call acts on: `args.bucketName` (one of the account's), `args.bucket`, or
 * `args.externalBucket`, the name of a bucket outside the organisation (a personal or attacker
 * bucket; `args.externalRegion` sets its region, default the call's); else one of the account's.
 */
function bucketOf(c: CallContext): SimBucket {
  const external = c.args.externalBucket as string | undefined;
  if (external) {
    return { name: external, region: arg(c, "externalRegion", () => c.region), accountId: "", sensitive: false, keyPrefixes: ["uploads/"], objectCount: 1_000, tags: {} };
  }
  const name = c.args.bucketName as string | undefined;
  const pool = c.account.buckets.filter((b) => b.region === c.region);
  const chosen = name ? c.account.buckets.find((b) => b.name === name) : undefined;
  return chosen ?? (c.args.bucket as SimBucket | undefined) ?? c.rng.pick(pool.length > 0 ? pool : c.account.buckets);
}

function objectKey(c: CallContext, bucket: SimBucket): string {
  const prefix = c.rng.pick(bucket.keyPrefixes);
  const n = Math.floor(Math.pow(c.rng.next(), 2) * bucket.objectCount);
  return `${prefix}${String(n).padStart(6, "0")}.${prefix.includes("log") ? "json.gz" : prefix.includes("report") ? "csv" : "parquet"}`;
}

function s3Resources(bucket: SimBucket, key?: string): CallBody["resources"] {
  const res: NonNullable<CallBody["resources"]> = [];
  if (key !== undefined) res.push({ type: "AWS::S3::Object", ARN: `arn:aws:s3:::${bucket.name}/${key}` });
  // A bucket outside the organisation (accountId "") is named without its owner.
  res.push({ ...(bucket.accountId ? { accountId: bucket.accountId } : {}), type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket.name}` });
  return res;
}

function s3Extra(c: CallContext, bytesOut: number, bytesIn: number): Record<string, unknown> {
  return {
    SignatureVersion: "SigV4",
    CipherSuite: "TLS_AES_128_GCM_SHA256",
    bytesTransferredIn: bytesIn,
    AuthenticationMethod: "AuthHeader",
    "x-amz-id-2": secretToken(c.rng, 76),
    bytesTransferredOut: bytesOut,
  };
}

const s3GetObject: Builder = (c) => {
  const bucket = bucketOf(c);
  const key = arg(c, "key", () => objectKey(c, bucket));
  const missing = c.args.key === undefined && c.rng.chance(0.004);
  const size = arg(c, "bytes", () => Math.round(c.rng.logNormal(bucket.sensitive ? 400_000 : 60_000, 1.4)));
  return {
    requestParameters: { bucketName: bucket.name, Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, key },
    responseElements: null,
    resources: s3Resources(bucket, key),
    region: bucket.region,
    additionalEventData: s3Extra(c, missing ? 0 : size, 0),
    ...(missing ? { error: { code: "NoSuchKey", message: "The specified key does not exist." } } : {}),
  };
};

const s3PutObject: Builder = (c) => {
  const bucket = bucketOf(c);
  const key = arg(c, "key", () => objectKey(c, bucket));
  return {
    requestParameters: { bucketName: bucket.name, Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, key },
    // The organisation's buckets default to KMS; a bucket outside it, to S3-managed keys.
    responseElements: { "x-amz-server-side-encryption": bucket.accountId ? "aws:kms" : "AES256" },
    resources: s3Resources(bucket, key),
    region: bucket.region,
    additionalEventData: s3Extra(c, 0, arg(c, "bytes", () => Math.round(c.rng.logNormal(50_000, 1.2)))),
  };
};

const s3ListObjects: Builder = (c) => {
  const bucket = bucketOf(c);
  return {
    requestParameters: {
      bucketName: bucket.name,
      Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`,
      "list-type": "2",
      prefix: c.rng.pick(bucket.keyPrefixes),
      "encoding-type": "url",
    },
    responseElements: null,
    resources: s3Resources(bucket),
    region: bucket.region,
    additionalEventData: s3Extra(c, c.rng.int(500, 40_000), 0),
  };
};

const s3BucketCall: Builder = (c) => {
  const bucket = bucketOf(c);
  return {
    requestParameters: { bucketName: bucket.name, Host: `${bucket.name}.s3.amazonaws.com`, [c.args.subresource as string ?? "policy"]: "" },
    responseElements: null,
    resources: s3Resources(bucket),
    region: bucket.region,
    additionalEventData: s3Extra(c, 0, 0),
  };
};

/** The namespace S3 XML bodies carry; CloudTrail keeps it in the configuration it records. */
const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** A bucket sub-resource call whose request body (a configuration document) CloudTrail records. */
function s3BucketConfig(c: CallContext, subresource: string, field: string, body: Record<string, unknown>): CallBody {
  const call = s3BucketCall({ ...c, args: { ...c.args, subresource } });
  return { ...call, requestParameters: { ...call.requestParameters, [field]: { ...body, xmlns: S3_XMLNS } } };
}

/** PutBucketVersioning: `args.status` is "Enabled" (default) or "Suspended". */
const s3PutVersioning: Builder = (c) => s3BucketConfig(c, "versioning", "VersioningConfiguration", { Status: arg(c, "status", () => "Enabled") });

/**
 * PutBucketLifecycle with one rule: current objects expire after `args.expirationDays`, and, when
 * `args.noncurrentDays` is set, old versions that many days after they are replaced.
 */
const s3PutLifecycle: Builder = (c) => {
  const noncurrentDays = c.args.noncurrentDays as number | undefined;
  return s3BucketConfig(c, "lifecycle", "LifecycleConfiguration", {
    Rule: {
      ID: arg(c, "ruleId", () => `expire-after-${c.rng.hex(4)}`),
      Filter: { Prefix: arg(c, "prefix", () => "") },
      Status: "Enabled",
      Expiration: { Days: arg(c, "expirationDays", () => c.rng.pick([30, 90, 365])) },
      ...(noncurrentDays !== undefined ? { NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays } } : {}),
    },
  });
};

/**
 * PutBucketReplication with one rule replicating everything to `args.destinationBucketArn` (default:
 * a replica bucket of the same account) through `args.roleArn`. A destination in another account
 * names it in `args.destinationAccount`, with replica ownership handed to that account.
 */
const s3PutReplication: Builder = (c) => {
  const source = bucketOf(c);
  const account = c.args.destinationAccount as string | undefined;
  return s3BucketConfig({ ...c, args: { ...c.args, bucket: source, bucketName: source.name } }, "replication", "ReplicationConfiguration", {
    Role: arg(c, "roleArn", () => `arn:aws:iam::${c.account.id}:role/s3-replication-role`),
    Rule: {
      ID: arg(c, "ruleId", () => `replicate-${c.rng.hex(6)}`),
      Status: "Enabled",
      Priority: 1,
      DeleteMarkerReplication: { Status: "Disabled" },
      Filter: { Prefix: "" },
      Destination: {
        Bucket: arg(c, "destinationBucketArn", () => `arn:aws:s3:::${source.name}-replica`),
        ...(account ? { Account: account, AccessControlTranslation: { Owner: "Destination" } } : {}),
      },
    },
  });
};

const s3ListBuckets: Builder = (c) => ({
  requestParameters: { Host: "s3.amazonaws.com" },
  responseElements: null,
  additionalEventData: s3Extra(c, 0, 0),
});

const userName = (c: CallContext) => arg(c, "userName", () => c.rng.pick(c.account.userNames.length > 0 ? c.account.userNames : [c.callerName]));
const roleName = (c: CallContext) => arg(c, "roleName", () => c.rng.pick(c.account.roleNames));
const instanceIds = (c: CallContext) => {
  if (typeof c.args.instanceId === "string") return [c.args.instanceId];
  const own = c.account.instances.filter((i) => i.region === c.region);
  return own.length > 0 ? [c.rng.pick(own).id] : [ec2Id("i", c.rng)];
};

function credentials(c: CallContext, hours = 1): Record<string, unknown> {
  return {
    // Callers pass the key they will act with, so issued and used credentials match.
    accessKeyId: arg(c, "accessKeyId", () => iamId("ASIA", c.rng)),
    sessionToken: `IQoJb3JpZ2luX2VjE${secretToken(c.rng, 60)}`,
    expiration: javaDate(c.time + hours * HOUR, true),
  };
}

const assumeRole: Builder = (c) => {
  const targetAccount = arg(c, "targetAccountId", () => c.account.id);
  const role = arg(c, "roleName", () => c.rng.pick(c.account.roleNames));
  const session = arg(c, "roleSessionName", () => `${c.callerName.split("@")[0]}-${Math.floor(c.time / 1000)}`);
  const roleId = arg(c, "roleId", () => iamId("AROA", c.rng));
  const roleArn = `arn:aws:iam::${targetAccount}:role/${role}`;
  return {
    requestParameters: { roleArn, roleSessionName: session, durationSeconds: 3600 },
    responseElements: {
      credentials: credentials(c),
      assumedRoleUser: { assumedRoleId: `${roleId}:${session}`, arn: `arn:aws:sts::${targetAccount}:assumed-role/${role}/${session}` },
    },
    resources: [
      { accountId: targetAccount, type: "AWS::IAM::Role", ARN: roleArn },
    ],
  };
};

const assumeRoleWithWebIdentity: Builder = (c) => {
  const role = arg(c, "roleName", () => roleName(c));
  const session = arg(c, "roleSessionName", () => `GitHubActions-${c.rng.int(100000, 999999)}`);
  return {
    requestParameters: { roleArn: `arn:aws:iam::${c.account.id}:role/${role}`, roleSessionName: session, durationSeconds: 3600 },
    responseElements: {
      credentials: credentials(c),
      subjectFromWebIdentityToken: arg(c, "subject", () => "repo:acme/app:ref:refs/heads/main"),
      assumedRoleUser: { assumedRoleId: `${arg(c, "roleId", () => iamId("AROA", c.rng))}:${session}`, arn: `arn:aws:sts::${c.account.id}:assumed-role/${role}/${session}` },
      provider: `arn:aws:iam::${c.account.id}:oidc-provider/token.actions.githubusercontent.com`,
      audience: "sts.amazonaws.com",
    },
    additionalEventData: { identityProviderConnectionVerificationMethod: "IAMTrustStore" },
  };
};

const consoleLogin: Builder = (c) => ({
  requestParameters: null,
  responseElements: { ConsoleLogin: c.args.failed ? "Failure" : "Success" },
  additionalEventData: {
    LoginTo: "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
    MobileVersion: "No",
    MFAUsed: c.args.mfa ? "Yes" : "No",
  },
  ...(c.args.failed ? { error: { code: "", message: "Failed authentication" } } : {}),
});

const createAccessKey: Builder = (c) => {
  const user = userName(c);
  return {
    requestParameters: { userName: user },
    responseElements: { accessKey: { userName: user, accessKeyId: arg(c, "accessKeyId", () => iamId("AKIA", c.rng)), status: "Active", createDate: javaDate(c.time) } },
  };
};

const attachPolicy = (target: "userName" | "roleName" | "groupName"): Builder => (c) => ({
  requestParameters: {
    [target]: target === "userName" ? userName(c) : target === "roleName" ? roleName(c) : arg(c, "groupName", () => "developers"),
    policyArn: arg(c, "policyArn", () => c.rng.pick(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", `arn:aws:iam::${c.account.id}:policy/app-deploy`])),
  },
  responseElements: null,
});

const runInstances: Builder = (c) => {
  const count = arg(c, "count", () => 1);
  const type = arg(c, "instanceType", () => c.rng.pick(["t3.medium", "m6i.large", "c6i.xlarge"]));
  const image = arg(c, "imageId", () => ec2Id("ami", c.rng));
  const vpc = c.account.vpcs.find((v) => v.region === c.region);
  const items = Array.from({ length: count }, (_, i) => ({
    instanceId: ec2Id("i", c.rng),
    imageId: image,
    instanceState: { code: 0, name: "pending" },
    amiLaunchIndex: i,
    instanceType: type,
    launchTime: new Date(Math.floor(c.time / 1000) * 1000).getTime(),
    placement: { availabilityZone: `${c.region}a`, tenancy: "default" },
    privateIpAddress: vpc ? vpc.cidr.replace(/\.0\.0\/16$/, `.${c.rng.int(1, 250)}.${c.rng.int(4, 250)}`) : "10.0.1.10",
    subnetId: ec2Id("subnet", c.rng),
    vpcId: vpc?.id ?? ec2Id("vpc", c.rng),
  }));
  return {
    requestParameters: {
      instancesSet: { items: [{ imageId: image, minCount: count, maxCount: count }] },
      instanceType: type,
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: c.rng.uuid(),
      // Most launches bootstrap with user data; CloudTrail redacts its content.
      ...(arg(c, "userData", () => c.rng.chance(0.7)) ? { userData: "<sensitiveDataRemoved>" } : {}),
    },
    responseElements: {
      requestId: c.rng.uuid(),
      reservationId: `r-0${c.rng.hex(16)}`,
      ownerId: c.account.id,
      groupSet: {},
      instancesSet: { items },
    },
  };
};

const describeInstances: Builder = (c) => ({
  requestParameters: { instancesSet: {}, filterSet: {} },
  responseElements: null,
});

const trailArn = (c: CallContext) => `arn:aws:cloudtrail:${c.account.homeRegion}:${c.account.id}:trail/${c.account.trailName}`;
const trailCall: Builder = (c) => ({
  requestParameters: { name: arg(c, "trailName", () => trailArn(c)) },
  responseElements: null,
  resources: [{ accountId: c.account.id, type: "AWS::CloudTrail::Trail", ARN: trailArn(c) }],
});

/** The trail settings UpdateTrail may change; a caller passes those it changes in `args`. */
const TRAIL_SETTINGS = ["s3BucketName", "s3KeyPrefix", "kmsKeyId", "enableLogFileValidation", "isMultiRegionTrail", "includeGlobalServiceEvents", "cloudWatchLogsLogGroupArn", "cloudWatchLogsRoleArn"] as const;

/** UpdateTrail: the changed settings in the request, the trail's resulting configuration in the response. */
const updateTrail: Builder = (c) => {
  const changed = Object.fromEntries(TRAIL_SETTINGS.filter((k) => c.args[k] !== undefined).map((k) => [k, c.args[k]]));
  const bucket = (changed.s3BucketName as string | undefined) ?? c.account.buckets.find((b) => b.name.includes("cloudtrail"))?.name ?? `aws-cloudtrail-logs-${c.account.id}`;
  return {
    ...trailCall(c),
    requestParameters: { name: arg(c, "trailName", () => trailArn(c)), ...changed },
    responseElements: {
      name: c.account.trailName,
      s3BucketName: bucket,
      includeGlobalServiceEvents: changed.includeGlobalServiceEvents ?? true,
      isMultiRegionTrail: changed.isMultiRegionTrail ?? true,
      trailARN: trailArn(c),
      logFileValidationEnabled: changed.enableLogFileValidation ?? true,
      ...(changed.kmsKeyId ? { kmsKeyId: changed.kmsKeyId } : {}),
      isOrganizationTrail: c.account.trailName.endsWith("-org-trail"),
    },
  };
};

const lambdaFn = (c: CallContext) => {
  const own = c.account.lambdas.filter((l) => l.region === c.region);
  return arg(c, "functionName", () => (own.length > 0 ? c.rng.pick(own).name : "api-handler"));
};

const secretCall: Builder = (c) => {
  const pool = c.account.secrets.filter((s) => s.region === c.region);
  const secret = pool.length > 0 ? c.rng.pick(pool).arn : `arn:aws:secretsmanager:${c.region}:${c.account.id}:secret:app/db-${c.rng.hex(6)}`;
  return { requestParameters: { secretId: arg(c, "secretId", () => secret) }, responseElements: null };
};

const kmsCall: Builder = (c) => {
  const pool = c.account.kmsKeys.filter((k) => k.region === c.region);
  const keyId = pool.length > 0 ? c.rng.pick(pool).id : c.rng.uuid();
  const keyArn = `arn:aws:kms:${c.region}:${c.account.id}:key/${keyId}`;
  return {
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", encryptionContext: { "aws:s3:arn": `arn:aws:s3:::${c.rng.pick(c.account.buckets).name}` } },
    responseElements: null,
    resources: [{ accountId: c.account.id, type: "AWS::KMS::Key", ARN: keyArn }],
    additionalEventData: { keyMaterialId: c.rng.hex(64) },
  };
};

const logsCall: Builder = (c) => ({
  requestParameters: { logGroupName: arg(c, "logGroupName", () => c.rng.pick(c.account.logGroups)), startTime: c.time - HOUR, endTime: c.time, limit: 100 },
  responseElements: null,
});

const stackCall: Builder = (c) => ({
  requestParameters: { stackName: arg(c, "stackName", () => c.rng.pick(c.account.stackNames)) },
  responseElements: null,
});

const changeSet: Builder = (c) => {
  const stack = arg(c, "stackName", () => c.rng.pick(c.account.stackNames));
  const name = `deploy-${c.rng.hex(8)}`;
  return {
    // `args.changeSetType` "CREATE" makes a stack that does not exist yet (a first deployment).
    requestParameters: { stackName: stack, changeSetName: name, changeSetType: arg(c, "changeSetType", () => "UPDATE"), capabilities: ["CAPABILITY_IAM"] },
    responseElements: { id: `arn:aws:cloudformation:${c.region}:${c.account.id}:changeSet/${name}/${c.rng.uuid()}`, stackId: `arn:aws:cloudformation:${c.region}:${c.account.id}:stack/${stack}/${c.rng.uuid()}` },
  };
};

const paramCall: Builder = (c) => ({
  requestParameters: { name: arg(c, "name", () => `/${c.rng.pick(["app", "payments", "web"])}/${c.rng.pick(["db/host", "feature-flags", "api/url", "db/password"])}`), withDecryption: arg(c, "withDecryption", () => false) },
  responseElements: null,
});

const athenaStart: Builder = (c) => ({
  requestParameters: { queryString: "***OMITTED***", queryExecutionContext: { database: c.rng.pick(["sales", "events", "finance"]) }, workGroup: "primary" },
  responseElements: { queryExecutionId: c.rng.uuid() },
});

const costCall: Builder = (c) => ({
  requestParameters: { timePeriod: { start: isoSeconds(c.time - 30 * 24 * HOUR).slice(0, 10), end: isoSeconds(c.time).slice(0, 10) }, granularity: "DAILY", metrics: ["UnblendedCost"] },
  responseElements: null,
});

const createUser: Builder = (c) => {
  const name = arg(c, "userName", () => serviceUserName(c.rng));
  return {
    requestParameters: { userName: name },
    responseElements: { user: { path: "/", userName: name, userId: iamId("AIDA", c.rng), arn: `arn:aws:iam::${c.account.id}:user/${name}`, createDate: javaDate(c.time) } },
  };
};

const userCall: Builder = (c) => ({ requestParameters: { userName: userName(c) }, responseElements: null });
const accessKeyCall: Builder = (c) => ({ requestParameters: { userName: userName(c), accessKeyId: arg(c, "accessKeyId", () => iamId("AKIA", c.rng)) }, responseElements: null });
const updateAccessKey: Builder = (c) => ({ requestParameters: { ...accessKeyCall(c).requestParameters, status: arg(c, "status", () => "Inactive") }, responseElements: null });
const roleCall: Builder = (c) => ({ requestParameters: { roleName: roleName(c) }, responseElements: null });
const listCall: Builder = () => ({ requestParameters: null, responseElements: null });
const maxItems: Builder = () => ({ requestParameters: { maxItems: 100 }, responseElements: null });

const policyVersion: Builder = (c) => ({
  requestParameters: {
    policyArn: arg(c, "policyArn", () => `arn:aws:iam::${c.account.id}:policy/app-deploy`),
    policyDocument: arg(c, "policyDocument", () => '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}'),
    setAsDefault: true,
  },
  responseElements: { policyVersion: { versionId: `v${c.rng.int(2, 9)}`, isDefaultVersion: true, createDate: javaDate(c.time) } },
});

const loginProfile: Builder = (c) => {
  const user = userName(c);
  const reset = arg(c, "passwordResetRequired", () => true);
  return {
    requestParameters: { userName: user, passwordResetRequired: reset },
    responseElements: { loginProfile: { userName: user, createDate: javaDate(c.time), passwordResetRequired: reset } },
  };
};

const guardDutyDetectors: Builder = () => ({ requestParameters: null, responseElements: null });
const securityGroupIngress: Builder = (c) => ({
  requestParameters: {
    groupId: ec2Id("sg", c.rng),
    ipPermissions: { items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: arg(c, "cidrIp", () => "10.0.0.0/8") }] } }] },
  },
  responseElements: { _return: true, securityGroupRuleSet: { items: [{ securityGroupRuleId: ec2Id("sgr", c.rng) }] } },
});
const instanceCall: Builder = (c) => ({ requestParameters: { instancesSet: { items: instanceIds(c).map((instanceId) => ({ instanceId })) } }, responseElements: null });
const snapshotCall: Builder = (c) => ({
  requestParameters: { volumeId: arg(c, "volumeId", () => ec2Id("vol", c.rng)), description: arg(c, "description", () => "automated backup") },
  responseElements: { snapshotId: ec2Id("snap", c.rng), status: "pending", startTime: c.time },
});
const functionCall: Builder = (c) => ({ requestParameters: { functionName: lambdaFn(c) }, responseElements: null });
const updateCode: Builder = (c) => {
  const functionName = lambdaFn(c);
  return {
    requestParameters: { functionName, publish: true, s3Bucket: c.rng.pick(c.account.buckets).name, s3Key: `builds/${c.rng.hex(12)}.zip` },
    responseElements: { functionName, runtime: "nodejs20.x", codeSha256: secretToken(c.rng, 44), version: String(c.rng.int(2, 300)) },
  };
};
const ecrImage: Builder = (c) => ({
  requestParameters: { repositoryName: arg(c, "repositoryName", () => c.rng.pick(["web", "api", "worker"])), imageTag: c.rng.hex(7) },
  responseElements: null,
});

/** Every API the simulator can call. */
const SPECS: [key: string, readOnly: boolean, build: Builder, errors?: string[]][] = [
  // STS and sign-in
  ["sts:GetCallerIdentity", true, listCall],
  ["sts:AssumeRole", false, assumeRole, ["AccessDenied"]],
  ["sts:AssumeRoleWithWebIdentity", false, assumeRoleWithWebIdentity, ["InvalidIdentityToken"]],
  ["sts:GetSessionToken", false, (c) => ({ requestParameters: { durationSeconds: 43200 }, responseElements: { credentials: credentials(c, 12) } })],
  ["sts:GetFederationToken", false, (c) => {
    // Without a session policy the federated user has no permissions, so callers always pass one.
    const name = arg(c, "name", () => c.callerName.slice(0, 32));
    // Tools like aws-vault pass a duration and often a managed policy instead of an inline one.
    const duration = arg(c, "durationSeconds", () => (c.rng.chance(0.5) ? c.rng.pick([3600, 14400, 43200, 86400, 129600]) : undefined));
    const managed = [{ arn: c.rng.pick(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess"]) }];
    const policy = arg(c, "policyArns", () => (c.rng.chance(0.4) ? managed : undefined))
      ? { policyArns: arg(c, "policyArns", () => managed) }
      : { policy: arg(c, "policy", () => '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}') };
    return {
      requestParameters: { name, ...policy, ...(duration ? { durationSeconds: duration } : {}) },
      responseElements: {
        credentials: credentials(c, (duration ?? 43200) / 3600),
        federatedUser: { federatedUserId: `${c.account.id}:${name}`, arn: `arn:aws:sts::${c.account.id}:federated-user/${name}` },
        packedPolicySize: c.rng.int(3, 9),
      },
    };
  }],
  ["signin:ConsoleLogin", false, consoleLogin],
  // IAM
  ["iam:ListUsers", true, maxItems],
  ["iam:ListRoles", true, maxItems],
  ["iam:ListPolicies", true, (c) => ({ requestParameters: { scope: "Local", onlyAttached: false }, responseElements: null })],
  ["iam:ListGroups", true, maxItems],
  ["iam:GetUser", true, userCall],
  ["iam:GetRole", true, roleCall],
  ["iam:ListAttachedUserPolicies", true, userCall],
  ["iam:ListAttachedRolePolicies", true, roleCall],
  ["iam:ListAccessKeys", true, userCall],
  ["iam:GetAccessKeyLastUsed", true, (c) => ({ requestParameters: { accessKeyId: arg(c, "accessKeyId", () => iamId("AKIA", c.rng)) }, responseElements: null })],
  ["iam:ListMFADevices", true, userCall],
  ["iam:GetAccountAuthorizationDetails", true, (c) => ({ requestParameters: { filter: ["User", "Role", "Group", "LocalManagedPolicy"] }, responseElements: null })],
  ["iam:GetAccountSummary", true, listCall],
  ["iam:GetLoginProfile", true, userCall],
  ["iam:CreateUser", false, createUser, ["EntityAlreadyExists", "AccessDenied"]],
  ["iam:DeleteUser", false, userCall, ["DeleteConflict"]],
  ["iam:CreateAccessKey", false, createAccessKey, ["LimitExceeded", "AccessDenied"]],
  ["iam:DeleteAccessKey", false, accessKeyCall],
  ["iam:UpdateAccessKey", false, updateAccessKey],
  ["iam:CreateLoginProfile", false, loginProfile, ["EntityAlreadyExists"]],
  ["iam:DeleteLoginProfile", false, userCall, ["NoSuchEntity"]],
  ["iam:AttachUserPolicy", false, attachPolicy("userName"), ["AccessDenied"]],
  ["iam:DetachUserPolicy", false, attachPolicy("userName"), ["NoSuchEntity"]],
  ["iam:AttachRolePolicy", false, attachPolicy("roleName"), ["AccessDenied"]],
  ["iam:PutUserPolicy", false, (c) => ({ requestParameters: { userName: userName(c), policyName: arg(c, "policyName", () => inlinePolicyName(c.rng)), policyDocument: arg(c, "policyDocument", () => '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}') }, responseElements: null })],
  ["iam:CreatePolicyVersion", false, policyVersion, ["LimitExceeded"]],
  ["iam:UpdateAssumeRolePolicy", false, (c) => ({ requestParameters: { roleName: roleName(c), policyDocument: arg(c, "policyDocument", () => "{}") }, responseElements: null })],
  ["iam:RemoveUserFromGroup", false, (c) => ({ requestParameters: { groupName: arg(c, "groupName", () => "developers"), userName: userName(c) }, responseElements: null })],
  // EC2
  ["ec2:DescribeInstances", true, describeInstances],
  ["ec2:DescribeRegions", true, listCall],
  ["ec2:DescribeAvailabilityZones", true, () => ({ requestParameters: { availabilityZoneSet: {}, availabilityZoneIdSet: {} }, responseElements: null })],
  ["ec2:DescribeSecurityGroups", true, listCall],
  ["ec2:DescribeVpcs", true, listCall],
  ["ec2:DescribeSubnets", true, listCall],
  ["ec2:DescribeImages", true, (c) => ({ requestParameters: { executableBySet: {}, imagesSet: {}, ownersSet: { items: [{ owner: "self" }] } }, responseElements: null })],
  ["ec2:DescribeVolumes", true, listCall],
  ["ec2:DescribeSnapshots", true, listCall],
  ["ec2:DescribeKeyPairs", true, listCall],
  ["ec2:DescribeInstanceTypes", true, listCall],
  ["ec2:DescribeAccountAttributes", true, listCall],
  ["ec2:RunInstances", false, runInstances, ["InsufficientInstanceCapacity", "VcpuLimitExceeded", "Client.UnauthorizedOperation"]],
  ["ec2:TerminateInstances", false, instanceCall],
  ["ec2:StartInstances", false, instanceCall],
  ["ec2:StopInstances", false, instanceCall],
  ["ec2:CreateSnapshot", false, snapshotCall],
  ["ec2:CreateKeyPair", false, (c) => ({ requestParameters: { keyName: arg(c, "keyName", () => `key-${c.rng.hex(6)}`) }, responseElements: { keyName: "key", keyFingerprint: c.rng.hex(40), keyPairId: ec2Id("key", c.rng) } })],
  ["ec2:AuthorizeSecurityGroupIngress", false, securityGroupIngress],
  ["ec2:CreateTags", false, (c) => ({ requestParameters: { resourcesSet: { items: instanceIds(c).map((resourceId) => ({ resourceId })) }, tagSet: { items: [{ key: "Owner", value: c.callerName }] } }, responseElements: { _return: true } })],
  // S3 control plane (management events) and objects (data events)
  ["s3:ListBuckets", true, s3ListBuckets],
  ["s3:GetBucketLocation", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "location" } })],
  ["s3:GetBucketPolicy", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "policy" } }), ["NoSuchBucketPolicy", "AccessDenied"]],
  ["s3:GetBucketAcl", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "acl" } })],
  ["s3:GetBucketVersioning", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "versioning" } })],
  ["s3:GetBucketEncryption", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "encryption" } }), ["ServerSideEncryptionConfigurationNotFoundError"]],
  ["s3:GetBucketPublicAccessBlock", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "publicAccessBlock" } })],
  ["s3:PutBucketPolicy", false, (c) => {
    const call = s3BucketCall({ ...c, args: { ...c.args, subresource: "policy" } });
    const bucket = (call.requestParameters as { bucketName: string }).bucketName;
    // Most policies grant a partner account or a role; some grant everyone read (a public website).
    const principal = arg(c, "publicRead", () => c.rng.chance(0.2)) ? "*" : { AWS: `arn:aws:iam::${c.account.id}:root` };
    const bucketPolicy = { Version: "2012-10-17", Statement: [{ Sid: c.rng.pick(["PublicRead", "AllowRead", "Share"]), Effect: "Allow", Principal: principal, Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` }] };
    return { ...call, requestParameters: { ...call.requestParameters, bucketPolicy } };
  }],
  ["s3:DeleteBucketPolicy", false, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "policy" } })],
  ["s3:PutBucketAcl", false, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "acl" } })],
  ["s3:PutBucketPublicAccessBlock", false, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "publicAccessBlock" } })],
  ["s3:DeleteBucketPublicAccessBlock", false, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "publicAccessBlock" } })],
  ["s3:PutBucketVersioning", false, s3PutVersioning],
  ["s3:PutBucketLifecycle", false, s3PutLifecycle],
  ["s3:PutBucketReplication", false, s3PutReplication],
  ["s3:PutBucketLogging", false, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "logging" } })],
  ["s3:GetBucketReplication", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "replication" } })],
  ["s3:GetBucketLifecycle", true, (c) => s3BucketCall({ ...c, args: { ...c.args, subresource: "lifecycle" } })],
  ["s3:ListObjects", true, s3ListObjects, ["AccessDenied"]],
  ["s3:GetObject", true, s3GetObject, ["AccessDenied"]],
  ["s3:PutObject", false, s3PutObject, ["AccessDenied"]],
  ["s3:HeadObject", true, (c) => ({ ...s3GetObject(c), additionalEventData: s3Extra(c, 0, 0) })],
  ["s3:DeleteObject", false, (c) => ({ ...s3GetObject(c), additionalEventData: s3Extra(c, 0, 0) })],
  ["s3:DeleteObjects", false, (c) => {
    const bucket = bucketOf(c);
    return { requestParameters: { bucketName: bucket.name, Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, delete: "" }, responseElements: null, resources: s3Resources(bucket), region: bucket.region, additionalEventData: s3Extra(c, 0, c.rng.int(2_000, 60_000)) };
  }],
  ["s3:CopyObject", false, (c) => {
    // The copy happens inside S3: the request carries no body.
    const put = s3PutObject({ ...c, args: { bytes: 0, ...c.args } });
    // A few applications encrypt with their own keys (SSE-C) as a matter of course.
    const sse = arg(c, "sseCustomerKey", () => c.rng.chance(0.03)) ? { "x-amz-server-side-encryption-customer-algorithm": "AES256" } : {};
    return { ...put, requestParameters: { ...put.requestParameters, "x-amz-copy-source": `${String((put.requestParameters as { bucketName: string }).bucketName)}/${String((put.requestParameters as { key: string }).key)}`, ...sse }, responseElements: { ...sse } };
  }],
  // CloudTrail, GuardDuty, Config, CloudWatch
  ["cloudtrail:DescribeTrails", true, listCall],
  ["cloudtrail:GetTrailStatus", true, trailCall],
  ["cloudtrail:LookupEvents", true, (c) => ({ requestParameters: { maxResults: 50, startTime: isoSeconds(c.time - HOUR), endTime: isoSeconds(c.time) }, responseElements: null })],
  ["cloudtrail:StopLogging", false, trailCall],
  ["cloudtrail:StartLogging", false, trailCall],
  ["cloudtrail:DeleteTrail", false, trailCall],
  ["cloudtrail:UpdateTrail", false, updateTrail],
  ["cloudtrail:PutEventSelectors", false, (c) => {
    const eventSelectors = arg(c, "eventSelectors", () => [{ readWriteType: "All", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }]);
    return { ...trailCall(c), requestParameters: { trailName: trailArn(c), eventSelectors }, responseElements: { trailARN: trailArn(c), eventSelectors } };
  }],
  ["cloudtrail:GetEventSelectors", true, (c) => ({ ...trailCall(c), requestParameters: { trailName: trailArn(c) } })],
  ["guardduty:ListDetectors", true, guardDutyDetectors],
  ["guardduty:GetDetector", true, (c) => ({ requestParameters: { detectorId: arg(c, "detectorId", () => c.rng.hex(32)) }, responseElements: null })],
  ["guardduty:ListFindings", true, (c) => ({ requestParameters: { detectorId: c.rng.hex(32), maxResults: 50 }, responseElements: null })],
  ["config:DescribeConfigurationRecorders", true, listCall],
  ["config:PutEvaluations", false, (c) => ({ requestParameters: { evaluations: [{ complianceResourceType: "AWS::S3::Bucket", complianceType: "COMPLIANT" }], resultToken: "***", testMode: false }, responseElements: { failedEvaluations: [] } })],
  ["monitoring:GetMetricData", true, (c) => ({ requestParameters: { startTime: isoSeconds(c.time - 3 * HOUR), endTime: isoSeconds(c.time), metricDataQueries: [{ id: "m1" }] }, responseElements: null })],
  ["monitoring:PutMetricData", false, (c) => ({ requestParameters: { namespace: "App", metricData: [{ metricName: "Latency" }] }, responseElements: null })],
  ["monitoring:DescribeAlarms", true, listCall],
  ["logs:FilterLogEvents", true, logsCall],
  ["logs:DescribeLogGroups", true, listCall],
  ["logs:CreateLogStream", false, (c) => ({ requestParameters: { logGroupName: c.rng.pick(c.account.logGroups), logStreamName: `${isoSeconds(c.time).slice(0, 10).replace(/-/g, "/")}/[$LATEST]${c.rng.hex(32)}` }, responseElements: null })],
  // Lambda, CloudFormation, ECR, ECS
  ["lambda:ListFunctions20150331", true, listCall],
  ["lambda:GetFunction20150331v2", true, functionCall],
  ["lambda:UpdateFunctionCode20150331v2", false, updateCode],
  ["lambda:UpdateFunctionConfiguration20150331v2", false, functionCall],
  ["cloudformation:DescribeStacks", true, stackCall],
  ["cloudformation:DescribeStackEvents", true, stackCall],
  ["cloudformation:CreateChangeSet", false, changeSet],
  ["cloudformation:ExecuteChangeSet", false, stackCall],
  ["cloudformation:ListStacks", true, listCall],
  ["ecr:GetAuthorizationToken", true, listCall],
  ["ecr:PutImage", false, ecrImage],
  ["ecr:BatchGetImage", true, ecrImage],
  ["ecs:DescribeServices", true, (c) => ({ requestParameters: { cluster: "main", services: ["web"] }, responseElements: null })],
  ["ecs:UpdateService", false, (c) => ({ requestParameters: { cluster: "main", service: "web", forceNewDeployment: true }, responseElements: null })],
  ["autoscaling:DescribeAutoScalingGroups", true, listCall],
  // Secrets, KMS, SSM
  ["secretsmanager:GetSecretValue", true, secretCall, ["AccessDeniedException", "ResourceNotFoundException"]],
  ["secretsmanager:ListSecrets", true, listCall],
  ["secretsmanager:DescribeSecret", true, secretCall],
  ["kms:Decrypt", true, kmsCall],
  ["kms:GenerateDataKey", true, kmsCall],
  ["kms:ListKeys", true, listCall],
  ["ssm:GetParameter", true, paramCall, ["ParameterNotFound"]],
  ["ssm:GetParameters", true, (c) => ({
    requestParameters: { names: arg(c, "names", () => Array.from({ length: c.rng.int(1, 4) }, () => paramCall(c).requestParameters!.name)), withDecryption: arg(c, "withDecryption", () => c.rng.chance(0.4)) },
    responseElements: null,
  })],
  ["ssm:DescribeInstanceInformation", true, listCall],
  ["ssm:UpdateInstanceInformation", false, (c) => ({ requestParameters: { instanceId: instanceIds(c)[0], agentVersion: "3.3.131.0", platformType: "Linux" }, responseElements: null })],
  // Analytics and billing
  ["athena:StartQueryExecution", false, athenaStart],
  ["athena:GetQueryExecution", true, (c) => ({ requestParameters: { queryExecutionId: c.rng.uuid() }, responseElements: null })],
  ["athena:GetQueryResults", true, (c) => ({ requestParameters: { queryExecutionId: c.rng.uuid(), maxResults: 1000 }, responseElements: null })],
  ["glue:GetTables", true, (c) => ({ requestParameters: { databaseName: c.rng.pick(["sales", "events", "finance"]) }, responseElements: null })],
  ["ce:GetCostAndUsage", true, costCall],
  ["ce:GetCostForecast", true, costCall],
  ["budgets:DescribeBudgets", true, (c) => ({ requestParameters: { accountId: c.account.id }, responseElements: null })],
  ["health:DescribeEvents", true, listCall],
  ["organizations:DescribeOrganization", true, listCall],
  ["organizations:ListAccounts", true, listCall],
  ["sso:ListAccounts", true, listCall],
  // Bedrock (LLM use and hijacking)
  ["bedrock:ListFoundationModels", true, listCall],
  ["bedrock:GetFoundationModelAvailability", true, (c) => ({ requestParameters: { modelId: arg(c, "modelId", () => c.rng.pick(BEDROCK_MODELS)) }, responseElements: null })],
  ["bedrock:GetModelInvocationLoggingConfiguration", true, listCall],
  ["bedrock:PutModelInvocationLoggingConfiguration", false, (c) => ({ requestParameters: { loggingConfig: { s3Config: { bucketName: c.rng.pick(c.account.buckets).name }, textDataDeliveryEnabled: true } }, responseElements: null })],
  ["bedrock:DeleteModelInvocationLoggingConfiguration", false, listCall],
  ["bedrock:ListCustomModels", true, listCall],
  ["bedrock:InvokeModel", true, (c) => ({ requestParameters: { modelId: arg(c, "modelId", () => c.rng.pick(BEDROCK_MODELS)) }, responseElements: null, additionalEventData: { inputTokens: Math.round(c.rng.logNormal(600, 0.8)), outputTokens: Math.round(c.rng.logNormal(400, 0.8)) } })],
  ["bedrock:InvokeModelWithResponseStream", true, (c) => ({ requestParameters: { modelId: arg(c, "modelId", () => c.rng.pick(BEDROCK_MODELS)) }, responseElements: null, additionalEventData: { inputTokens: Math.round(c.rng.logNormal(1500, 0.8)), outputTokens: Math.round(c.rng.logNormal(900, 0.8)) } })],
  // SES and SNS (spam abuse)
  ["ses:GetSendQuota", true, listCall],
  ["ses:ListIdentities", true, (c) => ({ requestParameters: { identityType: arg(c, "identityType", () => "EmailAddress"), maxItems: 100 }, responseElements: null })],
  ["ses:GetAccount", true, listCall],
  ["ses:VerifyEmailIdentity", false, (c) => ({ requestParameters: { emailAddress: arg(c, "emailAddress", () => `noreply@${c.account.name}.example.com`) }, responseElements: null })],
  ["ses:UpdateAccountSendingEnabled", false, (c) => ({ requestParameters: { enabled: arg(c, "enabled", () => true) }, responseElements: null })],
  ["sns:ListTopics", true, listCall],
  ["sns:CreateTopic", false, (c) => {
    const name = arg(c, "topicName", () => topicName(c.rng));
    return { requestParameters: { name }, responseElements: { topicArn: `arn:aws:sns:${c.region}:${c.account.id}:${name}` } };
  }],
  ["sns:GetSMSAttributes", true, listCall],
  ["sns:SetSMSAttributes", false, (c) => ({ requestParameters: { attributes: arg(c, "attributes", () => ({ DefaultSMSType: "Promotional" })) }, responseElements: null })],
  // Sign-in federation, extra IAM, GuardDuty and organisation tampering
  ["signin:GetSigninToken", false, () => ({ requestParameters: null, responseElements: { GetSigninToken: "Success" } })],
  ["iam:UpdateLoginProfile", false, (c) => ({ requestParameters: { userName: userName(c), passwordResetRequired: false }, responseElements: null })],
  ["iam:CreateRole", false, (c) => {
    const name = arg(c, "roleName", () => serviceRoleName(c.rng, c.rng.pick(c.account.buckets).name));
    return {
      requestParameters: { roleName: name, assumeRolePolicyDocument: arg(c, "policyDocument", () => '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}') },
      responseElements: { role: { path: "/", roleName: name, roleId: iamId("AROA", c.rng), arn: `arn:aws:iam::${c.account.id}:role/${name}`, createDate: javaDate(c.time) } },
    };
  }],
  // Inline policies go on existing roles, or on one just created for a service.
  ["iam:PutRolePolicy", false, (c) => ({ requestParameters: { roleName: arg(c, "roleName", () => (c.rng.chance(0.3) ? serviceRoleName(c.rng, c.rng.pick(c.account.buckets).name) : roleName(c))), policyName: arg(c, "policyName", () => inlinePolicyName(c.rng)), policyDocument: arg(c, "policyDocument", () => "{}") }, responseElements: null })],
  ["guardduty:UpdateDetector", false, (c) => ({ requestParameters: { detectorId: arg(c, "detectorId", () => c.rng.hex(32)), enable: arg(c, "enable", () => true) }, responseElements: null })],
  ["guardduty:DeleteDetector", false, (c) => ({ requestParameters: { detectorId: arg(c, "detectorId", () => c.rng.hex(32)) }, responseElements: null })],
  ["guardduty:CreateIPSet", false, (c) => ({ requestParameters: { detectorId: c.rng.hex(32), name: arg(c, "name", () => "trusted"), format: "TXT", location: `https://s3.amazonaws.com/${c.rng.pick(c.account.buckets).name}/ips.txt`, activate: true }, responseElements: { ipSetId: c.rng.hex(32) } })],
  ["organizations:LeaveOrganization", false, listCall],
  // Secrets, parameters, Windows passwords
  ["secretsmanager:BatchGetSecretValue", true, (c) => ({ requestParameters: { secretIdList: c.account.secrets.map((x) => x.arn) }, responseElements: null })],
  ["ssm:DescribeParameters", true, listCall],
  ["ssm:GetParametersByPath", true, (c) => ({ requestParameters: { path: arg(c, "path", () => "/"), recursive: true, withDecryption: arg(c, "withDecryption", () => false) }, responseElements: null })],
  ["ec2:GetPasswordData", true, (c) => ({ requestParameters: { instanceId: arg(c, "instanceId", () => instanceIds(c)[0]) }, responseElements: null })],
  ["ec2:DescribeAddresses", true, listCall],
  ["ec2:ModifyInstanceAttribute", false, (c) => ({ requestParameters: { instanceId: instanceIds(c)[0], groupSet: { items: [{ groupId: arg(c, "groupId", () => ec2Id("sg", c.rng)) }] } }, responseElements: { _return: true } })],
  ["ec2:RevokeSecurityGroupEgress", false, (c) => ({
    requestParameters: { groupId: arg(c, "groupId", () => ec2Id("sg", c.rng)), ipPermissions: { items: [{ ipProtocol: "-1", groups: {}, ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] }, ipv6Ranges: {}, prefixListIds: {} }] } },
    responseElements: { requestId: c.rng.uuid(), _return: true },
  })],
  // `args.groupId` lets a caller go on to use the group it created (e.g. to isolate an instance).
  ["ec2:CreateSecurityGroup", false, (c) => ({ requestParameters: { groupName: arg(c, "groupName", () => `sg-${c.rng.hex(6)}`), groupDescription: arg(c, "groupDescription", () => "managed"), vpcId: arg(c, "vpcId", () => c.account.vpcs.find((v) => v.region === c.region)?.id ?? c.account.vpcs[0]?.id) }, responseElements: { _return: true, groupId: arg(c, "groupId", () => ec2Id("sg", c.rng)) } })],
  ["ec2:ModifySnapshotAttribute", false, (c) => ({ requestParameters: { snapshotId: ec2Id("snap", c.rng), createVolumePermission: { add: { items: [{ userId: arg(c, "userId", () => c.account.id) }] } }, attributeType: "CREATE_VOLUME_PERMISSION" }, responseElements: { _return: true } })],
  ["kms:ScheduleKeyDeletion", false, (c) => ({ ...kmsCall(c), requestParameters: { keyId: c.rng.uuid(), pendingWindowInDays: 7 } })],
  ["kms:CreateGrant", false, (c) => ({ ...kmsCall(c), requestParameters: { keyId: c.rng.uuid(), granteePrincipal: arg(c, "granteePrincipal", () => `arn:aws:iam::${c.account.id}:role/app`), operations: ["Decrypt"] } })],
];

const GLOBAL_SERVICES = new Set(["iam", "signin", "ce", "budgets", "health", "organizations"]);
/** The error codes each service really returns for a refused or throttled call, most common first. */
const SERVICE_ERRORS: Record<string, string[]> = {
  iam: ["AccessDenied", "Throttling"],
  sts: ["AccessDenied"],
  s3: ["AccessDenied", "SlowDown"],
  ec2: ["Client.UnauthorizedOperation", "Client.RequestLimitExceeded"],
  monitoring: ["AccessDenied", "Throttling"],
  cloudformation: ["AccessDenied", "Throttling"],
  autoscaling: ["AccessDenied", "Throttling"],
  signin: ["AccessDenied"],
  bedrock: ["AccessDeniedException", "ValidationException", "ThrottlingException"],
};
const DEFAULT_ERRORS = ["AccessDeniedException", "ThrottlingException"];

function eventSourceOf(service: string): string {
  return `${service}.amazonaws.com`;
}

/** The catalogue, by key. */
export const API_CATALOGUE: ReadonlyMap<string, ApiSpec> = new Map(
  SPECS.map(([key, readOnly, build, errors]) => {
    const [service, eventName] = key.split(":") as [string, string];
    const dataEvent = service === "s3" && /Object/.test(eventName);
    const spec: ApiSpec = {
      key,
      service,
      eventSource: eventSourceOf(service),
      eventName,
      readOnly,
      dataEvent,
      global: GLOBAL_SERVICES.has(service) || key === "s3:ListBuckets",
      eventType: service === "signin" ? "AwsConsoleSignIn" : "AwsApiCall",
      errors: errors ?? SERVICE_ERRORS[service] ?? DEFAULT_ERRORS,
      build,
    };
    return [key, spec];
  }),
);

/** The IAM action of an event name: Lambda's dated names (`ListFunctions20150331`) lose their suffix. */
export function actionName(eventName: string): string {
  return eventName.replace(/20\d{6}.*$/, "");
}

/** The spec for a key; throws naming the key and a near match when it is unknown. */
export function apiSpec(key: string): ApiSpec {
  const spec = API_CATALOGUE.get(key);
  if (!spec) {
    const service = key.split(":")[0];
    const near = [...API_CATALOGUE.keys()].filter((k) => k.startsWith(`${service}:`)).slice(0, 8);
    throw new Error(`unknown API "${key}" in the simulator's catalogue${near.length ? `; ${service} has: ${near.join(", ")}` : ""}`);
  }
  return spec;
}
