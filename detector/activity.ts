/**
 * The detector's compact, source-independent view of one record: who did what, from where, to
 * what. Ingest turns CloudTrail, VPC flow, Route 53 Resolver and runtime records into activities;
 * every later phase reads only these. No field carries a label.
 */

/** The data source a record came from (GuardDuty's signal types map onto these). */
export type Source = "cloudtrail" | "vpc-flow" | "route53-resolver" | "runtime";

/** The kind of identity behind an activity. */
export type ActorType = "IAMUser" | "AssumedRole" | "Root" | "FederatedUser" | "WebIdentityUser" | "AWSService" | "Anonymous" | "Instance" | "Unknown";

/** One record, normalised. */
export interface Activity {
  /** The record's id as truth and findings name it: CloudTrail `eventID`, runtime `metadata.uid`, composed flow/resolver ids. */
  id: string;
  source: Source;
  /** Event time, ms since the epoch. */
  time: number;
  /** The account where it happened (CloudTrail `recipientAccountId`; the instance's account for host sources). */
  account: string;
  region: string;
  /**
   * Who acted, as a stable key: the IAM user ARN, the role ARN for assumed-role sessions (all
   * sessions of a role are one actor), the federated user ARN, `root:<account>`, the service
   * principal (`ec2.amazonaws.com`), `anonymous`, or the instance id for host sources.
   */
  actor: string;
  actorType: ActorType;
  /** The account that owns the identity (differs from `account` when it acts across accounts). */
  actorAccount: string;
  /** Role session name or federated user name. */
  session?: string;
  /**
   * For a federated user: the actor key of whoever minted its credentials with
   * `sts:GetFederationToken` (CloudTrail `sessionContext.sessionIssuer`): the IAM user's ARN, or
   * `root:<account>`.
   */
  issuer?: string;
  accessKeyId?: string;
  /** `service:Event` for CloudTrail (`iam:CreateUser`); for other sources see ingest's docs (`flow:ACCEPT`, `dns:query`, `process:start`, ...). */
  action: string;
  /** CloudTrail `sourceIPAddress` when it is a network address; absent when an AWS service called on the caller's behalf (`cloudformation.amazonaws.com`). */
  sourceIp?: string;
  userAgent?: string;
  /** User-agent family (`aws-cli`, `boto3`, `console`, `terraform`, `kali`, ...). */
  agentFamily?: string;
  /** CloudTrail `errorCode`, flow `REJECT`, DNS `NXDOMAIN`. */
  error?: string;
  readOnly: boolean;
  /** Console session (`sessionCredentialFromConsole` or a `signin` event). */
  console?: boolean;
  /** MFA used for the session (`sessionContext.attributes.mfaAuthenticated`, ConsoleLogin `MFAUsed`). */
  mfa?: boolean;
  /** Resources named: bucket names, instance ids, IAM user/role names, secret and key ARNs, trail names. */
  resources: string[];
  /** Bytes out of the resource or host (S3 `bytesTransferredOut`, flow bytes out). */
  bytes?: number;
  /** CloudTrail `requestParameters` (as given) of calls whose parameters signals inspect. */
  request?: Record<string, unknown>;
  /** CloudTrail `responseElements` (as given), e.g. the key an `AssumeRole` issued. */
  response?: Record<string, unknown>;
  /** Host sources: the other end and what ran. */
  host?: { instanceId: string; domain?: string; answers?: string[]; dstIp?: string; dstPort?: number; protocol?: string; cmdLine?: string; process?: string; path?: string };
}
