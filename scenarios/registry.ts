/**
 * Every scenario, by id. A scenario's id equals its file name (checked by a test), so a user can
 * find the file from a truth record.
 */
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import type { ScenarioDefinition } from "./define.ts";
import adminIamCleanupNewLaptop from "./admin-iam-cleanup-new-laptop.ts";
import instanceCredentialExfiltration from "./instance-credential-exfiltration.ts";
import leakedAccessKeyMining from "./leaked-access-key-mining.ts";

/** All registered scenarios. */
export const SCENARIOS: readonly ScenarioDefinition[] = [leakedAccessKeyMining, instanceCredentialExfiltration, adminIamCleanupNewLaptop];

/** A scenario by id; throws with a "did you mean" and the known ids when unknown. */
export function scenarioById(id: string): ScenarioDefinition {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(unknownNameMessage("scenario", id, SCENARIOS.map((x) => x.id)));
  return s;
}
