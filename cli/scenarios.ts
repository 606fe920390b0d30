/** `seqlab scenarios`: list scenarios with their kind, tactics and expected sequence type, and the suites. */
import { tactic } from "../schema/attack.ts";
import { SCENARIOS } from "../scenarios/registry.ts";
import { SUITES } from "../scenarios/suites.ts";
import { table } from "./format.ts";

/** Print the scenario catalogue and suites. */
export function runScenarios(): void {
  console.log(
    table(
      ["scenario", "kind", "tactics", "expected sequence"],
      SCENARIOS.map((s) => [s.id, s.kind, s.stages.map((st) => tactic(st.tactic)?.name ?? st.tactic).join(" → "), s.expectedSequenceType ?? "(none: benign)"]),
    ),
  );
  console.log();
  console.log(table(["suite", "what"], SUITES.map((s) => [s.id, s.description])));
}
