/** `seqlab scenarios`: list scenarios with their kind, tactics and expected sequence type, and the suites. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { tactic } from "../schema/attack.ts";
import { renderScenarioDocs } from "../scenarios/docs.ts";
import { SCENARIOS } from "../scenarios/registry.ts";
import { SUITES } from "../scenarios/suites.ts";
import { table } from "./format.ts";

/** Print the scenario catalogue and suites; with `--write-docs`, rewrite docs/scenarios.md. */
export function runScenarios(flags: { writeDocs?: boolean } = {}): void {
  if (flags.writeDocs) {
    const path = fileURLToPath(new URL("../docs/scenarios.md", import.meta.url));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, renderScenarioDocs(SCENARIOS, SUITES));
    console.log(`Wrote ${path}`);
    return;
  }
  console.log(
    table(
      ["scenario", "kind", "tactics", "expected sequence"],
      SCENARIOS.map((s) => [s.id, s.kind, s.stages.map((st) => tactic(st.tactic)?.name ?? st.tactic).join(" → "), s.expectedSequenceType ?? "(none: benign)"]),
    ),
  );
  console.log();
  console.log(table(["suite", "what"], SUITES.map((s) => [s.id, s.description])));
}
