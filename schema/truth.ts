/**
 * `truth.json`: the ground truth of a run. Never read by the detector; eval and reports join it to
 * findings by event id.
 */
import { z } from "zod";
import { isoUtc } from "./cloudtrail.ts";
import { tactic, technique } from "./attack.ts";

/** One stage of a campaign: an ATT&CK step and the events it produced. */
export const stageSchema = z.object({
  id: z.string(),
  tactic: z.string().refine((id) => tactic(id) !== undefined, "unknown ATT&CK tactic id"),
  technique: z.string().refine((id) => technique(id) !== undefined, "unknown ATT&CK technique id"),
  start: isoUtc,
  end: isoUtc,
  eventIds: z.array(z.string()),
});

/** An attack instance or a benign hard-negative episode. */
export const campaignSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  kind: z.enum(["attack", "benign"]),
  accounts: z.array(z.string()).min(1),
  /** ARNs (or access key ids) of the identities that acted. */
  actors: z.array(z.string()),
  start: isoUtc,
  end: isoUtc,
  /** The GuardDuty attack-sequence type this should raise; null for benign episodes. */
  expectedSequenceType: z.string().nullable(),
  stages: z.array(stageSchema).min(1),
});

/** `truth.json`. History is `[start, evaluationStart)`, evaluation is `[evaluationStart, end)`. */
export const truthSchema = z.object({
  period: z.object({ start: isoUtc, evaluationStart: isoUtc, end: isoUtc }),
  /** Every account of the estate, attacked or not, for per-account-day rates (optional in others' truth). */
  accounts: z.array(z.string()).optional(),
  campaigns: z.array(campaignSchema),
  /**
   * Identity → benign persona id (optional in others' truth): keyed as identities show in CloudTrail
   * and findings (IAM user ARN, access key id, role ARN, assumed-role ARN, service principal,
   * instance id, `anonymous`), so reports can name the kind of user a false positive fell on.
   */
  personas: z.record(z.string(), z.string()).optional(),
});

/** Truth types inferred from the schemas. */
export type Truth = z.infer<typeof truthSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type Stage = z.infer<typeof stageSchema>;
