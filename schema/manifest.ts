/**
 * `manifest.json`: how a run was made and what it holds. Written last, so a run directory without
 * it is incomplete.
 */
import { z } from "zod";

/** The simulation config a run was made from; enough to reproduce it. */
export const simulationConfigSchema = z.object({
  seed: z.number().int().nonnegative(),
  days: z.number().int().positive(),
  historyDays: z.number().int().positive(),
  accounts: z.number().int().positive(),
  suite: z.string(),
  start: z.string(),
});

/** `manifest.json`. */
export const manifestSchema = z.object({
  tool: z.literal("seqlab"),
  kind: z.literal("simulation"),
  config: simulationConfigSchema,
  scenarios: z.array(z.string()),
  command: z.string(),
  versions: z.record(z.string(), z.string()),
  gitCommit: z.string().nullable(),
  counts: z.object({
    events: z.number().int(),
    files: z.number().int(),
    bytes: z.number().int(),
    perSource: z.record(z.string(), z.number().int()),
    perAccount: z.record(z.string(), z.number().int()),
    campaigns: z.number().int(),
    principals: z.number().int(),
  }),
  timings: z.object({ startedAt: z.string(), seconds: z.number(), workers: z.number().int() }),
});

/** Manifest types inferred from the schemas. */
export type Manifest = z.infer<typeof manifestSchema>;
export type SimulationConfig = z.infer<typeof simulationConfigSchema>;
