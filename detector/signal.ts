/**
 * Signals: weak or strong evidence raised on activities. Strong ones are foundational findings
 * (GuardDuty finding types); weak ones only feed correlation.
 */
import type { Activity } from "./activity.ts";
import type { Indicator } from "../schema/finding.ts";

/** One signal. */
export interface Signal {
  /** Deterministic id: `<type>@<activity id>`. */
  id: string;
  /** GuardDuty finding type where GuardDuty has one (`Stealth:IAMUser/CloudTrailLoggingDisabled`), else a seqlab type in the same shape (`Discovery:IAMUser/BurstOfListCalls`). */
  type: string;
  /** A foundational finding on its own; otherwise weak, kept for correlation only. */
  foundational: boolean;
  /** GuardDuty severity scale: 1-3.9 low, 4-6.9 medium, 7-8.9 high. */
  severity: number;
  /** ATT&CK ids this evidence points to. */
  tactic: string;
  technique?: string;
  time: number;
  /** The activity that raised it (the last one, for bursts). */
  activity: Activity;
  /** Every activity behind it (a burst's activities). */
  activityIds: string[];
  /** GuardDuty indicators (`TOR_IP`, `HIGH_RISK_API`, `UNUSUAL_ASN_FOR_USER`, ...). */
  indicators: Indicator[];
  /** One readable sentence of evidence, with the values that made it fire. */
  evidence: string;
  /** For anomaly signals: the model's score in [0, 1]. */
  anomaly?: number;
}
