/** Time to detect per detected campaign: from the campaign's start to its first raised finding. */
import type { ReportInput } from "../input.ts";

/** One detected campaign of one run and variant. */
export interface DetectionDelay {
  run: string;
  variant: string;
  campaignId: string;
  scenarioId: string;
  minutes: number;
}

/** Delays of every true-positive sequence (the first finding of each detected campaign). */
export function detectionDelays(input: ReportInput): DetectionDelay[] {
  return input.runs.flatMap((run) =>
    run.variants.flatMap((v) =>
      v.sequences.flatMap((s) =>
        s.verdict === "true-positive" && s.truth
          ? [{ run: run.name, variant: v.variant, campaignId: s.truth.campaignId, scenarioId: s.truth.scenarioId, minutes: (Date.parse(s.finding.seqlab.detectedAt) - Date.parse(s.truth.start)) / 60_000 }]
          : [],
      ),
    ),
  );
}
