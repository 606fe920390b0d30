/**
 * Findings: GuardDuty finding JSON (camelCase, as GetFindings and EventBridge deliver it) plus the
 * `seqlab` block a detector fills and eval reads. Field names and enums follow the GuardDuty API
 * model (`../shared/realdata/guardduty/sequence_fields.md`). Objects are loose so a real GuardDuty
 * export with more fields still parses; what eval relies on is strict.
 */
import { z } from "zod";
import { isoUtc } from "./cloudtrail.ts";

/** Prefix of the attack-sequence finding types (`AttackSequence:IAM/CompromisedCredentials`, ...). */
export const SEQUENCE_TYPE_PREFIX = "AttackSequence:";

/** Whether a finding type is an attack sequence (else it is a foundational finding). */
export function isSequenceType(type: string): boolean {
  return type.startsWith(SEQUENCE_TYPE_PREFIX);
}

/** GuardDuty's indicator keys; seqlab may add its own, so any upper-case key is accepted. */
export const GUARDDUTY_INDICATOR_KEYS = [
  "SUSPICIOUS_USER_AGENT", "SUSPICIOUS_NETWORK", "MALICIOUS_IP", "TOR_IP", "ATTACK_TACTIC", "HIGH_RISK_API",
  "ATTACK_TECHNIQUE", "UNUSUAL_API_FOR_ACCOUNT", "UNUSUAL_ASN_FOR_ACCOUNT", "UNUSUAL_ASN_FOR_USER",
  "SUSPICIOUS_PROCESS", "MALICIOUS_DOMAIN", "MALICIOUS_PROCESS", "CRYPTOMINING_IP", "CRYPTOMINING_DOMAIN",
  "CRYPTOMINING_PROCESS", "MALICIOUS_FILE", "VULNERABILITY", "MALICIOUS_PACKAGE", "MISCONFIGURATION",
  "REACHABILITY", "SENSITIVE_DATA",
] as const;

/** An indicator: a key, its values and a title. */
export const indicatorSchema = z.looseObject({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "indicator keys are UPPER_SNAKE_CASE like TOR_IP"),
  values: z.array(z.string()).optional(),
  title: z.string().optional(),
});

