/**
 * S3 access settings as CloudTrail names them: who may read a bucket's data (policies, ACLs) and
 * the Block Public Access switches over them, per bucket (`s3:…BucketPublicAccessBlock`) and per
 * account (`…AccountPublicAccessBlock`, logged under s3 or s3-control). Shared by the signal that
 * reports a switch turned off and the dampener that tells a setting from data moving.
 */

/** The calls that set or remove a Block Public Access configuration (bucket or account). */
export const PUBLIC_ACCESS_BLOCK_CHANGES: ReadonlySet<string> = new Set([
  "s3:PutBucketPublicAccessBlock", "s3:DeleteBucketPublicAccessBlock",
  "s3:PutAccountPublicAccessBlock", "s3:DeleteAccountPublicAccessBlock",
  "s3-control:PutAccountPublicAccessBlock", "s3-control:DeleteAccountPublicAccessBlock",
]);
const GRANTS = new Set(["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl"]);

/** Whether the call changes who may read data: a grant (a policy set or removed, an ACL) or a Block Public Access switch. */
export function isAccessSetting(action: string): boolean {
  return GRANTS.has(action) || PUBLIC_ACCESS_BLOCK_CHANGES.has(action);
}
