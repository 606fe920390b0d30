/**
 * Renders `docs/scenarios.md`: every scenario with its stages (and which may run in any order),
 * ATT&CK techniques, references and expected sequence type, the suites, and a tactic × scenario
 * coverage matrix. A test fails when the committed file is stale (`npm run docs` rewrites it).
 */
import { TACTICS, tactic, technique } from "../schema/attack.ts";
import type { ScenarioDefinition } from "./define.ts";
import type { Suite } from "./suites.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** "`a`, `b` and `c`". */
const codeList = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(", ").replace(/, ([^,]*)$/, " and $1");

/** A line naming the stages that may run in any order among themselves; nothing when the order is fixed. */
function freeOrderLines(s: ScenarioDefinition): string[] {
  const groups = s.freeOrder ?? [];
  if (groups.length === 0) return [];
  return ["", `Stage order: as listed, except that ${groups.map((g) => `${codeList(g)} run in any order among themselves`).join("; and ")} (each instance draws its own).`];
}

/** The Markdown page for a catalogue and its suites. */
export function renderScenarioDocs(scenarios: readonly ScenarioDefinition[], suites: readonly Suite[]): string {
  const out: string[] = [
    "# Scenario catalogue",
    "",
    "Generated from `scenarios/*.ts` by `npm run docs`; do not edit by hand.",
    "",
    `${scenarios.filter((s) => s.kind === "attack").length} attacks and ${scenarios.filter((s) => s.kind === "benign").length} benign look-alike episodes.`,
    "",
    "| scenario | kind | expected sequence | tactics |",
    "|---|---|---|---|",
    ...scenarios.map((s) => `| [\`${s.id}\`](#${s.id}) | ${s.kind} | ${s.expectedSequenceType ?? "none (benign)"} | ${[...new Set(s.stages.map((st) => tactic(st.tactic)?.name ?? st.tactic))].join(" → ")} |`),
    "",
    "## Suites",
    "",
    "| suite | what | instances (history + evaluation) |",
    "|---|---|---|",
    ...suites.map((s) => `| \`${s.id}\` | ${cell(s.description)} | ${s.entries.reduce((n, e) => n + e.history + e.evaluation, 0)} |`),
    "",
    "## Tactic coverage",
    "",
    `| tactic | ${scenarios.map((s) => `\`${s.id}\``).join(" | ")} |`,
    `|---|${scenarios.map(() => ":-:").join("|")}|`,
  ];
  for (const t of TACTICS) {
    const row = scenarios.map((s) => (s.stages.some((st) => st.tactic === t.id) ? "✓" : ""));
    if (row.some((c) => c)) out.push(`| ${t.name} (${t.id}) | ${row.join(" | ")} |`);
  }
  for (const s of scenarios) {
    out.push(
      "",
      `## ${s.id}`,
      "",
      `**${cell(s.title)}** — ${s.kind}; expected sequence: ${s.expectedSequenceType ?? "none (benign look-alike)"}; at most ${s.maxDurationHours} h.`,
      "",
      cell(s.description),
      "",
      "| stage | tactic | technique | what happens |",
      "|---|---|---|---|",
      ...s.stages.map((st) => `| ${st.id}${st.optional ? " (optional)" : ""} | ${tactic(st.tactic)?.name ?? "?"} (${st.tactic}) | ${technique(st.technique)?.name ?? "?"} (${st.technique}) | ${cell(st.description)} |`),
      ...freeOrderLines(s),
      "",
      "References:",
      "",
      ...s.references.map((r) => `- ${r}`),
    );
  }
  return out.join("\n") + "\n";
}
