/** ATT&CK coverage: every tactic × technique of the attack campaigns' truth, and how many stage instances each variant covered. */
import type { ReportInput } from "../input.ts";
import { esc } from "../html.ts";
import { attackCoverage } from "../model/coverage.ts";
import { variantOrder } from "../model/variants.ts";

/** The section's HTML. */
export function coverageSection(input: ReportInput, layerVariant: string): string {
  const variants = variantOrder(input);
  const rows = attackCoverage(input);
  if (rows.length === 0) return `<p class="note">No attack campaign in the evaluation period, so no ATT&amp;CK technique to cover.</p>`;
  const body = rows.map((r, i) => {
    const first = i === 0 || rows[i - 1]!.tactic !== r.tactic;
    const span = rows.filter((x) => x.tactic === r.tactic).length;
    const tacticCell = first ? `<th rowspan="${span}" scope="rowgroup">${esc(r.tacticName)}<br><span class="meta">${esc(r.tactic)}</span></th>` : "";
    const cells = variants.map((v) => {
      const covered = r.covered[v] ?? 0;
      const cls = covered === 0 ? "none" : covered < r.present ? "part" : "full";
      return `<td class="cell ${cls}" data-variant="${esc(v)}">${covered}/${r.present}</td>`;
    });
    return `<tr data-technique="${esc(r.technique)}">${tacticCell}<td><code>${esc(r.technique)}</code> ${esc(r.techniqueName)}</td>${cells.join("")}</tr>`;
  });
  return [
    `<p class="note">Tactics in kill-chain order with the techniques the attack campaigns' stages used (names from ATT&amp;CK). A cell is covered/present: stage instances an above-threshold sequence finding of the same campaign holds an event of, out of those in the truth. Green: all covered; amber: some; red: present but never detected. The ATT&amp;CK Navigator layer beside this page scores ${esc(layerVariant)}'s coverage.</p>`,
    `<div class="scroll"><table class="cov"><thead><tr><th>tactic</th><th>technique</th>${variants.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table></div>`,
  ].join("\n");
}
