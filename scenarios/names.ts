/**
 * Names both benign actors and attackers give to what they create, from one place, so that a
 * name's shape is never a label: admins create `support` and `svc-…` users too, developers try
 * the same Bedrock models as LLM hijackers, applications own `alerts` topics, pipelines name
 * their sessions `deploy`, developers keep `<handle>-files` sandboxes.
 */

/** Draws a name needs. */
interface NameRng {
  pick<T>(items: readonly T[]): T;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  hex(n: number): string;
}

/** A service or helper user name: `svc-1a2b3`, `support`, `devops-4f1`… */
export function serviceUserName(rng: NameRng): string {
  const base = rng.pick(["svc", "support", "aws-admin", "ses-user", "devops", "backup-svc", "ci-bot", "deploy", "monitoring"]);
  return base === "svc" || rng.chance(0.5) ? `${base}-${rng.hex(base === "svc" ? 5 : 3)}` : base;
}

/** An SNS topic name: `alerts`, `orders-9c1e`… */
export function topicName(rng: NameRng): string {
  return rng.pick(["notifications", "alerts", "updates", "verify", "orders", "billing", "deployments"]) + (rng.chance(0.5) ? `-${rng.hex(4)}` : "");
}

/** A replication role: the S3 console's `s3crr_role_for_<bucket>`, or what a script calls it. */
export function replicationRoleName(rng: NameRng, bucketName: string): string {
  return rng.pick([`s3crr_role_for_${bucketName}`, "s3-replication-role", `replication-${rng.hex(4)}`, "S3BackupReplication"]);
}

/** A role someone creates for a service (`svc-1a2b3c`) or for replicating `bucketName`. */
export function serviceRoleName(rng: NameRng, bucketName: string): string {
  return rng.chance(0.5) ? `svc-${rng.hex(6)}` : replicationRoleName(rng, bucketName);
}

/** An inline policy's name: `inline`, `default`, `s3-crr-policy`… */
export function inlinePolicyName(rng: NameRng): string {
  return rng.pick(["inline", "default", "access", "replication", "s3-crr-policy"]);
}

/** The session name a script gives when it assumes a role itself. */
export function scriptSessionName(rng: NameRng): string {
  return rng.pick(["deploy", "admin", "session", "release", "pipeline"]);
}

const PERSONAL_BUCKET_STYLES: readonly ((rng: NameRng, handle: string) => string)[] = [
  (_, handle) => `${handle}-files`,
  (rng, handle) => `${handle}-backup-${rng.hex(4)}`,
  (rng) => `my-archive-${rng.hex(6)}`,
  (_, handle) => `${handle}-personal`,
];

/**
 * A bucket a person keeps for themself, from their handle (`jane-doe3`): `jane-doe3-files`,
 * `my-archive-1a2b3c`…; `style` picks one of the ways people name them (any index; default random).
 */
export function personalBucketName(rng: NameRng, handle: string, style = rng.int(0, PERSONAL_BUCKET_STYLES.length - 1)): string {
  return PERSONAL_BUCKET_STYLES[style % PERSONAL_BUCKET_STYLES.length]!(rng, handle);
}

/** Bedrock foundation models in general availability, as `modelId`s. */
export const BEDROCK_MODELS: readonly string[] = [
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-sonnet-20240229-v1:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-opus-20240229-v1:0",
  "anthropic.claude-v2:1",
  "anthropic.claude-instant-v1",
  "amazon.titan-text-express-v1",
  "meta.llama3-8b-instruct-v1:0",
  "meta.llama3-70b-instruct-v1:0",
  "mistral.mistral-7b-instruct-v0:2",
  "mistral.mistral-large-2402-v1:0",
];
