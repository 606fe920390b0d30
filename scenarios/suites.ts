/**
 * Suites: which scenarios run and how many instances start in the history and evaluation periods.
 */
import { unknownNameMessage } from "../schema/did-you-mean.ts";
import type { ScenarioDefinition } from "./define.ts";
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

/** Scenarios the `hard` suite runs more often: the ones detectors most often miss. */
const HARD_CASES = new Set(["low-and-slow-discovery", "cross-account-role-pivot", "insider-departing-employee"]);

/** One scenario per expected sequence type, and the first look-alike: the smallest end-to-end check. */
function smokeEntries(scenarios: readonly ScenarioDefinition[]): SuiteEntry[] {
  const seen = new Set<string | null>();
  return scenarios
    .filter((s) => {
      const key = s.kind === "benign" ? "benign" : s.expectedSequenceType;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((s) => ({ scenarioId: s.id, history: 0, evaluation: 1 }));
}

/** Every suite. */
export const SUITES: readonly Suite[] = [
  {
    id: "smoke",
    description: "one scenario of each expected sequence type and one look-alike, in the evaluation period: a quick end-to-end check",
    entries: smokeEntries(SCENARIOS),
  },
  {
    id: "default",
    description: "every attack once in history and twice in evaluation; every look-alike once in each",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: s.kind === "attack" ? 2 : 1 })),
  },
  {
    id: "hard",
    description: "more low-and-slow, cross-account and insider attacks (four each in evaluation) and every look-alike three times, among three of every other attack",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: HARD_CASES.has(s.id) ? 4 : 3 })),
  },
];

/** A suite by id; throws with a "did you mean" and the known ids when unknown. */
export function suiteById(id: string): Suite {
  const suite = SUITES.find((x) => x.id === id);
  if (!suite) throw new Error(unknownNameMessage("suite", id, SUITES.map((x) => x.id)));
  for (const e of suite.entries) scenarioById(e.scenarioId);
  return suite;
}
