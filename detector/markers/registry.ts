/**
 * Every marker, by id, in evaluation order: strong judgements first, dampeners last. A marker's
 * id equals its file name (checked by a test), so a finding's marker list leads to the file.
 */
import { unknownNameMessage } from "../../schema/did-you-mean.ts";
import type { MarkerDefinition } from "../marker.ts";
import accessDeniedThenSuccess from "./access-denied-then-success.ts";
import collectionThenTransferOut from "./collection-then-transfer-out.ts";
import compromisedInstanceGroup from "./compromised-instance-group.ts";
import credentialOutsideNetwork from "./credential-outside-network.ts";
import credentialHarvest from "./credential-harvest.ts";
import crossAccountRoleChain from "./cross-account-role-chain.ts";
import cryptomining from "./cryptomining.ts";
import dataVolumeAboveBaseline from "./data-volume-above-baseline.ts";
import defenseEvasion from "./defense-evasion.ts";
import destructionAfterAccess from "./destruction-after-access.ts";
import discoveryBreadth from "./discovery-breadth.ts";
import habitualOrigin from "./habitual-origin.ts";
import highRiskApi from "./high-risk-api.ts";
import killChainProgression from "./kill-chain-progression.ts";
import llmHijacking from "./llm-hijacking.ts";
import messagingHijack from "./messaging-hijack.ts";
import multiSourceCorroboration from "./multi-source-corroboration.ts";
import ownRoutine from "./own-routine.ts";
import pentestUserAgent from "./pentest-user-agent.ts";
import persistence from "./persistence.ts";
import scannerRoutine from "./scanner-routine.ts";
import threatIntelHit from "./threat-intel-hit.ts";
import uncorroboratedSingleType from "./uncorroborated-single-type.ts";

/** All registered markers, in the order they are evaluated and reported. */
export const MARKERS: readonly MarkerDefinition[] = [
  killChainProgression,
  highRiskApi,
  credentialOutsideNetwork,
  threatIntelHit,
  pentestUserAgent,
  defenseEvasion,
  persistence,
  dataVolumeAboveBaseline,
  destructionAfterAccess,
  collectionThenTransferOut,
  credentialHarvest,
  crossAccountRoleChain,
  discoveryBreadth,
  accessDeniedThenSuccess,
  multiSourceCorroboration,
  compromisedInstanceGroup,
  llmHijacking,
  messagingHijack,
  cryptomining,
  scannerRoutine,
  ownRoutine,
  habitualOrigin,
  uncorroboratedSingleType,
];

/** A marker by id; throws with a "did you mean" and the known ids when unknown. */
export function markerById(id: string): MarkerDefinition {
  const m = MARKERS.find((x) => x.id === id);
  if (!m) throw new Error(unknownNameMessage("marker", id, MARKERS.map((x) => x.id)));
  return m;
}
