/**
 * The CloudTrail record contract (record schema eventVersion 1.09; older versions share the core).
 *
 * Objects are *loose*: CloudTrail adds fields over time and every service shapes its own
 * `requestParameters`/`responseElements`, so unknown fields pass through untouched. What is
 * required is the core every real record carries; a record without it is not CloudTrail.
 */
import { z } from "zod";

/** ISO 8601 UTC timestamp as CloudTrail writes it: `2026-11-02T09:14:03Z` (fractions allowed). */
export const isoUtc = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/,
    "expected an ISO 8601 UTC timestamp like 2026-11-02T09:14:03Z",
  );

/** `userIdentity.sessionContext`: how a temporary credential was issued. */
export const sessionContextSchema = z.looseObject({
  // Real records carry `"sessionIssuer": {}` for IAM-user and root session credentials.
  sessionIssuer: z
    .looseObject({
      type: z.string().optional(),
      principalId: z.string().optional(),
      arn: z.string().optional(),
      accountId: z.string().optional(),
      userName: z.string().optional(),
    })
    .optional(),
  webIdFederationData: z
    .looseObject({
      federatedProvider: z.string().optional(),
      attributes: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  attributes: z
    .looseObject({
      creationDate: z.string().optional(),
      mfaAuthenticated: z.string().optional(),
    })
    .optional(),
  sourceIdentity: z.string().optional(),
  ec2RoleDelivery: z.string().optional(),
});

/** `userIdentity`: who made the call. `type` is absent only on some AWS service events. */
export const userIdentitySchema = z.looseObject({
  type: z.string().min(1).optional(),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  accessKeyId: z.string().optional(),
  userName: z.string().optional(),
  sessionContext: sessionContextSchema.optional(),
  invokedBy: z.string().nullable().optional(),
  identityProvider: z.string().optional(),
  credentialId: z.string().optional(),
  onBehalfOf: z.looseObject({ userId: z.string().optional(), identityStoreArn: z.string().optional() }).optional(),
});

/** One entry of `resources[]`. */
export const resourceSchema = z.looseObject({
  ARN: z.string().optional(),
  accountId: z.string().optional(),
  type: z.string().optional(),
});

/** `tlsDetails` of calls made over TLS to a service endpoint. */
export const tlsDetailsSchema = z.looseObject({
  tlsVersion: z.string().optional(),
  cipherSuite: z.string().optional(),
  clientProvidedHostHeader: z.string().optional(),
});

/** A CloudTrail record (management, data or service event). */
export const cloudTrailRecordSchema = z.looseObject({
  eventVersion: z.string().regex(/^\d+\.\d+$/, "expected an eventVersion like 1.09"),
  userIdentity: userIdentitySchema,
  eventTime: isoUtc,
  eventSource: z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/, "expected a service endpoint like iam.amazonaws.com"),
  eventName: z.string().min(1),
  awsRegion: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "expected a region like us-east-1"),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
  responseElements: z.union([z.record(z.string(), z.unknown()), z.string(), z.boolean()]).nullable().optional(),
  additionalEventData: z.record(z.string(), z.unknown()).optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestID: z.string().optional(),
  eventID: z.string().min(1),
  readOnly: z.boolean().optional(),
  resources: z.array(resourceSchema).nullable().optional(),
  eventType: z.enum(["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsCloudTrailInsight", "AwsVpceEvent"]),
  apiVersion: z.string().optional(),
  managementEvent: z.boolean().optional(),
  recipientAccountId: z.string().optional(),
  sharedEventID: z.string().optional(),
  vpcEndpointId: z.string().optional(),
  vpcEndpointAccountId: z.string().optional(),
  serviceEventDetails: z.unknown().optional(),
  eventCategory: z.enum(["Management", "Data", "Insight", "NetworkActivity"]).optional(),
  tlsDetails: tlsDetailsSchema.optional(),
  sessionCredentialFromConsole: z.string().optional(),
}).refine((r) => r.userIdentity.type !== undefined || r.eventType === "AwsServiceEvent", {
  path: ["userIdentity", "type"],
  message: "userIdentity.type is required (only AwsServiceEvent records may omit it)",
});

/** A CloudTrail record as validated by {@link cloudTrailRecordSchema}. */
export type CloudTrailRecord = z.infer<typeof cloudTrailRecordSchema>;

/** A CloudTrail log file as delivered to S3. */
export const cloudTrailFileSchema = z.object({ Records: z.array(z.unknown()) });

const CORE_FIELDS = new Set(["eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "eventID", "eventType"]);

/** The first problem of a record that fails the schema, as `path: message` text. */
export function describeCloudTrailProblem(record: unknown): string | undefined {
  const result = cloudTrailRecordSchema.safeParse(record);
  if (result.success) return undefined;
  // Report a departing core field before any problem in a field we merely model.
  const issue =
    result.error.issues.find((i) => CORE_FIELDS.has(i.path.join("."))) ??
    result.error.issues.find((i) => i.path.join(".") === "userIdentity.type") ??
    result.error.issues[0]!;
  const path = issue.path.join(".") || "(record)";
  return `${path}: ${issue.message}`;
}
