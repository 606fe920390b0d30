/**
 * A caller's session and the CloudTrail records its calls produce. Benign personas and attack
 * scenarios both act through sessions, so their records are built by the same code and differ
 * only in what they do, from where and with what.
 */
import type { Rng } from "./rng.ts";
import type { SimAccount } from "./world-types.ts";
import { actionName, apiSpec, type ApiSpec, type CallBody } from "./apis.ts";
import { isoSeconds } from "./clock.ts";
import { s3RequestId, requestId } from "./ids.ts";
import { userAgentForCall, type UserAgentHabit } from "./user-agents.ts";

/** A record ready to be filed: where it is delivered and its JSON object. */
export interface EmittedRecord {
  time: number;
  accountId: string;
  region: string;
  eventId: string;
  record: Record<string, unknown>;
}

/** Where records go; the run writer buffers them per output file. */
export type RecordSink = (r: EmittedRecord) => void;

/** Options of one call. */
export interface CallOptions {
  region?: string;
  /** The account that receives the call (defaults to the session's account). */
  account?: SimAccount;
  args?: Record<string, unknown>;
  /** Force an error code (a refused call), or `false` to forbid random errors. */
  error?: string | false;
}

/** Who is calling, from where, with what: fixed for a session. */
export interface SessionOrigin {
  identity: Record<string, unknown>;
  account: SimAccount;
  callerName: string;
  callerArn: string;
  sourceIp: string;
  userAgent: UserAgentHabit | string;
  /** Set for calls an AWS service makes (sourceIPAddress and userAgent become its name). */
  invokedBy?: string;
  fromConsole?: boolean;
  errorRate: number;
}

