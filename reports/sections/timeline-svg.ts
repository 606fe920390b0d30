/**
 * One sequence finding's signals on a time axis, in ATT&CK tactic lanes (kill-chain order), drawn
 * as server-side SVG: the truth's stages as bands behind them (covered or missed) and a line where
 * the detector raised the finding. Every string is escaped; tooltips are SVG <title> text.
 */
import type { SequenceSignal } from "../../schema/finding.ts";
import type { StageVerdict } from "../input.ts";
import { tactic as tacticById, technique as techniqueById } from "../../schema/attack.ts";
import { esc } from "../html.ts";
import { utc } from "../format.ts";
import { orderOf } from "../model/coverage.ts";
import { signalTactic } from "../model/lanes.ts";

const WIDTH = 920;
const GUTTER = 150;
const RIGHT = 16;
const AXIS = 26;
const ROW = 18;
const LANE_PAD = 6;
const CHAR = 6.1;
const MAX_LABEL = 56;
const OTHER = "other";

/** Tick steps the axis may use, in minutes. */
const STEPS = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

interface Lane {
  key: string;
  label: string;
  order: number;
  items: Placed[];
  bands: StageVerdict[];
  rows: number;
}

interface Placed {
  signal: SequenceSignal;
  x0: number;
  x1: number;
  row: number;
  label: string;
  /** Where the label starts, and where it sits: right of the mark, left of it, or on it (a mark spanning most of the axis). */
  labelX: number;
  labelAt: "right" | "left" | "on";
}

/** The SVG timeline of `signals`, with truth `stages` (may be empty) and the detection time. */
export function timelineSvg(signals: readonly SequenceSignal[], stages: readonly StageVerdict[], detectedAt: string): string {
  const times = [...signals.flatMap((s) => [Date.parse(s.firstSeenAt), Date.parse(s.lastSeenAt)]), ...stages.flatMap((s) => [Date.parse(s.start), Date.parse(s.end)]), Date.parse(detectedAt)].filter(Number.isFinite);
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (!(t1 > t0)) [t0, t1] = [t0 - 30 * 60_000, t1 + 30 * 60_000];
  const plot = WIDTH - GUTTER - RIGHT;
  const x = (t: number) => GUTTER + ((t - t0) / (t1 - t0)) * plot;

  const lanes = new Map<string, Lane>();
  const laneOf = (key: string, label: string, order: number): Lane => {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { key, label, order, items: [], bands: [], rows: 1 }));
    return lane;
  };
  for (const stage of stages) {
    const t = tacticById(stage.tactic);
    laneOf(stage.tactic, t?.name ?? stage.tactic, orderOf(stage.tactic)).bands.push(stage);
  }
  const sorted = [...signals].sort((a, b) => Date.parse(a.firstSeenAt) - Date.parse(b.firstSeenAt) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const signal of sorted) {
    const t = signalTactic(signal);
    const lane = t ? laneOf(t.id, t.name, t.order) : laneOf(OTHER, "Other", Number.MAX_SAFE_INTEGER);
    const x0 = x(Date.parse(signal.firstSeenAt));
    const x1 = Math.max(x(Date.parse(signal.lastSeenAt)), x0 + 6);
    const name = signal.name.length > MAX_LABEL ? `${signal.name.slice(0, MAX_LABEL - 1)}…` : signal.name;
    const label = signal.count > 1 ? `${name} ×${signal.count}` : name;
    const width = label.length * CHAR;
    const labelAt = x1 + 4 + width <= WIDTH - RIGHT ? "right" : x0 - 4 - width >= GUTTER ? "left" : "on";
    lane.items.push({ signal, x0, x1, row: 0, label, labelX: labelAt === "right" ? x1 + 4 : labelAt === "left" ? x0 - 4 : x0 + 4, labelAt });
  }
  const ordered = [...lanes.values()].sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : 1));
  for (const lane of ordered) placeRows(lane);

  let y = 8;
  const parts: string[] = [];
  ordered.forEach((lane, i) => {
    const height = lane.rows * ROW + LANE_PAD * 2;
    parts.push(
      `<g class="lane" data-tactic="${esc(lane.key)}">`,
      `<rect x="0" y="${y}" width="${WIDTH}" height="${height}" fill="${i % 2 ? "#ffffff" : "#f6f8fa"}"/>`,
      `<text x="8" y="${y + height / 2 + 4}" font-size="12" font-weight="600" fill="#394049">${esc(lane.label)}</text>`,
    );
    for (const band of lane.bands) parts.push(stageBand(band, x, y, height));
    for (const item of lane.items) parts.push(signalMark(item, y + LANE_PAD + item.row * ROW));
    parts.push("</g>");
    y += height;
  });
  const detected = x(Date.parse(detectedAt));
  parts.push(
    `<line x1="${f(detected)}" x2="${f(detected)}" y1="4" y2="${y}" stroke="#c62828" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    `<text x="${f(Math.min(detected + 4, WIDTH - 60))}" y="${y + 12}" font-size="11" fill="#c62828">detected</text>`,
  );
  parts.push(axis(t0, t1, x, y + 16));
  const height = y + 16 + AXIS;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Signals by ATT&amp;CK tactic over time" font-family="system-ui, sans-serif">${parts.join("")}</svg>`;
}

