/**
 * Suites: which scenarios run and how many instances start in the history and evaluation periods.
 */
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import { SCENARIOS, scenarioById } from "./registry.ts";

/** How many instances of a scenario start in each period. */
export interface SuiteEntry {
  scenarioId: string;
  history: number;
  evaluation: number;
}

/** A named suite. */
export interface Suite {
  id: string;
  description: string;
  entries: SuiteEntry[];
}

/** Every suite. */
export const SUITES: readonly Suite[] = [
  {
    id: "smoke",
    description: "one instance of each scenario in the evaluation period: a quick end-to-end check",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 0, evaluation: 1 })),
  },
  {
    id: "default",
    description: "every attack once in history and twice in evaluation; every look-alike once in each",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: s.kind === "attack" ? 2 : 1 })),
  },
  {
    id: "hard",
    description: "three instances of every scenario in evaluation: more attacks, and as many look-alikes",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: 3 })),
  },
];

/** A suite by id; throws with a "did you mean" and the known ids when unknown. */
export function suiteById(id: string): Suite {
  const suite = SUITES.find((x) => x.id === id);
  if (!suite) throw new Error(unknownNameMessage("suite", id, SUITES.map((x) => x.id)));
  for (const e of suite.entries) scenarioById(e.scenarioId);
  return suite;
}
