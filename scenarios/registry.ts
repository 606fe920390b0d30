/**
 * Every scenario, by id. A scenario's id equals its file name (checked by a test), so a user can
 * find the file from a truth record.
 */
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import type { ScenarioDefinition } from "./define.ts";
import adminIamCleanupNewLaptop from "./admin-iam-cleanup-new-laptop.ts";
import backupDrBulkRead from "./backup-dr-bulk-read.ts";
import bucketExposurePublicReads from "./bucket-exposure-public-reads.ts";
import cicdNewRegionRollout from "./cicd-new-region-rollout.ts";
import consoleLoginNoMfaBackdoor from "./console-login-no-mfa-backdoor.ts";
import crossAccountRolePivot from "./cross-account-role-pivot.ts";
import ec2InstanceGroupCryptomining from "./ec2-instance-group-cryptomining.ts";
import ec2ReverseShellImdsTheft from "./ec2-reverse-shell-imds-theft.ts";
import dataScientistNightTraining from "./data-scientist-night-training.ts";
import developerFirstBedrock from "./developer-first-bedrock.ts";
import employeeTravel from "./employee-travel.ts";
import exfiltrateThenDestroy from "./exfiltrate-then-destroy.ts";
import federationTokenConsolePersistence from "./federation-token-console-persistence.ts";
import incidentResponseTriage from "./incident-response-triage.ts";
import insiderDepartingEmployee from "./insider-departing-employee.ts";
import instanceCredentialExfiltration from "./instance-credential-exfiltration.ts";
import leakedAccessKeyMining from "./leaked-access-key-mining.ts";
import llmHijacking from "./llm-hijacking.ts";
import lowAndSlowDiscovery from "./low-and-slow-discovery.ts";
import replicationToForeignAccount from "./replication-to-foreign-account.ts";
import s3RansomSseC from "./s3-ransom-sse-c.ts";
import scannerAccessDeniedSweep from "./scanner-access-denied-sweep.ts";
import secretsHarvesting from "./secrets-harvesting.ts";
import selfServiceKeyRotation from "./self-service-key-rotation.ts";
import sesSnsSpamAbuse from "./ses-sns-spam-abuse.ts";
import trailReconfigurationChangeWindow from "./trail-reconfiguration-change-window.ts";

/** All registered scenarios: attacks first, then benign look-alike episodes. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  bucketExposurePublicReads,
  consoleLoginNoMfaBackdoor,
  crossAccountRolePivot,
  ec2InstanceGroupCryptomining,
  ec2ReverseShellImdsTheft,
  exfiltrateThenDestroy,
  federationTokenConsolePersistence,
  insiderDepartingEmployee,
  instanceCredentialExfiltration,
  leakedAccessKeyMining,
  llmHijacking,
  lowAndSlowDiscovery,
  replicationToForeignAccount,
  s3RansomSseC,
  secretsHarvesting,
  sesSnsSpamAbuse,
  adminIamCleanupNewLaptop,
  backupDrBulkRead,
  cicdNewRegionRollout,
  dataScientistNightTraining,
  developerFirstBedrock,
  employeeTravel,
  incidentResponseTriage,
  scannerAccessDeniedSweep,
  selfServiceKeyRotation,
  trailReconfigurationChangeWindow,
];

/** A scenario by id; throws with a "did you mean" and the known ids when unknown. */
export function scenarioById(id: string): ScenarioDefinition {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(unknownNameMessage("scenario", id, SCENARIOS.map((x) => x.id)));
  return s;
}
