/**
 * The ATT&CK coverage as an ATT&CK Navigator layer (layer format 4.5): one technique entry per
 * tactic and technique of the attack campaigns' truth, scored by the share of its stage instances
 * the layer's variant covered; the comment lists every variant's count.
 */
import { TACTICS } from "../schema/attack.ts";
import type { ReportInput } from "./input.ts";
import { attackCoverage } from "./model/coverage.ts";
import { variantOrder } from "./model/variants.ts";

/** A technique annotation of a Navigator layer. */
export interface NavigatorTechnique {
  techniqueID: string;
  /** The tactic's short name (`credential-access`), so the score shows under that tactic only. */
  tactic: string;
  score: number;
  comment: string;
  enabled: boolean;
  metadata: { name: string; value: string }[];
}

/** An ATT&CK Navigator layer, format 4.5 (the fields seqlab writes). */
export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: "4.5" };
  domain: "enterprise-attack";
  description: string;
  sorting: number;
  layout: { layout: "side"; showID: boolean; showName: boolean };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  metadata: { name: string; value: string }[];
}

/** ATT&CK release the technique ids of schema/attack.ts are checked against. */
const ATTACK_VERSION = "17";
const NAVIGATOR_VERSION = "5.1.0";

/** ATT&CK's short name of a tactic: "Command and Control" → "command-and-control". */
export function tacticShortName(tacticId: string): string {
  const t = TACTICS.find((x) => x.id === tacticId);
  return (t?.name ?? tacticId).toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/**
 * The layer of the report's first variant (the one the runs list first, e.g. `full`), with every
 * variant's coverage in the comments and metadata.
 */
export function navigatorLayer(input: ReportInput): NavigatorLayer {
  const variants = variantOrder(input);
  const variant = variants[0] ?? "none";
  const rows = attackCoverage(input);
  const runs = input.runs.length;
  return {
    name: `seqlab coverage: ${variant}`,
    versions: { attack: ATTACK_VERSION, navigator: NAVIGATOR_VERSION, layer: "4.5" },
    domain: "enterprise-attack",
    description:
      `${input.title}. Techniques of the attack campaigns in the evaluation period of ${runs} run${runs === 1 ? "" : "s"}; ` +
      `score = % of their stage instances covered by an above-threshold ${variant} sequence finding of the same campaign.`,
    sorting: 3,
    layout: { layout: "side", showID: true, showName: true },
    hideDisabled: false,
    techniques: rows.map((r) => {
      const covered = r.covered[variant] ?? 0;
      return {
        techniqueID: r.technique,
        tactic: tacticShortName(r.tactic),
        score: Math.round((100 * covered) / r.present),
        comment: `${r.techniqueName} (${r.tacticName}): ${variants.map((v) => `${v} ${r.covered[v] ?? 0}/${r.present}`).join(", ")} stage instances covered`,
        enabled: true,
        metadata: variants.map((v) => ({ name: v, value: `${r.covered[v] ?? 0}/${r.present}` })),
      };
    }),
    gradient: { colors: ["#ef9a9a", "#ffe082", "#81c784"], minValue: 0, maxValue: 100 },
    legendItems: [
      { label: "in truth, never covered", color: "#ef9a9a" },
      { label: "partly covered", color: "#ffe082" },
      { label: "every stage covered", color: "#81c784" },
    ],
    showTacticRowBackground: true,
    tacticRowBackground: "#dddddd",
    selectTechniquesAcrossTactics: false,
    selectSubtechniquesWithParent: false,
    metadata: [
      { name: "variant", value: variant },
      { name: "runs", value: input.runs.map((r) => r.name).join(", ") },
      { name: "command", value: input.command },
    ],
  };
}
