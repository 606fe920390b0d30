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
  /**
   * The chance that an attack origin of kind `vps`, `vpn` or `residential` is an address a benign
   * actor of the same run uses on such a network (a CI runner's VPS, a developer's VPN exit, an
   * employee's home line) or a neighbour in its /24, rather than any address of those networks.
   * 0 leaves attackers merely in the same ASNs as benign actors.
   */
  sharedInfrastructure: number;
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
    sharedInfrastructure: 0,
  },
  {
    id: "default",
    description: "every attack once in history and twice in evaluation; every look-alike once in each",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: s.kind === "attack" ? 2 : 1 })),
    sharedInfrastructure: 0,
  },
  {
    id: "hard",
    description: "more low-and-slow, cross-account and insider attacks (four each in evaluation) and every look-alike three times, among three of every other attack; attackers' VPS, VPN and residential origins are often the very addresses (or /24s) benign actors of the run use",
    entries: SCENARIOS.map((s) => ({ scenarioId: s.id, history: 1, evaluation: HARD_CASES.has(s.id) ? 4 : 3 })),
    sharedInfrastructure: 0.6,
  },
];

/** A suite by id; throws with a "did you mean" and the known ids when unknown. */
export function suiteById(id: string): Suite {
  const suite = SUITES.find((x) => x.id === id);
  if (!suite) throw new Error(unknownNameMessage("suite", id, SUITES.map((x) => x.id)));
  for (const e of suite.entries) scenarioById(e.scenarioId);
  return suite;
}
