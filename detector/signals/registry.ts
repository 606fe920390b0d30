/**
 * Every signal rule, one per file under `rules/` (id = file name). A test checks that this list and
 * the folder agree, with no duplicates.
 */
import type { SignalDefinition } from "./define.ts";
import accessDeniedBurst from "./rules/access-denied-burst.ts";
import anomalousReadApi from "./rules/anomalous-read-api.ts";
import bedrockInvocationBurst from "./rules/bedrock-invocation-burst.ts";
import bucketAnonymousAccessGranted from "./rules/bucket-anonymous-access-granted.ts";
import bucketBlockPublicAccessDisabled from "./rules/bucket-block-public-access-disabled.ts";
import bucketReplicationForeignAccount from "./rules/bucket-replication-foreign-account.ts";
import bucketVersioningSuspended from "./rules/bucket-versioning-suspended.ts";
import c2Beacon from "./rules/c2-beacon.ts";
import c2BeaconDns from "./rules/c2-beacon-dns.ts";
import cloudtrailLoggingDisabled from "./rules/cloudtrail-logging-disabled.ts";
import computeHijackLaunch from "./rules/compute-hijack-launch.ts";
import consoleLoginUnusualNetwork from "./rules/console-login-unusual-network.ts";
import credentialAccessAnomalous from "./rules/credential-access-anomalous.ts";
import crossAccountAssumeRole from "./rules/cross-account-assume-role.ts";
import cryptoMinerExecuted from "./rules/crypto-miner-executed.ts";
import defenseEvasionAnomalous from "./rules/defense-evasion-anomalous.ts";
import discoveryBurst from "./rules/discovery-burst.ts";
import federationToken from "./rules/federation-token.ts";
import imdsCredentialFetch from "./rules/imds-credential-fetch.ts";
import instanceCredentialExfiltration from "./rules/instance-credential-exfiltration.ts";
import workloadCredentialExfiltration from "./rules/workload-credential-exfiltration.ts";
import maliciousIpCaller from "./rules/malicious-ip-caller.ts";
import messagingAbuse from "./rules/messaging-abuse.ts";
import metadataDnsRebind from "./rules/metadata-dns-rebind.ts";
import miningDomainQuery from "./rules/mining-domain-query.ts";
import miningPoolConnection from "./rules/mining-pool-connection.ts";
import newApiCommonForPeers from "./rules/new-api-common-for-peers.ts";
import newBinaryExecuted from "./rules/new-binary-executed.ts";
import passwordPolicyChange from "./rules/password-policy-change.ts";
import pentestUserAgent from "./rules/pentest-user-agent.ts";
import persistenceAnomalous from "./rules/persistence-anomalous.ts";
import privilegeEscalationAnomalous from "./rules/privilege-escalation-anomalous.ts";
import reverseShell from "./rules/reverse-shell.ts";
import rootCredentialUsage from "./rules/root-credential-usage.ts";
import s3BulkReadUnfamiliarBucket from "./rules/s3-bulk-read-unfamiliar-bucket.ts";
import s3CopyToUnknownBucket from "./rules/s3-copy-to-unknown-bucket.ts";
import s3DeleteBurst from "./rules/s3-delete-burst.ts";
import s3DiscoveryAnomalous from "./rules/s3-discovery-anomalous.ts";
import s3ExfiltrationVolume from "./rules/s3-exfiltration-volume.ts";
import s3LifecycleExpiration from "./rules/s3-lifecycle-expiration.ts";
import s3RansomEncryption from "./rules/s3-ransom-encryption.ts";
import torIpCaller from "./rules/tor-ip-caller.ts";
import unusualOriginForUser from "./rules/unusual-origin-for-user.ts";

/** All signal definitions, in a fixed order. */
export const SIGNAL_DEFINITIONS: readonly SignalDefinition[] = [
  accessDeniedBurst,
  anomalousReadApi,
  bedrockInvocationBurst,
  bucketAnonymousAccessGranted,
  bucketBlockPublicAccessDisabled,
  bucketReplicationForeignAccount,
  bucketVersioningSuspended,
  c2Beacon,
  c2BeaconDns,
  cloudtrailLoggingDisabled,
  computeHijackLaunch,
  consoleLoginUnusualNetwork,
  credentialAccessAnomalous,
  crossAccountAssumeRole,
  cryptoMinerExecuted,
  defenseEvasionAnomalous,
  discoveryBurst,
  federationToken,
  imdsCredentialFetch,
  instanceCredentialExfiltration,
  workloadCredentialExfiltration,
  maliciousIpCaller,
  messagingAbuse,
  metadataDnsRebind,
  miningDomainQuery,
  miningPoolConnection,
  newApiCommonForPeers,
  newBinaryExecuted,
  passwordPolicyChange,
  pentestUserAgent,
  persistenceAnomalous,
  privilegeEscalationAnomalous,
  reverseShell,
  rootCredentialUsage,
  s3BulkReadUnfamiliarBucket,
  s3CopyToUnknownBucket,
  s3DeleteBurst,
  s3DiscoveryAnomalous,
  s3ExfiltrationVolume,
  s3LifecycleExpiration,
  s3RansomEncryption,
  torIpCaller,
  unusualOriginForUser,
];
