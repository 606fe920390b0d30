import { describe, expect, it } from "vitest";
import { accountOfArn, isDataRead, isDenied, isDestructive, isDiscoveryCall, shortName } from "./calls.ts";
import { bytesText, listOf } from "./evidence.ts";
import { activity } from "./testing.ts";

describe("call judgements", () => {
  it("tells discovery from data reads and changes", () => {
    expect(isDiscoveryCall(activity({ action: "iam:ListUsers" }))).toBe(true);
    expect(isDiscoveryCall(activity({ action: "s3:GetObject" }))).toBe(false);
    expect(isDiscoveryCall(activity({ action: "iam:CreateUser", readOnly: false }))).toBe(false);
    expect(isDataRead("secretsmanager:GetSecretValue")).toBe(true);
  });

  it("knows refusals and destruction, including SSE-C re-encryption", () => {
    expect(isDenied(activity({ error: "AccessDenied" }))).toBe(true);
    expect(isDenied(activity({ error: "NoSuchBucket" }))).toBe(false);
    expect(isDestructive(activity({ action: "s3:DeleteObjects", readOnly: false }))).toBe(true);
    expect(isDestructive(activity({ action: "s3:CopyObject", readOnly: false, request: { "x-amz-server-side-encryption-customer-algorithm": "AES256" } }))).toBe(true);
    expect(isDestructive(activity({ action: "s3:CopyObject", readOnly: false }))).toBe(false);
  });

  it("reads names and accounts out of ARNs", () => {
    expect(shortName("arn:aws:iam::111111111111:user/alice")).toBe("alice");
    expect(accountOfArn("arn:aws:iam::222222222222:role/x")).toBe("222222222222");
    expect(accountOfArn("arn:aws:s3:::bucket")).toBeUndefined();
  });
});

describe("evidence formatting", () => {
  it("shortens long lists and sizes bytes", () => {
    expect(listOf(["a", "b", "c"], 2)).toBe("a, b (+1 more)");
    expect(listOf(["a", "b"], 5, "; ")).toBe("a; b");
    expect(bytesText(999)).toBe("999 B");
    expect(bytesText(5.2e9)).toBe("5.2 GB");
  });
});
