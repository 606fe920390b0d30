/**
 * CloudTrail record → {@link Activity}. The core fields are checked by hand with the same rules as
 * schema/cloudtrail.ts (the zod schema costs as much as JSON.parse per record); only a record that
 * fails is handed to `describeCloudTrailProblem` for the reason.
 */
import type { Activity, ActorType } from "../activity.ts";
import { describeCloudTrailProblem } from "../../schema/cloudtrail.ts";
import { agentFamily } from "./user-agent.ts";
import { rejection, type Rejection } from "./reject.ts";
import { isObj, type Obj } from "./json-object.ts";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const VERSION = /^\d+\.\d+$/;
const EVENT_SOURCE = /^[a-z0-9.-]+\.amazonaws\.com$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ASSUMED_ROLE_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//;
const EVENT_TYPES = new Set(["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsCloudTrailInsight", "AwsVpceEvent"]);

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Event sources and regions repeat: validate and shorten each distinct one once. */
const serviceOf = new Map<string, string | null>();
const validRegion = new Map<string, boolean>();

function service(eventSource: unknown): string | undefined {
  if (typeof eventSource !== "string") return undefined;
  let s = serviceOf.get(eventSource);
  if (s === undefined) {
    s = EVENT_SOURCE.test(eventSource) ? eventSource.slice(0, -".amazonaws.com".length) : null;
    if (serviceOf.size < 10_000) serviceOf.set(eventSource, s);
  }
  return s ?? undefined;
}

function regionOk(region: unknown): region is string {
  if (typeof region !== "string") return false;
  let ok = validRegion.get(region);
  if (ok === undefined) {
    ok = REGION.test(region);
    if (validRegion.size < 10_000) validRegion.set(region, ok);
  }
  return ok;
}

/** Whether the core every CloudTrail record carries is present and well-formed (schema rules). */
function coreOk(r: Obj): boolean {
  const ui = r.userIdentity;
  return (
    typeof r.eventVersion === "string" && VERSION.test(r.eventVersion) &&
    isObj(ui) && (ui.type === undefined ? r.eventType === "AwsServiceEvent" : typeof ui.type === "string" && ui.type.length > 0) &&
    typeof r.eventTime === "string" && ISO_UTC.test(r.eventTime) &&
    service(r.eventSource) !== undefined &&
    typeof r.eventName === "string" && r.eventName.length > 0 &&
    regionOk(r.awsRegion) &&
    typeof r.eventID === "string" && r.eventID.length > 0 &&
    typeof r.eventType === "string" && EVENT_TYPES.has(r.eventType)
  );
}