/** Stack a lane's marks (with their labels) into as few rows as keep them from overlapping. */
function placeRows(lane: Lane): void {
  const ends: number[] = [];
  for (const item of lane.items) {
    const width = item.label.length * CHAR;
    const start = item.labelAt === "left" ? item.labelX - width : item.x0;
    const end = (item.labelAt === "left" ? item.x1 : Math.max(item.x1, item.labelX + width)) + 8;
    let row = ends.findIndex((e) => e <= start);
    if (row === -1) row = ends.push(0) - 1;
    ends[row] = end;
    item.row = row;
  }
  lane.rows = Math.max(1, ends.length);
}

function signalMark(item: Placed, top: number): string {
  const s = item.signal;
  const sev = s.severity ?? 5;
  const fill = sev >= 7 ? "#c62828" : sev >= 4 ? "#ef8f00" : "#5c8bd6";
  const indicators = (s.signalIndicators ?? []).map((i) => `${i.key}: ${(i.values ?? []).join(", ")}`).join("\n");
  const tip = [
    `${s.name} (${s.type})`,
    s.description ?? "",
    `${utc(s.firstSeenAt)} → ${utc(s.lastSeenAt)}, ${s.count} time${s.count === 1 ? "" : "s"}, severity ${sev}`,
    indicators,
  ]
    .filter((l) => l !== "")
    .join("\n");
  return (
    `<g class="signal" data-signal-uid="${esc(s.uid)}"><title>${esc(tip)}</title>` +
    // A label on its mark needs a light mark to stay readable.
    `<rect x="${f(item.x0)}" y="${top + 2}" width="${f(item.x1 - item.x0)}" height="13" rx="2" fill="${fill}"${item.labelAt === "on" ? ` fill-opacity="0.3"` : ""}/>` +
    `<text x="${f(item.labelX)}" y="${top + 12}" font-size="11" fill="#1d2329"${item.labelAt === "left" ? ` text-anchor="end"` : ""}>${esc(item.label)}</text></g>`
  );
}

function stageBand(stage: StageVerdict, x: (t: number) => number, top: number, height: number): string {
  const x0 = x(Date.parse(stage.start));
  const x1 = Math.max(x(Date.parse(stage.end)), x0 + 3);
  const name = techniqueById(stage.technique)?.name ?? stage.technique;
  const tip = `truth stage ${stage.id}: ${stage.technique} ${name}, ${utc(stage.start)} → ${utc(stage.end)}, ${stage.covered ? "covered by this finding" : "missed"}`;
  const style = stage.covered ? `fill="#2e7d32" fill-opacity="0.14" stroke="#2e7d32" stroke-opacity="0.5"` : `fill="#c62828" fill-opacity="0.06" stroke="#c62828" stroke-dasharray="3 2"`;
  return `<rect class="stage ${stage.covered ? "covered" : "missed"}" x="${f(x0)}" y="${top + 1}" width="${f(x1 - x0)}" height="${height - 2}" ${style}><title>${esc(tip)}</title></rect>`;
}

function axis(t0: number, t1: number, x: (t: number) => number, top: number): string {
  const spanMinutes = (t1 - t0) / 60_000;
  const step = (STEPS.find((s) => spanMinutes / s <= 8) ?? STEPS[STEPS.length - 1]!) * 60_000;
  const parts = [`<line x1="${GUTTER}" x2="${WIDTH - RIGHT}" y1="${top}" y2="${top}" stroke="#8a949e"/>`];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const iso = new Date(t).toISOString();
    const label = step >= 1440 * 60_000 ? iso.slice(5, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
    parts.push(`<line x1="${f(x(t))}" x2="${f(x(t))}" y1="${top}" y2="${top + 4}" stroke="#8a949e"/><text x="${f(x(t))}" y="${top + 16}" font-size="10.5" text-anchor="middle" fill="#5b6670">${label}</text>`);
  }
  parts.push(`<text x="8" y="${top + 16}" font-size="10.5" fill="#5b6670">UTC</text>`);
  return parts.join("");
}

/** Coordinates with one decimal: small SVG, identical output everywhere. */
function f(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