/** A signal of a sequence: a foundational finding or a batch of activity of one data source. */
export const sequenceSignalSchema = z.looseObject({
  uid: z.string(),
  type: z.enum(["FINDING", "CLOUD_TRAIL", "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "FLOW_LOGS", "DNS_LOGS", "RUNTIME_MONITORING"]),
  name: z.string(),
  description: z.string().optional(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  firstSeenAt: isoUtc,
  lastSeenAt: isoUtc,
  severity: z.number().optional(),
  count: z.number().int().nonnegative(),
  resourceUids: z.array(z.string()).optional(),
  actorIds: z.array(z.string()).optional(),
  endpointIds: z.array(z.string()).optional(),
  signalIndicators: z.array(indicatorSchema).optional(),
});

/** An actor of a sequence: the identity and session behind its signals. */
export const sequenceActorSchema = z.looseObject({
  id: z.string(),
  user: z
    .looseObject({
      name: z.string(),
      uid: z.string(),
      type: z.string(),
      credentialUid: z.string().optional(),
      account: z.looseObject({ uid: z.string(), account: z.string().optional() }).optional(),
    })
    .optional(),
  session: z
    .looseObject({
      uid: z.string().optional(),
      mfaStatus: z.enum(["ENABLED", "DISABLED"]).optional(),
      createdTime: isoUtc.optional(),
      issuer: z.string().optional(),
    })
    .optional(),
  process: z.looseObject({ name: z.string(), path: z.string(), sha256: z.string().optional() }).optional(),
});

/** A resource of a sequence (bucket, instance, access key, ...). */
export const sequenceResourceSchema = z.looseObject({
  uid: z.string(),
  name: z.string().optional(),
  accountId: z.string().optional(),
  resourceType: z.enum([
    "EC2_INSTANCE", "EC2_NETWORK_INTERFACE", "S3_BUCKET", "S3_OBJECT", "ACCESS_KEY", "EKS_CLUSTER", "KUBERNETES_WORKLOAD", "CONTAINER",
    "ECS_CLUSTER", "ECS_TASK", "AUTOSCALING_AUTO_SCALING_GROUP", "IAM_INSTANCE_PROFILE", "CLOUDFORMATION_STACK", "EC2_LAUNCH_TEMPLATE", "EC2_VPC", "EC2_IMAGE",
  ]),
  region: z.string().optional(),
  service: z.string().optional(),
  cloudPartition: z.string().optional(),
  tags: z.array(z.looseObject({ key: z.string(), value: z.string() })).optional(),
  /** Type-specific details (`s3Bucket`, `ec2Instance`, `accessKey`, ...), kept as given. */
  data: z.record(z.string(), z.unknown()).optional(),
});

/** A network endpoint of a sequence (a caller's IP, a C2 domain). */
export const sequenceEndpointSchema = z.looseObject({
  id: z.string(),
  ip: z.string().optional(),
  domain: z.string().optional(),
  port: z.number().int().optional(),
  location: z.looseObject({ city: z.string(), country: z.string(), lat: z.number(), lon: z.number() }).optional(),
  autonomousSystem: z.looseObject({ name: z.string(), number: z.number().int() }).optional(),
  connection: z.looseObject({ direction: z.enum(["INBOUND", "OUTBOUND"]) }).optional(),
});

/** `service.detection.sequence`: the attack sequence an `AttackSequence:*` finding describes. */
export const sequenceSchema = z.looseObject({
  uid: z.string(),
  description: z.string(),
  actors: z.array(sequenceActorSchema).optional(),
  resources: z.array(sequenceResourceSchema).optional(),
  endpoints: z.array(sequenceEndpointSchema).optional(),
  signals: z.array(sequenceSignalSchema),
  sequenceIndicators: z.array(indicatorSchema).optional(),
  additionalSequenceTypes: z.array(z.string()).optional(),
});

/** A marker that fired for a finding: an expert judgement, its weight and the evidence for it. */
export const firedMarkerSchema = z.object({
  id: z.string().min(1),
  weight: z.number().finite(),
  evidence: z.string(),
});

/**
 * The `seqlab` block: what the detector decided and why. Findings below `threshold` are written
 * too (their `score < threshold`), so eval can sweep thresholds and draw curves.
 */
export const seqlabBlockSchema = z.object({
  variant: z.string().min(1),
  score: z.number().finite(),
  threshold: z.number().finite(),
  /** When the detector could first have raised it: the event time at which the score crossed, or the last event's. */
  detectedAt: isoUtc,
  /** Record ids behind the finding: CloudTrail `eventID`s and the other sources' record ids. */
  eventIds: z.array(z.string()),
  markers: z.array(firedMarkerSchema),
});

/** A GuardDuty finding with the `seqlab` block. */
export const findingSchema = z.looseObject({
  schemaVersion: z.string(),
  id: z.string().min(1),
  arn: z.string(),
  accountId: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id"),
  region: z.string(),
  partition: z.string(),
  type: z.string().regex(/^[A-Za-z0-9]+:[A-Za-z0-9]+\/[A-Za-z0-9.!&_-]+$/, "expected a GuardDuty finding type like Discovery:IAMUser/AnomalousBehavior"),
  title: z.string(),
  description: z.string(),
  severity: z.number().min(0).max(10),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  resource: z.looseObject({ resourceType: z.string() }),
  service: z.looseObject({
    serviceName: z.string(),
    detectorId: z.string(),
    archived: z.boolean().optional(),
    count: z.number().int().nonnegative(),
    eventFirstSeen: isoUtc,
    eventLastSeen: isoUtc,
    featureName: z.string().optional(),
    resourceRole: z.string().optional(),
    additionalInfo: z.record(z.string(), z.unknown()).optional(),
    detection: z.looseObject({ sequence: sequenceSchema.optional() }).optional(),
  }),
  seqlab: seqlabBlockSchema,
});

/**
 * What a detector run saw, beside its findings (`findings/<variant>.summary.json`): the wide end of
 * the funnel (records → signals) that findings alone cannot show. Optional for eval.
 */
export const detectionSummarySchema = z.looseObject({
  variant: z.string().min(1),
  records: z.object({ read: z.number().int().nonnegative(), used: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
  signals: z.number().int().nonnegative(),
  signalsByType: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** Finding types inferred from the schemas. */
export type Finding = z.infer<typeof findingSchema>;
export type SeqlabBlock = z.infer<typeof seqlabBlockSchema>;
export type FiredMarker = z.infer<typeof firedMarkerSchema>;
export type Sequence = z.infer<typeof sequenceSchema>;
export type SequenceSignal = z.infer<typeof sequenceSignalSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type DetectionSummary = z.infer<typeof detectionSummarySchema>;
