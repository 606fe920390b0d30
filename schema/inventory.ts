/**
 * `inventory.json`: what an account inventory tells a defender about the estate (accounts,
 * principals, resources, networks). It carries no labels: nothing in it says who is an attacker.
 */
import { z } from "zod";

const accountId = z.string().regex(/^\d{12}$/);

/** A VPC with its address range and the public addresses its traffic leaves from. */
export const vpcSchema = z.object({
  id: z.string(),
  region: z.string(),
  cidr: z.string(),
  natGatewayIps: z.array(z.string()),
});

/** An S3 bucket; `tags.data-classification` marks sensitive ones as a real estate would. */
export const bucketSchema = z.object({
  name: z.string(),
  region: z.string(),
  tags: z.record(z.string(), z.string()),
});

/** An EC2 instance with its instance profile role. */
export const instanceSchema = z.object({
  id: z.string(),
  region: z.string(),
  vpcId: z.string(),
  subnetId: z.string(),
  networkInterfaceId: z.string(),
  privateIp: z.string(),
  instanceType: z.string(),
  roleName: z.string(),
  autoScalingGroup: z.string().optional(),
});

/** A Lambda function and its execution role. */
export const lambdaSchema = z.object({ name: z.string(), region: z.string(), roleName: z.string() });

/** A KMS key. */
export const kmsKeySchema = z.object({ id: z.string(), region: z.string(), alias: z.string() });

/** A Secrets Manager secret. */
export const secretSchema = z.object({ name: z.string(), region: z.string(), arn: z.string() });

/** One AWS account of the organisation and what runs in it. */
export const accountSchema = z.object({
  id: accountId,
  name: z.string(),
  kind: z.enum(["management", "log-archive", "security", "shared-services", "prod", "staging", "dev"]),
  regions: z.array(z.string()).min(1),
  vpcs: z.array(vpcSchema),
  /** Elastic IPs allocated in the account (NAT gateways' public addresses among them). */
  elasticIps: z.array(z.string()),
  buckets: z.array(bucketSchema),
  instances: z.array(instanceSchema),
  lambdas: z.array(lambdaSchema),
  kmsKeys: z.array(kmsKeySchema),
  secrets: z.array(secretSchema),
});

/** An IAM principal as IAM reports it. */
export const principalSchema = z.object({
  arn: z.string(),
  accountId: accountId,
  name: z.string(),
  type: z.enum(["IAMUser", "Role", "SSOUser", "AWSService"]),
  /** Long-term access key ids (IAM users only). */
  accessKeyIds: z.array(z.string()),
  mfa: z.boolean(),
  consoleAccess: z.boolean(),
  /** For roles: who may assume it (ARNs, service principals or an OIDC provider). */
  trustedPrincipals: z.array(z.string()),
  tags: z.record(z.string(), z.string()),
});

/** `inventory.json`. */
export const inventorySchema = z.object({
  organizationId: z.string(),
  managementAccountId: accountId,
  accounts: z.array(accountSchema).min(1),
  principals: z.array(principalSchema),
});

/** Inventory types inferred from the schemas. */
export type Inventory = z.infer<typeof inventorySchema>;
export type Account = z.infer<typeof accountSchema>;
export type Principal = z.infer<typeof principalSchema>;
export type Bucket = z.infer<typeof bucketSchema>;
export type Instance = z.infer<typeof instanceSchema>;
export type Vpc = z.infer<typeof vpcSchema>;
