import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../scenarios/registry.ts";
import { TACTICS, TECHNIQUES, tactic, tacticOrder, technique } from "./attack.ts";

/** MITRE ATT&CK Enterprise tactics in the matrix's kill-chain order. */
const KILL_CHAIN = [
  ["TA0043", "Reconnaissance"],
  ["TA0042", "Resource Development"],
  ["TA0001", "Initial Access"],
  ["TA0002", "Execution"],
  ["TA0003", "Persistence"],
  ["TA0004", "Privilege Escalation"],
  ["TA0005", "Defense Evasion"],
  ["TA0006", "Credential Access"],
  ["TA0007", "Discovery"],
  ["TA0008", "Lateral Movement"],
  ["TA0009", "Collection"],
  ["TA0011", "Command and Control"],
  ["TA0010", "Exfiltration"],
  ["TA0040", "Impact"],
];

describe("ATT&CK tactics", () => {
  it("have unique ids of the form TA0000", () => {
    const ids = TACTICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TA\d{4}$/);
  });

  it("have orders 0..n-1 in table order", () => {
    expect(TACTICS.map((t) => t.order)).toEqual(TACTICS.map((_, i) => i));
  });

  it("follow the kill chain, Reconnaissance first and Impact last", () => {
    expect(TACTICS.map((t) => [t.id, t.name])).toEqual(KILL_CHAIN);
    expect(TACTICS[0]!.name).toBe("Reconnaissance");
    expect(TACTICS.at(-1)!.name).toBe("Impact");
  });

  it("are found by id", () => {
    expect(tactic("TA0006")?.name).toBe("Credential Access");
    expect(tactic("TA9999")).toBeUndefined();
    expect(tacticOrder("TA0043")).toBe(0);
    expect(tacticOrder("TA0040")).toBe(TACTICS.length - 1);
    expect(tacticOrder("TA0006")).toBeLessThan(tacticOrder("TA0010"));
  });

  it("tacticOrder throws on an unknown id, naming it", () => {
    expect(() => tacticOrder("TA9999")).toThrow(/TA9999/);
    expect(() => tacticOrder("T1078")).toThrow(/unknown ATT&CK tactic id "T1078"/);
  });
});

describe("ATT&CK techniques", () => {
  it("have unique ids of the form T0000 or T0000.000", () => {
    const ids = TECHNIQUES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^T\d{4}(\.\d{3})?$/);
  });

  it("have a name and at least one tactic, each in the tactic table", () => {
    const known = new Set(TACTICS.map((t) => t.id));
    for (const t of TECHNIQUES) {
      expect(t.name, t.id).not.toBe("");
      expect(t.tactics.length, `${t.id} has no tactic`).toBeGreaterThan(0);
      const unknown = t.tactics.filter((id) => !known.has(id));
      expect(unknown, `${t.id} lists unknown tactics`).toEqual([]);
      expect(new Set(t.tactics).size, `${t.id} lists a tactic twice`).toBe(t.tactics.length);
    }
  });

  it("are found by id", () => {
    expect(technique("T1078.004")?.tactics).toContain("TA0001");
    expect(technique("T9999")).toBeUndefined();
  });
});

describe("scenario stages", () => {
  it("use a known tactic and technique, and the technique serves that tactic", () => {
    const problems: string[] = [];
    for (const scenario of SCENARIOS) {
      for (const stage of scenario.stages) {
        const at = `${scenario.id} stage "${stage.id}"`;
        const tac = tactic(stage.tactic);
        const tech = technique(stage.technique);
        if (!tac) problems.push(`${at}: unknown tactic ${stage.tactic}`);
        if (!tech) problems.push(`${at}: unknown technique ${stage.technique}`);
        if (tac && tech && !tech.tactics.includes(tac.id))
          problems.push(`${at}: technique ${tech.id} does not serve tactic ${tac.id} (it serves ${tech.tactics.join(", ")})`);
      }
    }
    expect(SCENARIOS.length).toBeGreaterThan(0);
    expect(problems.length, problems.join("\n")).toBe(0);
  });
});
