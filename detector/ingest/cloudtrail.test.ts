/** CloudTrail record → activity: actor keys per identity type, action, flags, resources, user-agent families. */
import { describe, expect, it } from "vitest";
import type { Activity } from "../activity.ts";
import { cloudTrailActivity } from "./cloudtrail.ts";
import { isRejection } from "./reject.ts";
import { cloudTrailRecord } from "./testing.ts";
import { agentFamily, clientInstallation } from "./user-agent.ts";

function activity(overrides: Record<string, unknown>): Activity {
  const result = cloudTrailActivity(cloudTrailRecord(overrides));
  if (isRejection(result)) throw new Error(result.detail);
  return result;
}

const roleSession = {
  type: "AssumedRole",
  principalId: "AROAEXAMPLE:build-42",
  arn: "arn:aws:sts::111122223333:assumed-role/ci-deploy/build-42",
  accountId: "111122223333",
  accessKeyId: "ASIAEXAMPLE",
  sessionContext: { sessionIssuer: { type: "Role", arn: "arn:aws:iam::111122223333:role/service/ci-deploy", accountId: "111122223333" }, attributes: { mfaAuthenticated: "true" } },
};

describe("actor keys", () => {
  it("keys an IAM user by its ARN", () => {
    expect(activity({})).toMatchObject({ actor: "arn:aws:iam::111122223333:user/alice", actorType: "IAMUser", actorAccount: "111122223333", accessKeyId: "AKIAEXAMPLEKEY000001" });
  });

  it("keys every session of a role by the role ARN from the session issuer, with the session name", () => {
    expect(activity({ userIdentity: roleSession })).toMatchObject({ actor: "arn:aws:iam::111122223333:role/service/ci-deploy", actorType: "AssumedRole", session: "build-42", mfa: true });
  });

  it("derives the role ARN from the assumed-role ARN when the session issuer is missing", () => {
    const { sessionContext: _, ...bare } = roleSession;
    expect(activity({ userIdentity: bare })).toMatchObject({ actor: "arn:aws:iam::111122223333:role/ci-deploy", session: "build-42" });
  });

  it("keys root, federated users, AWS services and anonymous callers", () => {
    expect(activity({ userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333" } })).toMatchObject({ actor: "root:111122223333", actorType: "Root" });
    expect(activity({ userIdentity: { type: "FederatedUser", arn: "arn:aws:sts::111122223333:federated-user/bob", accountId: "111122223333" } })).toMatchObject({ actor: "arn:aws:sts::111122223333:federated-user/bob", actorType: "FederatedUser", session: "bob" });
    expect(activity({ userIdentity: { type: "AWSService", invokedBy: "ec2.amazonaws.com" } })).toMatchObject({ actor: "ec2.amazonaws.com", actorType: "AWSService" });
    expect(activity({ userIdentity: { type: "AWSAccount", principalId: "", accountId: "anonymous" } })).toMatchObject({ actor: "anonymous", actorType: "Anonymous", actorAccount: "anonymous" });
    expect(activity({ userIdentity: { type: "AWSAccount", principalId: "ANONYMOUS_PRINCIPAL" } })).toMatchObject({ actor: "anonymous" });
  });

  it("keeps the IAM user whose keys minted a federated user's credentials as its issuer", () => {
    const federated = {
      type: "FederatedUser",
      principalId: "111122223333:bob",
      arn: "arn:aws:sts::111122223333:federated-user/bob",
      accountId: "111122223333",
      accessKeyId: "ASIAFEDERATEDEXAMPLE",
      sessionContext: { sessionIssuer: { type: "IAMUser", principalId: "AIDAEXAMPLE", arn: "arn:aws:iam::111122223333:user/bob", accountId: "111122223333", userName: "bob" } },
    };
    expect(activity({ userIdentity: federated })).toMatchObject({ actor: "arn:aws:sts::111122223333:federated-user/bob", issuer: "arn:aws:iam::111122223333:user/bob" });
    // The root user's calls are keyed root:<account>, so its federated users name it the same way.
    const byRoot = { ...federated, sessionContext: { sessionIssuer: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333" } } };
    expect(activity({ userIdentity: byRoot })).toMatchObject({ issuer: "root:111122223333" });
    // A role's issuer is the role itself, already its actor key.
    expect(activity({ userIdentity: roleSession })).not.toHaveProperty("issuer");
  });

  it("tells the account acted in from the identity's own account", () => {
    expect(activity({ userIdentity: roleSession, recipientAccountId: "444455556666" })).toMatchObject({ account: "444455556666", actorAccount: "111122223333" });
  });
});

describe("what was done", () => {
  it("names the action service:Event and keeps the error and read-only flag", () => {
    expect(activity({ eventSource: "s3.amazonaws.com", eventName: "GetObject", errorCode: "AccessDenied" })).toMatchObject({ action: "s3:GetObject", error: "AccessDenied", readOnly: true });
    expect(activity({ eventSource: "sts.amazonaws.com", eventName: "AssumeRole", readOnly: false })).toMatchObject({ action: "sts:AssumeRole", readOnly: false });
  });

  it("keeps a network source address, and none for a call an AWS service made on the caller's behalf", () => {
    expect(activity({ sourceIPAddress: "73.1.2.3" }).sourceIp).toBe("73.1.2.3");
    expect(activity({ sourceIPAddress: "cloudformation.amazonaws.com", userAgent: "cloudformation.amazonaws.com" })).not.toHaveProperty("sourceIp");
    expect(activity({ sourceIPAddress: "AWS Internal" })).not.toHaveProperty("sourceIp");
  });

  it("marks console sessions and MFA of console logins", () => {
    const login = activity({ eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", eventType: "AwsConsoleSignIn", additionalEventData: { MFAUsed: "Yes" } });
    expect(login).toMatchObject({ action: "signin:ConsoleLogin", console: true, mfa: true });
    expect(activity({ sessionCredentialFromConsole: "true" }).console).toBe(true);
    expect(activity({}).console).toBeUndefined();
  });

  it("collects named resources in a fixed order, without duplicates", () => {
    const a = activity({
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      requestParameters: { bucketName: "b1", key: "k" },
      additionalEventData: { bytesTransferredOut: 1234 },
      resources: [{ ARN: "arn:aws:s3:::b1/k" }, { ARN: "arn:aws:s3:::b1" }],
    });
    expect(a).toMatchObject({ resources: ["b1", "arn:aws:s3:::b1/k", "arn:aws:s3:::b1"], bytes: 1234, request: { bucketName: "b1", key: "k" } });
    expect(activity({ eventSource: "cloudtrail.amazonaws.com", eventName: "StopLogging", requestParameters: { name: "org-trail" } }).resources).toEqual(["org-trail"]);
    expect(activity({ eventSource: "ec2.amazonaws.com", eventName: "StopInstances", requestParameters: { instancesSet: { items: [{ instanceId: "i-1" }, { instanceId: "i-2" }] } } }).resources).toEqual(["i-1", "i-2"]);
    expect(activity({ eventSource: "iam.amazonaws.com", eventName: "AttachRolePolicy", requestParameters: { roleName: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } }).resources).toEqual(["r", "arn:aws:iam::aws:policy/AdministratorAccess"]);
  });

  it("keeps the response of calls that issue credentials", () => {
    const response = { credentials: { accessKeyId: "ASIANEW" } };
    expect(activity({ eventSource: "sts.amazonaws.com", eventName: "AssumeRole", responseElements: response }).response).toEqual(response);
  });
});

describe("user-agent families", () => {
  const cases: [string, string][] = [
    ["aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0 md/command#s3.get-object", "aws-cli"],
    ["Boto3/1.34.71 md/Botocore#1.34.71 ua/2.0 os/linux#6.1.84 Botocore/1.34.71", "boto3"],
    ["Botocore/1.31.0 Python/3.11", "botocore"],
    ["aws-sdk-go-v2/1.28.1 os/linux lang/go#1.22.4", "aws-sdk-go"],
    ["aws-sdk-java/2.25.52 Linux/5.15.0-1057-aws OpenJDK_64-Bit_Server_VM/17.0.11+7-LTS", "aws-sdk-java"],
    ["aws-sdk-js/3.533.0 ua/2.0 os/linux lang/js md/nodejs#20.14.2", "aws-sdk-js"],
    ["APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) terraform-provider-aws/5.55.0 aws-sdk-go-v2/1.26.1", "terraform"],
    ["cloudformation.amazonaws.com", "cloudformation"],
    ["AWS Internal", "console"],
    ["signin.amazonaws.com", "console"],
    ["console.amazonaws.com", "console"],
    ["autoscaling.amazonaws.com", "aws-internal"],
    ["aws-cli/1.22.34 Python/3.9.11 Linux/5.15.0-kali3-amd64 botocore/1.24.21", "kali"],
    ["Boto3/1.26.4 Python/3.11.2 Linux/6.1.0-kali7-amd64 Botocore/1.29.4 Pacu/1.5.1", "kali"],
    ["aws-cli/1.19.1 Python/3.9.2 Linux/5.10.0-parrot1-amd64 botocore/1.20.0", "parrot"],
    ["Boto3/1.20 Python/3.9 Linux/5.15.0-pentoo botocore/1.23", "pentoo"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:119.0) Gecko/20100101 Firefox/86.0", "browser"],
    ["python-requests/2.31.0", "python-requests"],
    ["curl/8.4.0", "curl"],
    ["Go-http-client/1.1", "other"],
  ];
  for (const [ua, family] of cases) it(`${family}: ${ua.slice(0, 50)}`, () => expect(agentFamily(ua)).toBe(family));
});

describe("client installations", () => {
  it("reads one installation the same on every call: the CLI's command and CloudTrail's brackets cut", () => {
    const cli = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.12.6 md/prompt#off";
    expect(clientInstallation(`${cli} md/command#s3.get-object`)).toBe(cli);
    expect(clientInstallation(`${cli} md/command#iam.list-users`)).toBe(cli);
    expect(clientInstallation("aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255 exe/x86_64.amzn.2 prompt/off command/ec2.stop-instances")).toBe("aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255 exe/x86_64.amzn.2 prompt/off");
    const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    expect(clientInstallation(`[${browser}]`)).toBe(browser);
    expect(clientInstallation("Boto3/1.34.71 md/Botocore#1.34.71 ua/2.0 os/linux#6.1.84 Botocore/1.34.71")).toBe("Boto3/1.34.71 md/Botocore#1.34.71 ua/2.0 os/linux#6.1.84 Botocore/1.34.71");
  });

  it("is no one's device when AWS's own software calls: the console's backend, a service, CloudFormation", () => {
    for (const ua of ["console.amazonaws.com", "AWS Internal", "signin.amazonaws.com", "autoscaling.amazonaws.com", "cloudformation.amazonaws.com", "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.666 Linux/4.9.184]"]) {
      expect(clientInstallation(ua), ua).toBeUndefined();
    }
  });
});
