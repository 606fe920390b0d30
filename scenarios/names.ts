/**
 * Names both benign actors and attackers give to what they create, from one place, so that a
 * name's shape is never a label: admins create `support` and `svc-…` users too, developers try
 * the same Bedrock models as LLM hijackers, applications own `alerts` topics.
 */

/** Draws a name needs. */
interface NameRng {
  pick<T>(items: readonly T[]): T;
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