/** The role ARN behind an assumed-role session ARN: `arn:aws:sts::A:assumed-role/R/S` → `arn:aws:iam::A:role/R` (role path unknown). */
function roleFromSessionArn(arn: string): string | undefined {
  const m = ASSUMED_ROLE_ARN.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/** `userIdentity.sessionContext.sessionIssuer`: how temporary credentials were obtained (the role, or the user that minted them). */
function sessionIssuerOf(ui: Obj): Obj | undefined {
  const ctx = isObj(ui.sessionContext) ? ui.sessionContext : undefined;
  return ctx && isObj(ctx.sessionIssuer) ? ctx.sessionIssuer : undefined;
}

/**
 * The actor key of whoever minted a federated user's credentials: the IAM user's ARN, or
 * `root:<account>` for the account's root user, as their own calls are keyed.
 */
function federationIssuer(ui: Obj): string | undefined {
  const issuer = sessionIssuerOf(ui);
  const arn = issuer ? str(issuer.arn) : undefined;
  if (issuer?.type === "Root" || arn?.endsWith(":root")) {
    const account = str(issuer!.accountId) ?? str(ui.accountId);
    return account ? `root:${account}` : undefined;
  }
  return arn;
}

/** Who acted: the actor key, its type, the session name and a federated user's issuer (see Activity.actor). */
function actorOf(ui: Obj, eventSource: string): { actor: string; actorType: ActorType; session?: string; issuer?: string } {
  const type = str(ui.type);
  const arn = str(ui.arn);
  switch (type) {
    case "IAMUser":
      return { actor: arn ?? `arn:aws:iam::${str(ui.accountId) ?? ""}:user/${str(ui.userName) ?? str(ui.principalId) ?? ""}`, actorType: "IAMUser" };
    case "AssumedRole": {
      const issuer = sessionIssuerOf(ui);
      const session = arn?.slice(arn.lastIndexOf("/") + 1) ?? str(ui.principalId)?.split(":")[1];
      const actor = (issuer ? str(issuer.arn) : undefined) ?? (arn ? roleFromSessionArn(arn) : undefined) ?? arn ?? str(ui.principalId) ?? "unknown-role";
      return session ? { actor, actorType: "AssumedRole", session } : { actor, actorType: "AssumedRole" };
    }
    case "FederatedUser": {
      const actor = arn ?? str(ui.principalId) ?? "unknown-federated-user";
      const issuer = federationIssuer(ui);
      const session = actor.slice(actor.lastIndexOf("/") + 1);
      return issuer ? { actor, actorType: "FederatedUser", session, issuer } : { actor, actorType: "FederatedUser", session };
    }
    case "Root":
      return { actor: `root:${str(ui.accountId) ?? ""}`, actorType: "Root" };
    case "AWSService":
      return { actor: str(ui.invokedBy) ?? str(ui.principalId) ?? eventSource, actorType: "AWSService" };
    case "WebIdentityUser":
      return { actor: str(ui.principalId) ?? `${str(ui.identityProvider) ?? ""}:${str(ui.userName) ?? ""}`, actorType: "WebIdentityUser" };
    case "AWSAccount":
      if (ui.principalId === "ANONYMOUS_PRINCIPAL" || ui.accountId === "anonymous") return { actor: "anonymous", actorType: "Anonymous" };
      // Another account's principal acting on a shared resource: known only by its account.
      return { actor: str(ui.principalId) || `account:${str(ui.accountId) ?? ""}`, actorType: "Unknown" };
    case undefined:
      // AwsServiceEvent records may carry no identity type: the service itself acted.
      return { actor: str(ui.invokedBy) ?? eventSource, actorType: "AWSService" };
    default:
      return { actor: arn ?? str(ui.principalId) ?? `unknown:${type}`, actorType: "Unknown" };
  }
}

/** requestParameters fields that name a resource worth correlating on. */
const RESOURCE_KEYS = ["bucketName", "instanceId", "userName", "roleName", "secretId", "trailName", "policyArn", "keyId", "functionName", "groupName"] as const;

function pushUnique(list: string[], value: unknown): void {
  if (typeof value === "string" && value.length > 0 && !list.includes(value)) list.push(value);
}

/** Resources named by a call: request fields first, then `resources[].ARN`; small and in a fixed order. */
function resourcesOf(service: string, request: Obj | undefined, resources: unknown): string[] {
  const out: string[] = [];
  if (request) {
    for (const key of RESOURCE_KEYS) pushUnique(out, request[key]);
    if (service === "cloudtrail") pushUnique(out, request.name);
    const ids = request.instanceIds;
    if (Array.isArray(ids)) for (const id of ids) pushUnique(out, id);
    const set = request.instancesSet;
    if (isObj(set) && Array.isArray(set.items)) for (const item of set.items) if (isObj(item)) pushUnique(out, item.instanceId);
  }
  if (Array.isArray(resources)) for (const r of resources) if (isObj(r)) pushUnique(out, r.ARN);
  return out;
}

/** A parsed CloudTrail record as an activity, or why it cannot be one. */
export function cloudTrailActivity(r: unknown): Activity | Rejection {
  if (!isObj(r)) return rejection("not a JSON object", `record is ${Array.isArray(r) ? "an array" : typeof r}, not a JSON object`);
  if (!coreOk(r)) {
    const problem = describeCloudTrailProblem(r) ?? "core field malformed";
    return rejection(`cloudtrail ${problem.split(":")[0]}`, `not a CloudTrail record: ${problem}`);
  }
  const ui = r.userIdentity as Obj;
  const eventSource = r.eventSource as string;
  const svc = service(eventSource)!;
  const eventName = r.eventName as string;
  const { actor, actorType, session, issuer } = actorOf(ui, eventSource);
  const request = isObj(r.requestParameters) ? r.requestParameters : undefined;
  const response = isObj(r.responseElements) ? r.responseElements : undefined;
  const extra = isObj(r.additionalEventData) ? r.additionalEventData : undefined;
  const ctx = isObj(ui.sessionContext) ? ui.sessionContext : undefined;
  const attributes = ctx && isObj(ctx.attributes) ? ctx.attributes : undefined;
  const userAgent = str(r.userAgent);
  const a: Activity = {
    id: r.eventID as string,
    source: "cloudtrail",
    time: Date.parse(r.eventTime as string),
    account: str(r.recipientAccountId) ?? str(ui.accountId) ?? "",
    region: r.awsRegion as string,
    actor,
    actorType,
    actorAccount: str(ui.accountId) ?? str(r.recipientAccountId) ?? "",
    action: `${svc}:${eventName}`,
    readOnly: r.readOnly === true,
    resources: resourcesOf(svc, request, r.resources),
  };
  if (session !== undefined) a.session = session;
  if (issuer !== undefined) a.issuer = issuer;
  const accessKeyId = str(ui.accessKeyId);
  if (accessKeyId) a.accessKeyId = accessKeyId;
  const sourceIp = str(r.sourceIPAddress);
  if (sourceIp && !isServiceAddress(sourceIp)) a.sourceIp = sourceIp;
  if (userAgent) {
    a.userAgent = userAgent;
    a.agentFamily = agentFamily(userAgent);
  }
  const error = str(r.errorCode);
  if (error) a.error = error;
  if (r.sessionCredentialFromConsole === "true" || svc === "signin") a.console = true;
  if (attributes?.mfaAuthenticated === "true" || (eventName === "ConsoleLogin" && extra?.MFAUsed === "Yes")) a.mfa = true;
  else if (attributes?.mfaAuthenticated === "false" || (eventName === "ConsoleLogin" && extra?.MFAUsed === "No")) a.mfa = false;
  if (svc === "s3" && extra && typeof extra.bytesTransferredOut === "number") a.bytes = extra.bytesTransferredOut;
  if (request) a.request = request;
  if (response) a.response = response;
  return a;
}

/**
 * Whether a `sourceIPAddress` names an AWS service rather than a network: `cloudformation.amazonaws.com`
 * when a service calls on the caller's behalf, `AWS Internal`. Such a call has no network origin
 * of its own (the caller's is on the call that started it), so it must not look like a new one.
 */
export function isServiceAddress(sourceIp: string): boolean {
  return sourceIp.endsWith(".amazonaws.com") || sourceIp === "AWS Internal";
}
