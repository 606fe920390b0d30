/**
 * AWS-shaped identifiers drawn from seeded streams: account ids, IAM unique ids
 * (AIDA…/AROA…), access keys (AKIA… long-term, ASIA… temporary), resource ids.
 */
import type { Rng } from "./rng.ts";

const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A 12-digit account id. */
export function accountId(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.chars(11, "0123456789");
}

/**
 * An IAM id with its real prefix and length: unique ids of users and roles (AIDA…, AROA…) have 21
 * characters, access key ids (AKIA… long-term, ASIA… temporary) 20.
 */
export function iamId(prefix: "AIDA" | "AROA" | "AKIA" | "ASIA", rng: Rng): string {
  return prefix + rng.chars(prefix === "AIDA" || prefix === "AROA" ? 17 : 16, UPPER_DIGITS);
}

/** A 40-character secret-like token (never a real secret). */
export function secretToken(rng: Rng, length = 40): string {
  return rng.chars(length, BASE62 + "/+");
}

/** An EC2-style resource id (`i-`, `vpc-`, `subnet-`, `sg-`, `ami-`, `snap-` …) with 17 hex digits. */
export function ec2Id(prefix: string, rng: Rng): string {
  return `${prefix}-0${rng.hex(16)}`;
}

/** A request id as most AWS services return it (uuid form). */
export function requestId(rng: Rng): string {
  return rng.uuid();
}

/** An S3 request id: 16 upper-case hex characters. */
export function s3RequestId(rng: Rng): string {
  return rng.hex(16).toUpperCase();
}
