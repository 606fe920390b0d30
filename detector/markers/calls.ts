/**
 * What API calls mean to markers: their service and event, whether they were denied, read data,
 * looked around (discovery) or destroyed something. Shared so markers agree on the words.
 */
import type { Activity } from "../activity.ts";
import type { Signal } from "../signal.ts";

/** `s3` of `s3:GetObject`. */
export function serviceOf(action: string): string {
  const i = action.indexOf(":");
  return i < 0 ? action : action.slice(0, i);
}

/** `GetObject` of `s3:GetObject`. */
export function eventOf(action: string): string {
  return action.slice(action.indexOf(":") + 1);
}

// Error codes of refused authorisation across services (IAM, EC2, S3, KMS, STS, Organizations).
const DENIED = new Set([
  "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation", "UnauthorizedAccess",
  "AuthorizationError", "AuthorizationErrorException", "Forbidden", "InvalidClientTokenId", "NotAuthorized", "AccessDeniedForDependencyException",
]);

/** Whether the call was refused for lack of permission. */
export function isDenied(a: Activity): boolean {
  return a.error !== undefined && DENIED.has(a.error);
}

/** Whether the call went through (no error). */
export function succeeded(a: Activity): boolean {
  return a.error === undefined;
}

// Calls that hand data (not metadata) to the caller.
const DATA_READS = new Set([
  "s3:GetObject", "s3:CopyObject", "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue", "ssm:GetParameter",
  "ssm:GetParameters", "ssm:GetParametersByPath", "dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:ExportTableToPointInTime",
  "rds:DownloadDBLogFilePortion", "ec2:GetPasswordData", "kms:Decrypt", "athena:GetQueryResults", "logs:FilterLogEvents", "logs:GetLogEvents",
]);

/** Whether the call reads data out of a store. */
export function isDataRead(action: string): boolean {
  return DATA_READS.has(action);
}

/** Whether the call looks around: a read-only List/Describe/Get of metadata (not data). */
export function isDiscoveryCall(a: Activity): boolean {
  if (!a.readOnly || a.source !== "cloudtrail" || isDataRead(a.action)) return false;
  const event = eventOf(a.action);
  return event.startsWith("List") || event.startsWith("Describe") || event.startsWith("Get") || event.startsWith("Search");
}

// Destructive events: gone or unreadable afterwards.
const DESTRUCTIVE_PREFIXES = ["Delete", "Terminate", "ScheduleKeyDeletion", "DisableKey", "PutBucketLifecycle", "PutLifecycleConfiguration", "DeregisterImage"];

/** Whether the call destroys or locks away what it names (S3 SSE-C re-encryption counts: the ransom move). */
export function isDestructive(a: Activity): boolean {
  if (a.source !== "cloudtrail" || a.readOnly) return false;
  const event = eventOf(a.action);
  if (DESTRUCTIVE_PREFIXES.some((p) => event.startsWith(p))) return true;
  return (a.action === "s3:CopyObject" || a.action === "s3:PutObject") && a.request?.["x-amz-server-side-encryption-customer-algorithm"] !== undefined;
}

/** ATT&CK T1537, Transfer Data to Cloud Account: data handed to an account outside the estate. */
export const TRANSFER_TO_CLOUD_ACCOUNT = "T1537";

/** Whether a signal is data leaving for another cloud account. */
export function isTransferOut(s: Pick<Signal, "technique">): boolean {
  return s.technique === TRANSFER_TO_CLOUD_ACCOUNT;
}

/** The last path segment of an ARN or key (`alice` of `arn:aws:iam::1:user/alice`). */
export function shortName(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

/** The account id inside an ARN, or undefined. */
export function accountOfArn(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}
