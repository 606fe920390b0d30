/** Test support: minimal valid findings, and the oracle that builds findings straight from truth. */
import type { Campaign, Truth } from "../schema/truth.ts";
import { findingSchema, type Finding } from "../schema/finding.ts";

/** What a test pins; the rest of the GuardDuty finding is filled in validly. */
export interface FindingSpec {
  id: string;
  eventIds: string[];
  detectedAt: string;
  score?: number;
  threshold?: number;
  type?: string;
  variant?: string;
  accountId?: string;
  /** Ids of foundational findings this sequence lists as signals. */
  foundational?: string[];
}

/** A GuardDuty-shaped finding with a `seqlab` block, validated against the schema. */
export function makeFinding(spec: FindingSpec): Finding {
  const accountId = spec.accountId ?? "111122223333";
  const type = spec.type ?? "AttackSequence:IAM/CompromisedCredentials";
  const at = spec.detectedAt;
  return findingSchema.parse({
    schemaVersion: "2.0",
    id: spec.id,
    arn: `arn:aws:guardduty:us-east-1:${accountId}:detector/0123456789abcdef0123456789abcdef/finding/${spec.id}`,
    accountId,
    region: "us-east-1",
    partition: "aws",
    type,
    title: `Test finding ${spec.id}`,
    description: "built by a test",
    severity: 8,
    createdAt: at,
    updatedAt: at,
    resource: { resourceType: type.startsWith("AttackSequence:") ? "AttackSequence" : "AccessKey" },
    service: {
      serviceName: "guardduty",
      detectorId: "0123456789abcdef0123456789abcdef",
      count: 1,
      eventFirstSeen: at,
      eventLastSeen: at,
      ...(spec.foundational && {
        detection: {
          sequence: {
            uid: `seq-${spec.id}`,
            description: "test sequence",
            signals: spec.foundational.map((uid) => ({ uid, type: "FINDING", name: "Discovery:IAMUser/AnomalousBehavior", createdAt: at, updatedAt: at, firstSeenAt: at, lastSeenAt: at, count: 1 })),
          },
        },
      }),
    },
    seqlab: { variant: spec.variant ?? "test", score: spec.score ?? 1, threshold: spec.threshold ?? 0.5, detectedAt: at, eventIds: spec.eventIds, markers: [] },
  });
}

/**
 * The oracle: one finding per campaign of the given kind, holding all its events, detected at the
 * campaign's end with its expected sequence type. A correct harness scores it perfectly.
 */
export function oracleFindings(truth: Truth, kind: Campaign["kind"] = "attack"): Finding[] {
  return truth.campaigns
    .filter((c) => c.kind === kind)
    .map((c) =>
      makeFinding({
        id: `oracle-${c.id}`,
        eventIds: c.stages.flatMap((s) => s.eventIds),
        detectedAt: c.end,
        type: c.expectedSequenceType ?? "AttackSequence:IAM/CompromisedCredentials",
        accountId: c.accounts[0]!,
        variant: "oracle",
      }),
    );
}
