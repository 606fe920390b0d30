import { describe, expect, it } from "vitest";
import marker from "./collection-then-transfer-out.ts";
import { ACCOUNT, candidate, context, signal } from "./testing.ts";

const ctx = context();
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const collect = (minute: number, bucket: string, over = {}) =>
  signal({ minute, type: "Exfiltration:S3/AnomalousBehavior", tactic: "TA0009", technique: "T1530", activityIds: ["r1", "r2", "r3"], activity: { action: "s3:GetObject", resources: [bucket], ...over } });
const transfer = (minute: number, bucket: string, over = {}) =>
  signal({ minute, type: "Exfiltration:S3/ObjectsCopiedToUnknownBucket", tactic: "TA0010", technique: "T1537", activity: { action: "s3:PutObject", readOnly: false, resources: [bucket], ...over } });

describe("collection-then-transfer-out", () => {
  it("fires when the collector then moves data out, naming both buckets and the gap", () => {
    const f = marker.evaluate(candidate([collect(0, "finance-exports"), transfer(90, "alice-backup-7f3a")]), ctx)!;
    expect(f.evidence).toBe("alice collected from finance-exports (3 reads in its collection signals), then 1.5 h later moved data to alice-backup-7f3a outside the estate (Exfiltration:S3/ObjectsCopiedToUnknownBucket)");
    expect(f.indicators.find((i) => i.key === "ATTACK_TECHNIQUE")!.values).toEqual(["T1530", "T1537"]);
    expect(f.indicators.find((i) => i.key === "SENSITIVE_DATA")!.values).toEqual(["finance-exports", "alice-backup-7f3a"]);
  });

  it("weighs more when the inventory classifies the collected bucket as sensitive, and says so", () => {
    const sensitive = context({ isSensitiveBucket: (b) => b === "finance-exports" });
    const f = marker.evaluate(candidate([collect(0, "finance-exports"), transfer(90, "alice-backup-7f3a")]), sensitive)!;
    expect(f.weight).toBe(6);
    expect(f.evidence).toContain("classified sensitive: finance-exports");
    expect(marker.evaluate(candidate([collect(0, "finance-exports"), transfer(90, "alice-backup-7f3a")]), ctx)!.weight).toBeUndefined();
  });

  it("weighs most when sensitive data was collected in bulk (at least 100 reads), and only then", () => {
    const sensitive = context({ isSensitiveBucket: (b) => b === "finance-exports" });
    const bulk = signal({ minute: 0, type: "Exfiltration:S3/AnomalousBehavior", tactic: "TA0009", technique: "T1530", activityIds: Array.from({ length: 100 }, (_, i) => `r${i}`), activity: { action: "s3:GetObject", resources: ["finance-exports"] } });
    expect(marker.evaluate(candidate([bulk, transfer(90, "alice-backup-7f3a")]), sensitive)!.weight).toBe(8);
    expect(marker.evaluate(candidate([bulk, transfer(90, "alice-backup-7f3a")]), ctx)!.weight).toBeUndefined();
    const bulkElsewhere = signal({ ...bulk, activity: { ...bulk.activity, resources: ["team-share"] } });
    expect(marker.evaluate(candidate([collect(0, "finance-exports"), bulkElsewhere, transfer(90, "alice-backup-7f3a")]), sensitive)!.weight).toBe(6);
  });

  it("does not fire on a transfer alone, a transfer before the collection, another actor's transfer, or one days later", () => {
    expect(marker.evaluate(candidate([transfer(0, "alice-backup-7f3a")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([transfer(0, "alice-backup-7f3a"), collect(30, "finance-exports")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([collect(0, "finance-exports"), transfer(30, "bob-backup", { actor: BOB })]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([collect(0, "finance-exports"), transfer(3 * 24 * 60, "alice-backup-7f3a")]), ctx)).toBeUndefined();
  });

  it("does not fire on collection followed by an exfiltration that stays in the estate", () => {
    const sameAccount = signal({ minute: 30, type: "Exfiltration:S3/AnomalousBehavior", tactic: "TA0010", activity: { action: "s3:GetObject", resources: ["finance-exports"] } });
    expect(marker.evaluate(candidate([collect(0, "finance-exports"), sameAccount]), ctx)).toBeUndefined();
  });
});
