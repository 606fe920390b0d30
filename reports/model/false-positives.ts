/** False positives grouped by the benign episode they fell on, and by the persona of background ones. */
import type { ReportInput, ReportSequence } from "../input.ts";
import { compare } from "./order.ts";

/** False positives of one variant with one label, summed over runs. */
export interface FalsePositiveCount {
  variant: string;
  label: string;
  count: number;
}

/** Label of false positives that fell on no benign episode. */
export const BACKGROUND = "background activity";
/** Persona label when truth names no persona for a false positive's actor. */
export const UNKNOWN_PERSONA = "unknown persona";

/** Counts by benign episode (scenario id), with background ones as one bar. */
export function falsePositivesByEpisode(input: ReportInput): FalsePositiveCount[] {
  return count(input, (s) => (s.truth?.kind === "benign" ? s.truth.scenarioId : BACKGROUND), () => true);
}

/** Counts of background false positives (no campaign) by the persona of their main actor. */
export function falsePositivesByPersona(input: ReportInput): FalsePositiveCount[] {
  return count(input, (s) => s.persona ?? UNKNOWN_PERSONA, (s) => s.truth === null);
}

function count(input: ReportInput, label: (s: ReportSequence) => string, keep: (s: ReportSequence) => boolean): FalsePositiveCount[] {
  const counts = new Map<string, FalsePositiveCount>();
  for (const run of input.runs)
    for (const v of run.variants)
      for (const s of v.sequences) {
        if (s.verdict !== "false-positive" || !keep(s)) continue;
        const l = label(s);
        const key = `${v.variant}\u0000${l}`;
        const row = counts.get(key) ?? { variant: v.variant, label: l, count: 0 };
        row.count++;
        counts.set(key, row);
      }
  return [...counts.values()].sort((a, b) => compare(a.label, b.label) || compare(a.variant, b.variant));
}