/** TLS as clients negotiate it: mostly 1.3, older SDKs and tools 1.2. */
const TLS_13 = { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256" } as const;
const TLS_12 = { tlsVersion: "TLSv1.2", cipherSuite: "ECDHE-RSA-AES128-GCM-SHA256" } as const;

/** The error message AWS writes for a code, in the service's own wording. */
function errorMessage(code: string, spec: ApiSpec, origin: SessionOrigin, resource: string, args: Record<string, unknown>): string {
  const action = `${spec.service}:${actionName(spec.eventName)}`;
  const denied = `User: ${origin.callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
  switch (code) {
    case "AccessDenied":
      return spec.service === "s3" ? "Access Denied" : denied;
    case "AccessDeniedException":
      return denied;
    case "Client.UnauthorizedOperation":
      return `You are not authorized to perform this operation. ${denied}`;
    case "Throttling":
    case "ThrottlingException":
      return "Rate exceeded";
    case "Client.RequestLimitExceeded":
      return "Request limit exceeded.";
    case "SlowDown":
      return "Please reduce your request rate.";
    case "NoSuchEntity":
      return `The user with name ${String(args.userName ?? origin.callerName)} cannot be found.`;
    case "EntityAlreadyExists":
      return `User with name ${String(args.userName ?? "")} already exists.`;
    case "LimitExceeded":
      return "Cannot exceed quota for AccessKeysPerUser: 2";
    case "NoSuchBucketPolicy":
      return "The bucket policy does not exist";
    case "VcpuLimitExceeded":
      return "You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.";
    case "InsufficientInstanceCapacity":
      return "We currently do not have sufficient capacity in the Availability Zone you requested.";
    case "ResourceNotFoundException":
      return "Secrets Manager can't find the specified secret.";
    default:
      return code;
  }
}

/** The host name a client sent, as `tlsDetails.clientProvidedHostHeader` records it. */
function hostHeader(spec: ApiSpec, region: string, body: CallBody): string {
  if (spec.service === "signin") return "signin.aws.amazon.com";
  if (spec.service === "s3") {
    const bucket = body.requestParameters?.bucketName as string | undefined;
    return bucket ? `${bucket}.s3.${region}.amazonaws.com` : "s3.amazonaws.com";
  }
  // Some services answer on endpoints named otherwise than their event source.
  const host = spec.service === "ses" ? "email" : spec.service === "bedrock" && spec.eventName.startsWith("InvokeModel") ? "bedrock-runtime" : spec.service;
  return spec.global ? `${host}.amazonaws.com` : `${host}.${region}.amazonaws.com`;
}

/** A session: make calls at given times; each produces one record in the sink. */
export class Session {
  constructor(
    readonly origin: SessionOrigin,
    private readonly rng: Rng,
    private readonly sink: RecordSink,
  ) {}

  /** Make one call at `time`; returns the record's eventID and the built body. */
  call(apiKey: string, time: number, opts: CallOptions = {}): { eventId: string; body: CallBody } {
    const spec = apiSpec(apiKey);
    const account = opts.account ?? this.origin.account;
    const rng = this.rng;
    const requested = spec.global ? "us-east-1" : (opts.region ?? account.homeRegion);
    const body = spec.build({ rng, account, region: requested, time, callerName: this.origin.callerName, args: opts.args ?? {} });
    // A bucket's calls are logged in the bucket's region, wherever the caller is.
    const region = body.region ?? requested;
    let errorCode: string | undefined;
    let errorText: string | undefined;
    if (typeof opts.error === "string") errorCode = opts.error;
    else if (body.error) [errorCode, errorText] = [body.error.code, body.error.message];
    else if (opts.error !== false && this.origin.errorRate > 0 && rng.chance(this.origin.errorRate)) {
      errorCode = rng.weighted(spec.errors, spec.errors.map((_, i) => 1 / (i + 1) ** 2));
    }
    if (errorCode !== undefined && errorText === undefined) {
      errorText = errorMessage(errorCode, spec, this.origin, `arn:aws:${spec.service}::${account.id}:*`, opts.args ?? {});
    }
    const eventId = rng.uuid();
    const service = this.origin.invokedBy;
    const record: Record<string, unknown> = {
      eventVersion: spec.dataEvent ? "1.10" : "1.09",
      userIdentity: this.origin.identity,
      eventTime: isoSeconds(time),
      eventSource: spec.eventSource,
      eventName: spec.eventName,
      awsRegion: region,
      sourceIPAddress: service ?? this.origin.sourceIp,
      userAgent:
        service ?? (typeof this.origin.userAgent === "string" ? this.origin.userAgent : userAgentForCall(this.origin.userAgent, spec.service, spec.eventName)),
    };
    if (errorCode !== undefined) {
      if (errorCode !== "") record.errorCode = errorCode;
      record.errorMessage = errorText;
    }
    record.requestParameters = body.requestParameters;
    record.responseElements = errorCode !== undefined && spec.eventType === "AwsApiCall" ? null : body.responseElements;
    if (body.additionalEventData) {
      let extra = body.additionalEventData;
      // A refused S3 call moves no data; an anonymous one carries no signature.
      if (errorCode !== undefined && "bytesTransferredOut" in extra) extra = { ...extra, bytesTransferredOut: 0 };
      if (this.origin.callerArn === "anonymous") {
        const { SignatureVersion: _signature, AuthenticationMethod: _method, ...unsigned } = extra;
        extra = unsigned;
      }
      record.additionalEventData = extra;
    }
    record.requestID = spec.service === "s3" ? s3RequestId(rng) : requestId(rng);
    record.eventID = eventId;
    record.readOnly = spec.readOnly;
    if (body.resources) record.resources = body.resources;
    record.eventType = spec.eventType;
    record.managementEvent = !spec.dataEvent;
    record.recipientAccountId = account.id;
    record.eventCategory = spec.dataEvent ? "Data" : "Management";
    if (!service) record.tlsDetails = { ...(typeof this.origin.userAgent !== "string" && this.origin.userAgent.tls12 ? TLS_12 : TLS_13), clientProvidedHostHeader: hostHeader(spec, region, body) };
    if (this.origin.fromConsole) record.sessionCredentialFromConsole = "true";
    this.sink({ time, accountId: account.id, region, eventId, record });
    return { eventId, body };
  }
}
