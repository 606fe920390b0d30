/** Which variants a report shows, in the order the runs list them (the order the user asked for). */
import type { ReportInput } from "../input.ts";

/** Variant names in first-seen order over runs, then any only the aggregate knows. */
export function variantOrder(input: ReportInput): string[] {
  const seen = new Set<string>();
  for (const run of input.runs) for (const v of run.variants) seen.add(v.variant);
  for (const v of input.aggregate?.variants ?? []) seen.add(v);
  return [...seen];
}
