/**
 * A small synthetic estate for the anomaly-model tests: two developer peer groups and a security
 * scanner in one account, an administrator in another. Each developer uses most (not all) of
 * its group's APIs, so every developer has APIs that are new to it but routine for its peers.
 */
import alea from "seedrandom/lib/alea.js";
import type { Activity, ActorType } from "../activity.ts";

export const DEV_ACCOUNT = "111111111111";
export const ADMIN_ACCOUNT = "222222222222";

/** APIs of the backend developers (IAM users of the dev account). */
export const BACKEND_APIS = [
  "lambda:Invoke", "lambda:UpdateFunctionCode", "lambda:GetFunction", "logs:FilterLogEvents", "logs:GetLogEvents",
  "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DescribeTable", "cloudformation:DescribeStacks", "cloudformation:UpdateStack",
  "s3:GetObject", "s3:PutObject",
];
/** APIs of the frontend developers (sessions of the frontend-dev-N roles). */
export const FRONTEND_APIS = [
  "cloudfront:CreateInvalidation", "cloudfront:GetDistribution", "amplify:StartJob", "amplify:GetApp", "s3:ListBucket",
  "s3:PutObject", "acm:DescribeCertificate", "route53:ListResourceRecordSets", "cognito-idp:ListUsers", "cognito-idp:DescribeUserPool",
];
/** A read-only sweep of the scanner role. */
export const SCANNER_APIS = [
  "ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "iam:ListUsers", "iam:ListRoles", "iam:GetAccountAuthorizationDetails",
  "s3:GetBucketPolicy", "s3:GetBucketAcl", "kms:ListKeys", "cloudtrail:DescribeTrails", "guardduty:ListDetectors",
];
/** What the other account's administrator does; nobody in the dev account does any of it. */
export const ADMIN_APIS = ["iam:CreateAccessKey", "iam:AttachUserPolicy", "iam:CreateUser", "iam:PutRolePolicy", "organizations:ListAccounts"];

export const BACKEND_DEVS = ["alice", "bob", "carol", "dave", "erin"].map((n) => `arn:aws:iam::${DEV_ACCOUNT}:user/${n}`);
export const FRONTEND_DEVS = [1, 2, 3, 4, 5].map((n) => `arn:aws:iam::${DEV_ACCOUNT}:role/frontend-dev-${n}`);
export const SCANNER = `arn:aws:iam::${DEV_ACCOUNT}:role/SecurityScanner`;
export const ADMIN = `arn:aws:iam::${ADMIN_ACCOUNT}:user/admin`;

/** An activity with the fields the models read; the rest left at neutral values. */
export function activity(fields: { actor: string; actorType: ActorType; account: string; action: string; time: number; agentFamily?: string; region?: string; session?: string }): Activity {
  return {
    id: `${fields.actor}:${fields.time}`,
    source: "cloudtrail",
    time: fields.time,
    account: fields.account,
    region: fields.region ?? "eu-west-1",
    actor: fields.actor,
    actorType: fields.actorType,
    actorAccount: fields.account,
    action: fields.action,
    agentFamily: fields.agentFamily ?? "aws-cli",
    readOnly: false,
    resources: [],
    ...(fields.session ? { session: fields.session } : {}),
  };
}

/**
 * Ten days of history. Each developer leaves out the API at its own index of its group's list
 * (developer i never calls APIS[i]), so that API is new to it and routine for its peers.
 */
export function syntheticHistory(seed = 1): Activity[] {
  const rng = alea(`embed-testdata:${seed}`);
  const out: Activity[] = [];
  const start = Date.UTC(2026, 9, 1);
  const day = 86_400_000;
  const act = (actor: string, actorType: ActorType, account: string, apis: string[], perDay: number, agentFamily: string) => {
    for (let d = 0; d < 10; d++) {
      const session = `s${d}`;
      for (let k = 0; k < perDay; k++) {
        // Zipf-like: earlier APIs of the list are more frequent.
        const action = apis[Math.floor(apis.length * rng() ** 1.6)]!;
        out.push(activity({ actor, actorType, account, action, time: start + d * day + k * 60_000, agentFamily, session }));
      }
    }
  };
  BACKEND_DEVS.forEach((dev, i) => act(dev, "IAMUser", DEV_ACCOUNT, BACKEND_APIS.filter((_, j) => j !== i), 40, "aws-cli"));
  FRONTEND_DEVS.forEach((dev, i) => act(dev, "AssumedRole", DEV_ACCOUNT, FRONTEND_APIS.filter((_, j) => j !== i), 40, "console"));
  act(SCANNER, "AssumedRole", DEV_ACCOUNT, SCANNER_APIS, 60, "boto3");
  act(ADMIN, "IAMUser", ADMIN_ACCOUNT, ADMIN_APIS, 20, "aws-sdk-go");
  return out.sort((a, b) => a.time - b.time);
}
