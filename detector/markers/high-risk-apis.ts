/**
 * The high-risk API catalogue: successful calls that switch off defences, grant or mint
 * credentials, open data to the world or to another account, or destroy data in bulk. Shared by
 * the high-risk marker and the dampeners (a routine never includes these).
 */
import type { Activity } from "../activity.ts";
import { isCallerUser } from "../peers.ts";
import { shortName } from "./calls.ts";

// Calls risky whatever their parameters.
const ALWAYS = new Set([
  "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount",
  "guardduty:DisassociateFromAdministratorAccount", "guardduty:DeleteMembers", "guardduty:CreateIPSet", "config:StopConfigurationRecorder",
  "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "ec2:DeleteFlowLogs", "securityhub:DisableSecurityHub",
  "s3:DeleteObjects", "s3:DeleteBucketPublicAccessBlock", "ec2:GetPasswordData",
  "sts:GetFederationToken", "iam:DeactivateMFADevice", "iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
  "organizations:LeaveOrganization", "kms:ScheduleKeyDeletion", "bedrock:DeleteModelInvocationLoggingConfiguration",
  "ses:UpdateAccountSendingEnabled", "ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute", "rds:ModifyDBSnapshotAttribute",
]);

const ADMIN_POLICY = /AdministratorAccess|IAMFullAccess|PowerUserAccess/;
// `"Action":"*"` or `"Action":["*"]` in a policy document: full rights.
const WILDCARD_ACTION = /"Action"\s*:\s*(\[\s*)?"\*"/;
// A public principal in a bucket or trust policy.
const PUBLIC_PRINCIPAL = /"Principal"\s*:\s*("\*"|\{\s*"AWS"\s*:\s*(\[\s*)?"\*")/;
const ACCOUNT_ID = /\b\d{12}\b/g;
const REPLICA_ACCOUNT = /"Account":"(\d{12})"/;

function text(v: unknown): string {
  return typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v);
}

/**
 * Why a call is high-risk (`iam:AttachUserPolicy AdministratorAccess`), or undefined. Only
 * successful CloudTrail calls count: a denied attempt changed nothing.
 */
export function highRiskReason(a: Activity): string | undefined {
  if (a.source !== "cloudtrail" || a.error !== undefined) return undefined;
  const action = a.action;
  if (ALWAYS.has(action)) return action;
  const req = a.request;
  switch (action) {
    case "guardduty:UpdateDetector":
      return req?.["enable"] === false ? `${action} enable=false` : undefined;
    case "iam:AttachUserPolicy":
    case "iam:AttachRolePolicy":
    case "iam:AttachGroupPolicy": {
      const policy = text(req?.["policyArn"]);
      return ADMIN_POLICY.test(policy) ? `${action} ${shortName(policy)}` : undefined;
    }
    case "iam:PutUserPolicy":
    case "iam:PutRolePolicy":
    case "iam:PutGroupPolicy":
    case "iam:CreatePolicyVersion":
      return WILDCARD_ACTION.test(text(req?.["policyDocument"])) ? `${action} Action:*` : undefined;
    case "iam:CreateAccessKey":
    case "iam:CreateLoginProfile":
    case "iam:UpdateLoginProfile": {
      const target = text(req?.["userName"]);
      return target && !isCallerUser(a, target) ? `${action} for ${target}` : undefined;
    }
    case "iam:UpdateAssumeRolePolicy": {
      const doc = text(req?.["policyDocument"]);
      if (!doc) return action;
      if (PUBLIC_PRINCIPAL.test(doc)) return `${action} public principal`;
      const foreign = (doc.match(ACCOUNT_ID) ?? []).find((id) => id !== a.account);
      return foreign ? `${action} trusting ${foreign}` : undefined;
    }
    case "s3:PutBucketPolicy":
      return PUBLIC_PRINCIPAL.test(text(req?.["bucketPolicy"] ?? req?.["policy"])) ? `${action} public` : undefined;
    case "s3:PutBucketReplication": {
      // Replication into a bucket of another account (AWS's `Destination.Account`) takes the data out of reach.
      const foreign = (text(req?.["ReplicationConfiguration"]).match(REPLICA_ACCOUNT) ?? [])[1];
      return foreign && foreign !== a.account ? `${action} to account ${foreign}` : undefined;
    }
    case "s3:PutBucketAcl":
      return /public-read|AllUsers/.test(text(req)) ? `${action} public` : undefined;
    default:
      return undefined;
  }
}
