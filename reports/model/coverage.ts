/**
 * ATT&CK coverage: for each tactic and technique of the attack campaigns' stages, how many stage
 * instances the truth holds and how many an above-threshold finding of that campaign covered.
 */
import { tactic as tacticById, tacticOrder, technique as techniqueById } from "../../schema/attack.ts";
import type { ReportInput } from "../input.ts";
import { compare } from "./order.ts";
import { variantOrder } from "./variants.ts";

/** One tactic × technique of the truth, with its stage count and each variant's covered count. */
export interface CoverageRow {
  tactic: string;
  tacticName: string;
  technique: string;
  techniqueName: string;
  /** Stage instances with this tactic and technique, over runs. */
  present: number;
  /** Covered stage instances by variant (every report variant has an entry). */
  covered: Record<string, number>;
}

/** Coverage rows in kill-chain order, then by technique id. */
export function attackCoverage(input: ReportInput): CoverageRow[] {
  const variants = variantOrder(input);
  const rows = new Map<string, CoverageRow>();
  const rowOf = (tactic: string, technique: string): CoverageRow => {
    const key = `${tactic}\u0000${technique}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        tactic,
        tacticName: tacticById(tactic)?.name ?? tactic,
        technique,
        techniqueName: techniqueById(technique)?.name ?? technique,
        present: 0,
        covered: Object.fromEntries(variants.map((v) => [v, 0])),
      };
      rows.set(key, row);
    }
    return row;
  };

  for (const run of input.runs) {
    // Stage instances per campaign and tactic/technique pair: a campaign may repeat a pair.
    const present = new Map<string, number>();
    for (const c of run.campaigns) {
      if (c.kind !== "attack") continue;
      for (const s of c.stages) {
        rowOf(s.tactic, s.technique).present++;
        const key = `${c.id}\u0000${s.tactic}\u0000${s.technique}`;
        present.set(key, (present.get(key) ?? 0) + 1);
      }
    }
    for (const v of run.variants) {
      const coveredStages = new Map<string, Set<string>>();
      for (const seq of v.sequences) {
        if (seq.truth?.kind !== "attack") continue;
        for (const stage of seq.truth.stages) {
          if (!stage.covered) continue;
          const key = `${seq.truth.campaignId}\u0000${stage.tactic}\u0000${stage.technique}`;
          const ids = coveredStages.get(key) ?? new Set<string>();
          ids.add(stage.id);
          coveredStages.set(key, ids);
        }
      }
      for (const [key, ids] of coveredStages) {
        const [, tactic, technique] = key.split("\u0000") as [string, string, string];
        // Never more covered than the truth lists, even if a finding's stage ids disagree with it.
        rowOf(tactic, technique).covered[v.variant]! += Math.min(ids.size, present.get(key) ?? 0);
      }
    }
  }
  return [...rows.values()].filter((r) => r.present > 0).sort((a, b) => orderOf(a.tactic) - orderOf(b.tactic) || compare(a.technique, b.technique));
}

/** Kill-chain position, unknown tactics last. */
export function orderOf(tactic: string): number {
  return tacticById(tactic) ? tacticOrder(tactic) : Number.MAX_SAFE_INTEGER;
}
