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

const accountId = z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id");

/** `userIdentity.sessionContext`: how a temporary credential was issued. */
export const sessionContextSchema = z.looseObject({
  sessionIssuer: z
    .looseObject({
      type: z.string(),
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

/** `userIdentity`: who made the call. */
export const userIdentitySchema = z.looseObject({
  type: z.string().min(1),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  accessKeyId: z.string().optional(),
  userName: z.string().optional(),
  sessionContext: sessionContextSchema.optional(),
  invokedBy: z.string().optional(),
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
  awsRegion: z.string().min(1),
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
  resources: z.array(resourceSchema).optional(),
  eventType: z.string().min(1),
  apiVersion: z.string().optional(),
  managementEvent: z.boolean().optional(),
  recipientAccountId: accountId.optional(),
  sharedEventID: z.string().optional(),
  vpcEndpointId: z.string().optional(),
  vpcEndpointAccountId: z.string().optional(),
  serviceEventDetails: z.unknown().optional(),
  eventCategory: z.string().optional(),
  tlsDetails: tlsDetailsSchema.optional(),
  sessionCredentialFromConsole: z.string().optional(),
});

/** A CloudTrail record as validated by {@link cloudTrailRecordSchema}. */
export type CloudTrailRecord = z.infer<typeof cloudTrailRecordSchema>;

/** A CloudTrail log file as delivered to S3. */
export const cloudTrailFileSchema = z.object({ Records: z.array(z.unknown()) });

/** The first problem of a record that fails the schema, as `path: message` text. */
export function describeCloudTrailProblem(record: unknown): string | undefined {
  const result = cloudTrailRecordSchema.safeParse(record);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const path = issue.path.join(".") || "(record)";
  return `${path}: ${issue.message}`;
}
