import { defineSignal } from "../define.ts";
import { attackIndicators, failed, field, indicator } from "../helpers.ts";
import { PUBLIC_ACCESS_BLOCK_CHANGES } from "../../s3-access.ts";

const FLAGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

/** A bucket's (or the account's) S3 Block Public Access removed or switched off. */
export default defineSignal({
  id: "bucket-block-public-access-disabled",
  type: "Policy:S3/BucketBlockPublicAccessDisabled",
  types: ["Policy:S3/AccountBlockPublicAccessDisabled"],
  foundational: true,
  sources: ["cloudtrail"],
  actions: [...PUBLIC_ACCESS_BLOCK_CHANGES],
  severity: 2,
  tactic: "TA0010",
  technique: "T1537",
  observe(a) {
    if (failed(a)) return undefined;
    const account = a.action.includes("Account");
    let off: string[] = FLAGS;
    if (a.action.includes("Put")) {
      const config = field(a.request, "PublicAccessBlockConfiguration") ?? field(a.request, "publicAccessBlockConfiguration") ?? {};
      off = FLAGS.filter((f) => field(config, f) === false || field(config, f) === "false");
      if (off.length === 0) return undefined;
    }
    const target = account ? `account ${a.account}` : `bucket ${a.resources[0] ?? String(field(a.request, "bucketName") ?? "?")}`;
    return {
      type: account ? "Policy:S3/AccountBlockPublicAccessDisabled" : "Policy:S3/BucketBlockPublicAccessDisabled",
      indicators: [indicator("HIGH_RISK_API", [a.action]), indicator("MISCONFIGURATION", off), ...attackIndicators("TA0010", "T1537")],
      evidence: `${a.actor} called ${a.action} on ${target}, turning off ${off.join(", ")}.`,
    };
  },
});
