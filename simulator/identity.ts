/**
 * `userIdentity` blocks as CloudTrail writes them for each way of authenticating: IAM user keys,
 * console sessions, assumed roles (SSO permission sets, instance profiles, web identity) and AWS
 * services acting on the account's behalf.
 */
import { isoSeconds } from "./clock.ts";
import { iamId } from "./ids.ts";
import type { Rng } from "./rng.ts";
import type { SessionOrigin } from "./session.ts";
import type { SimAccount, SimPrincipal } from "./world-types.ts";

/**
 * An IAM user: with its long-term access key, a console session's ASIA key (`consoleSince`), or no
 * key at all (the `ConsoleLogin` event itself).
 */
export function iamUserIdentity(p: Pick<SimPrincipal, "userId" | "inventory" | "mfa">, accessKeyId?: string, consoleSince?: number): Record<string, unknown> {
  const identity: Record<string, unknown> = {
    type: "IAMUser",
    principalId: p.userId,
    arn: p.inventory.arn,
    accountId: p.inventory.accountId,
    ...(accessKeyId ? { accessKeyId } : {}),
    userName: p.inventory.name,
  };
  if (consoleSince !== undefined) {
    identity.sessionContext = {
      sessionIssuer: {},
      webIdFederationData: {},
      attributes: { creationDate: isoSeconds(consoleSince), mfaAuthenticated: String(p.mfa) },
    };
  }
  return identity;
}

/**
 * A federated user: temporary credentials an IAM user obtained with `sts:GetFederationToken`; the
 * issuing user is the session issuer.
 */
export function federatedUserIdentity(issuer: Pick<SimPrincipal, "userId" | "inventory">, name: string, accessKeyId: string, createdAt: number): Record<string, unknown> {
  const accountId = issuer.inventory.accountId;
  return {
    type: "FederatedUser",
    principalId: `${accountId}:${name}`,
    arn: `arn:aws:sts::${accountId}:federated-user/${name}`,
    accountId,
    accessKeyId,
    sessionContext: {
      sessionIssuer: { type: "IAMUser", principalId: issuer.userId, arn: issuer.inventory.arn, accountId, userName: issuer.inventory.name },
      webIdFederationData: {},
      attributes: { creationDate: isoSeconds(createdAt), mfaAuthenticated: "false" },
    },
  };
}

/** The parts of an assumed-role session. */
export interface RoleSession {
  accountId: string;
  roleName: string;
  roleId: string;
  /** Path of the role (`/aws-reserved/sso.amazonaws.com/` for SSO permission sets). */
  rolePath?: string;
  sessionName: string;
  accessKeyId: string;
  createdAt: number;
  mfa: boolean;
  webIdentityProvider?: string;
  ec2RoleDelivery?: boolean;
}

/** An assumed-role identity. */
export function assumedRoleIdentity(s: RoleSession): Record<string, unknown> {
  return {
    type: "AssumedRole",
    principalId: `${s.roleId}:${s.sessionName}`,
    arn: `arn:aws:sts::${s.accountId}:assumed-role/${s.roleName}/${s.sessionName}`,
    accountId: s.accountId,
    accessKeyId: s.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: s.roleId,
        arn: `arn:aws:iam::${s.accountId}:role${s.rolePath ?? "/"}${s.roleName}`,
        accountId: s.accountId,
        userName: s.roleName,
      },
      webIdFederationData: s.webIdentityProvider ? { federatedProvider: s.webIdentityProvider, attributes: {} } : {},
      attributes: { creationDate: isoSeconds(s.createdAt), mfaAuthenticated: String(s.mfa) },
      ...(s.ec2RoleDelivery ? { ec2RoleDelivery: "2.0" } : {}),
    },
  };
}

/** An AWS service acting on the account's behalf (`type: AWSService`): it is its own address and agent. */
export function serviceOrigin(serviceName: string, account: SimAccount, errorRate: number): SessionOrigin {
  return {
    identity: { type: "AWSService", invokedBy: serviceName },
    account,
    callerName: serviceName,
    callerArn: serviceName,
    sourceIp: serviceName,
    userAgent: serviceName,
    invokedBy: serviceName,
    errorRate,
  };
}

/** A fresh temporary access key id for a new session. */
export function sessionKey(rng: Rng): string {
  return iamId("ASIA", rng);
}

/** An unauthenticated caller, as S3 data events record public-bucket reads. */
export function anonymousOrigin(account: SimAccount, sourceIp: string, userAgent: SessionOrigin["userAgent"], errorRate: number): SessionOrigin {
  return { identity: { type: "AWSAccount", principalId: "", accountId: "anonymous" }, account, callerName: "anonymous", callerArn: "anonymous", sourceIp, userAgent, errorRate };
}
