import { describe, expect, it } from "vitest";
import marker from "./high-risk-api.ts";
import { highRiskReason } from "./high-risk-apis.ts";
import { ACCOUNT, IP, OTHER_ACCOUNT, USER, activity, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context();
const write = { readOnly: false };

describe("high-risk-api", () => {
  it("fires on StopLogging and an admin policy attachment, naming the APIs", () => {
    const c = candidate([
      signal({ activity: { ...write, action: "cloudtrail:StopLogging", resources: ["org-trail"] } }),
      signal({ activity: { ...write, action: "iam:AttachUserPolicy", request: { userName: "bob", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } } }),
    ]);
    const f = marker.evaluate(c, ctx)!;
    expect(f.indicators[0]).toMatchObject({ key: "HIGH_RISK_API", values: ["cloudtrail:StopLogging", "iam:AttachUserPolicy"] });
    expect(f.evidence).toContain("iam:AttachUserPolicy AdministratorAccess");
    expect(f.weight).toBe(3);
  });

  it("does not count a kind the actor made in history when made again from its own network and tool, and counts it from elsewhere", () => {
    const admin = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40, "agent:aws-cli": 40, "api:s3:DeleteBucketPublicAccessBlock": 2 }, activeDays: 9 }] }) });
    const unblock = (sourceIp: string) => signal({ activity: { ...write, action: "s3:DeleteBucketPublicAccessBlock", sourceIp, agentFamily: "aws-cli", resources: ["assets"] } });
    const trail = signal({ activity: { ...write, action: "cloudtrail:StopLogging", sourceIp: IP.home, agentFamily: "aws-cli", resources: ["org-trail"] } });
    expect(marker.evaluate(candidate([unblock(IP.home)]), admin)).toBeUndefined();
    const f = marker.evaluate(candidate([unblock(IP.home), trail]), admin)!;
    expect(f.weight).toBe(2);
    expect(f.evidence).toBe("1 kind of high-risk call succeeded: cloudtrail:StopLogging; not counted, the actor's routine from its own origin: s3:DeleteBucketPublicAccessBlock");
    expect(marker.evaluate(candidate([unblock(IP.vps)]), admin)!.weight).toBe(2);
  });

  it("does not fire on denied attempts or on harmless variants of risky APIs", () => {
    const c = candidate([
      signal({ activity: { ...write, action: "cloudtrail:StopLogging", error: "AccessDenied" } }),
      signal({ activity: { ...write, action: "iam:AttachUserPolicy", request: { policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } } }),
      signal({ activity: { ...write, action: "guardduty:UpdateDetector", request: { enable: true } } }),
      signal({ activity: { ...write, action: "iam:CreateAccessKey", request: { userName: "alice" } } }),
    ]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("judges parameters: keys for another user, public policies, foreign trust and replication", () => {
    expect(highRiskReason(activity({ ...write, action: "iam:CreateAccessKey", request: { userName: "bob" } }))).toBe("iam:CreateAccessKey for bob");
    // An Identity Center user giving their own IAM user a key or a console password is self-service.
    const sso = { actor: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef`, actorType: "AssumedRole" as const, session: "dana@example.com" };
    expect(highRiskReason(activity({ ...write, ...sso, action: "iam:CreateLoginProfile", request: { userName: "dana@example.com" } }))).toBeUndefined();
    expect(highRiskReason(activity({ ...write, ...sso, action: "iam:CreateLoginProfile", request: { userName: "bob" } }))).toBe("iam:CreateLoginProfile for bob");
    // Any other role's session name is the caller's choice: it proves nobody.
    expect(highRiskReason(activity({ ...write, ...sso, actor: `arn:aws:iam::${ACCOUNT}:role/deployer`, action: "iam:CreateAccessKey", request: { userName: "dana@example.com" } }))).toBe("iam:CreateAccessKey for dana@example.com");
    expect(highRiskReason(activity({ ...write, action: "s3:PutBucketPolicy", request: { bucketPolicy: { Statement: [{ Effect: "Allow", Principal: "*" }] } } }))).toBe("s3:PutBucketPolicy public");
    expect(highRiskReason(activity({ ...write, action: "s3:PutBucketPolicy", request: { bucketPolicy: { Statement: [{ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }] } } }))).toBeUndefined();
    const trust = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] });
    expect(highRiskReason(activity({ ...write, action: "iam:UpdateAssumeRolePolicy", request: { roleName: "r", policyDocument: trust } }))).toBe(`iam:UpdateAssumeRolePolicy trusting ${OTHER_ACCOUNT}`);
    const replication = { ReplicationConfiguration: { Rule: { Destination: { Bucket: "arn:aws:s3:::x", Account: OTHER_ACCOUNT } } } };
    expect(highRiskReason(activity({ ...write, action: "s3:PutBucketReplication", request: replication }))).toBe(`s3:PutBucketReplication to account ${OTHER_ACCOUNT}`);
    expect(highRiskReason(activity({ ...write, action: "iam:PutUserPolicy", request: { policyDocument: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' } }))).toBe("iam:PutUserPolicy Action:*");
    expect(highRiskReason(activity({ ...write, action: "guardduty:UpdateDetector", request: { enable: false } }))).toBe("guardduty:UpdateDetector enable=false");
  });
});
