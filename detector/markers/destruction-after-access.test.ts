import { describe, expect, it } from "vitest";
import marker from "./destruction-after-access.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();
const get = (minute: number, bucket: string) => signal({ minute, tactic: "TA0009", activity: { action: "s3:GetObject", resources: [bucket] } });
const del = (minute: number, bucket: string, over = {}) => signal({ minute, tactic: "TA0040", activity: { action: "s3:DeleteObjects", readOnly: false, resources: [bucket], ...over } });

describe("destruction-after-access", () => {
  it("fires when a bucket read is later deleted, naming the bucket and the call", () => {
    const f = marker.evaluate(candidate([get(0, "finance-archive"), del(40, "finance-archive")]), ctx)!;
    expect(f.evidence).toBe("finance-archive read, then hit by s3:DeleteObjects");
    expect(f.indicators[1]).toEqual({ key: "SENSITIVE_DATA", values: ["finance-archive"], title: expect.any(String) });
  });

  it("counts SSE-C re-encryption as destruction even without an Impact tactic", () => {
    const ransom = signal({ minute: 9, tactic: "TA0005", activity: { action: "s3:CopyObject", readOnly: false, resources: ["finance-archive"], request: { "x-amz-server-side-encryption-customer-algorithm": "AES256" } } });
    expect(marker.evaluate(candidate([get(0, "finance-archive"), ransom]), ctx)!.evidence).toContain("s3:CopyObject");
  });

  it("does not fire on deletes of other resources, deletes before reads, or failed deletes", () => {
    expect(marker.evaluate(candidate([get(0, "finance-archive"), del(5, "tmp-scratch")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([del(0, "finance-archive"), get(5, "finance-archive")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([get(0, "finance-archive"), del(5, "finance-archive", { error: "AccessDenied" })]), ctx)).toBeUndefined();
  });

  it("does not take access settings for reads or destruction: a policy made public, then Block Public Access removed", () => {
    const grant = signal({ minute: 0, tactic: "TA0010", activity: { action: "s3:PutBucketPolicy", readOnly: false, resources: ["app-data"] } });
    const unblock = signal({ minute: 20, tactic: "TA0010", activity: { action: "s3:DeleteBucketPublicAccessBlock", readOnly: false, resources: ["app-data"] } });
    expect(marker.evaluate(candidate([grant, unblock]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([get(0, "app-data"), unblock]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([grant, del(40, "app-data")]), ctx)).toBeUndefined();
  });
});
