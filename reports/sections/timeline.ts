/**
 * One attack-sequence finding as a GuardDuty-console-like card: header (type, title, severity,
 * score), the tactic-lane timeline, the truth beside it, then the markers that fired with their
 * evidence, the indicators, actors, resources and endpoints. Every finding string is escaped.
 */
import type { Finding } from "../../schema/finding.ts";
import { technique as techniqueById, tactic as tacticById } from "../../schema/attack.ts";
import type { ReportSequence } from "../input.ts";
import { esc } from "../html.ts";
import { num, utc } from "../format.ts";
import { timelineSvg } from "./timeline-svg.ts";

type Sequence = NonNullable<NonNullable<Finding["service"]["detection"]>["sequence"]>;

/** Where a finding comes from, for its header. */
export interface TimelineContext {
  run: string;
  variant: string;
  /** Anchor id of the card, unique in the page. */
  anchor: string;
}

/** The verdict as a coloured badge. */
export function verdictBadge(verdict: ReportSequence["verdict"]): string {
  const [cls, text] = verdict === "true-positive" ? ["tp", "true positive"] : verdict === "duplicate" ? ["dup", "duplicate"] : ["fp", "false positive"];
  return `<span class="badge ${cls}">${text}</span>`;
}

/** The card of one sequence finding, marked `data-finding-id` for tests and tools. */
export function timelineCard(seq: ReportSequence, ctx: TimelineContext): string {
  const f = seq.finding;
  const sequence = f.service.detection?.sequence;
  const signals = sequence?.signals ?? [];
  const stages = seq.truth?.stages ?? [];
  return [
    `<article class="timeline" id="${esc(ctx.anchor)}" data-finding-id="${esc(f.id)}" data-verdict="${esc(seq.verdict)}" data-variant="${esc(ctx.variant)}" data-run="${esc(ctx.run)}">`,
    `<header><h4>${esc(f.type)}</h4>${verdictBadge(seq.verdict)}`,
    `<span class="meta">severity ${num(f.severity, 1)} · score ${num(f.seqlab.score)} / threshold ${num(f.seqlab.threshold)} · detected ${esc(utc(f.seqlab.detectedAt))} · account ${esc(f.accountId)} ${esc(f.region)} · ${esc(ctx.variant)} on ${esc(ctx.run)}</span></header>`,
    `<p>${esc(f.title)}</p>`,
    `<div class="tl-body"><div class="tl-svg">${signals.length ? timelineSvg(signals, stages, f.seqlab.detectedAt) : `<p class="note">This finding lists no signals.</p>`}</div>`,
    truthPanel(seq),
    `</div>`,
    markersTable(f),
    sequence ? entityTables(sequence) : "",
    `<p class="meta">finding id <code>${esc(f.id)}</code> · ${signals.length} signal kinds, ${f.seqlab.eventIds.length} events</p>`,
    `</article>`,
  ].join("");
}

function truthPanel(seq: ReportSequence): string {
  const t = seq.truth;
  if (!t) {
    const persona = seq.persona ? `persona <b>${esc(seq.persona)}</b>` : "no persona known for its actor";
    return `<aside class="truth"><b>No campaign: false positive</b> on background activity (${persona}).</aside>`;
  }
  const covered = t.stages.filter((s) => s.covered).length;
  const typeNote =
    t.expectedSequenceType === null
      ? "a benign look-alike episode: raising it is a false positive"
      : t.expectedSequenceType === seq.finding.type
        ? `expected type ${esc(t.expectedSequenceType)} ✓`
        : `expected type ${esc(t.expectedSequenceType)}, this finding says ${esc(seq.finding.type)}`;
  const stages = t.stages
    .map((s) => `<li class="${s.covered ? "covered" : "missed"}">${esc(tacticById(s.tactic)?.name ?? s.tactic)}: ${esc(s.technique)} ${esc(techniqueById(s.technique)?.name ?? "")} <span class="meta">${esc(utc(s.start))}${s.covered ? "" : " — missed"}</span></li>`)
    .join("");
  return (
    `<aside class="truth"><b>${t.kind === "attack" ? "Campaign" : "Benign episode"} ${esc(t.campaignId)}</b><br>scenario <code>${esc(t.scenarioId)}</code>, started ${esc(utc(t.start))}<br>${typeNote}` +
    `<br>${covered} of ${t.stages.length} stages covered:<ul>${stages}</ul></aside>`
  );
}

function markersTable(f: Finding): string {
  const markers = [...f.seqlab.markers].sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (markers.length === 0) return `<p class="note">No marker fired.</p>`;
  const rows = markers.map((m) => `<tr><td><code>${esc(m.id)}</code></td><td class="num ${m.weight >= 0 ? "weight-pos" : "weight-neg"}">${m.weight >= 0 ? "+" : "−"}${num(Math.abs(m.weight))}</td><td class="wrap">${esc(m.evidence)}</td></tr>`);
  return `<h5>Markers that fired</h5><div class="scroll"><table><thead><tr><th>marker</th><th class="num">weight</th><th>evidence</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function entityTables(s: Sequence): string {
  const parts: string[] = [];
  const indicators = s.sequenceIndicators ?? [];
  if (indicators.length)
    parts.push(
      table(
        "Indicators",
        ["key", "title", "values"],
        indicators.map((i) => [`<code>${esc(i.key)}</code>`, esc(i.title ?? ""), esc((i.values ?? []).join(", "))]),
      ),
    );
  const actors = s.actors ?? [];
  if (actors.length)
    parts.push(
      table(
        "Actors",
        ["name", "type", "uid", "account", "credential", "session"],
        actors.map((a) => [
          esc(a.user?.name ?? a.id),
          esc(a.user?.type ?? ""),
          esc(a.user?.uid ?? a.id),
          esc(a.user?.account?.uid ?? ""),
          esc(a.user?.credentialUid ?? ""),
          esc([a.session?.uid, a.session?.mfaStatus && `MFA ${a.session.mfaStatus.toLowerCase()}`].filter(Boolean).join(", ")),
        ]),
      ),
    );
  const resources = s.resources ?? [];
  if (resources.length) parts.push(table("Resources", ["type", "name", "account", "region"], resources.map((r) => [esc(r.resourceType), esc(r.name ?? r.uid), esc(r.accountId ?? ""), esc(r.region ?? "")])));
  const endpoints = s.endpoints ?? [];
  if (endpoints.length)
    parts.push(
      table(
        "Endpoints",
        ["address", "network", "location", "direction"],
        endpoints.map((e) => [
          esc([e.ip, e.domain, e.port].filter((v) => v !== undefined).join(":") || e.id),
          esc(e.autonomousSystem ? `AS${e.autonomousSystem.number} ${e.autonomousSystem.name}` : ""),
          esc(e.location ? `${e.location.city}, ${e.location.country}` : ""),
          esc(e.connection?.direction.toLowerCase() ?? ""),
        ]),
      ),
    );
  return parts.length ? `<details class="entities" open><summary>Indicators, actors, resources and endpoints</summary>${parts.join("")}</details>` : "";
}

/** A small titled table of already-escaped cells. */
function table(title: string, header: string[], rows: string[][]): string {
  return `<h5>${esc(title)}</h5><div class="scroll"><table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td class="wrap">${c}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
}
