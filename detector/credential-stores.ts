/**
 * Where an account keeps credentials and which calls hand them out or look them over: Secrets
 * Manager secret values, Parameter Store values read with decryption and EC2 Windows administrator
 * passwords. (RDS IAM authentication tokens are signed on the client and leave no CloudTrail
 * record.) Shared by the credential-access signal and the harvest marker so both mean the same
 * calls.
 */
import type { Activity } from "./activity.ts";

/** A place credentials are read from. */
export type CredentialStore = "Secrets Manager" | "Parameter Store" | "EC2 passwords";

const READS = new Map<string, CredentialStore>([
  ["secretsmanager:GetSecretValue", "Secrets Manager"],
  ["secretsmanager:BatchGetSecretValue", "Secrets Manager"],
  ["ssm:GetParameter", "Parameter Store"],
  ["ssm:GetParameters", "Parameter Store"],
  ["ssm:GetParametersByPath", "Parameter Store"],
  ["ec2:GetPasswordData", "EC2 passwords"],
]);

// One call that hands out a whole store (every secret, every parameter under a path).
const BULK_READS = new Set(["secretsmanager:BatchGetSecretValue", "ssm:GetParametersByPath"]);

// Names and metadata, not values: what an intruder reads first to see what a store holds.
const LOOKS = new Map<string, CredentialStore>([
  ["secretsmanager:ListSecrets", "Secrets Manager"],
  ["secretsmanager:DescribeSecret", "Secrets Manager"],
  ["ssm:DescribeParameters", "Parameter Store"],
]);

/** Every action that can read a credential (Parameter Store ones only count with decryption). */
export const CREDENTIAL_READ_ACTIONS: readonly string[] = [...READS.keys()];

/**
 * The store a call read credentials from, or undefined: Parameter Store reads count only with
 * `withDecryption`, since plain parameters are configuration, not secrets.
 */
export function credentialStoreRead(a: Pick<Activity, "action" | "request">): CredentialStore | undefined {
  const store = READS.get(a.action);
  if (store !== "Parameter Store") return store;
  return a.request?.withDecryption === true ? store : undefined;
}

/** Whether one call read a whole store at once (see {@link credentialStoreRead} for what counts). */
export function isBulkCredentialRead(a: Pick<Activity, "action" | "request">): boolean {
  return BULK_READS.has(a.action) && credentialStoreRead(a) !== undefined;
}

/** The store a call listed or described (names and metadata, not values), or undefined. */
export function credentialStoreLookedOver(action: string): CredentialStore | undefined {
  return LOOKS.get(action);
}
