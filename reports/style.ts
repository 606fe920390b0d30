/** The page's stylesheet: readable on a laptop, tables and timelines that scroll rather than overflow. */
export const STYLE = `
:root { --fg: #1d2329; --muted: #5b6670; --line: #d9dee3; --bg-soft: #f5f7f9; --ok: #1a7f37; --bad: #c62828; --warn: #b26a00; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header.page { padding: 18px 28px 8px; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 2px 0; color: var(--muted); }
nav.toc { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 6px 28px; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; }
nav.toc a { color: var(--accent); text-decoration: none; }
main { padding: 0 28px 40px; max-width: 1400px; }
section { padding-top: 12px; border-bottom: 1px solid var(--line); padding-bottom: 18px; }
h2 { font-size: 18px; margin: 14px 0 8px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
p.note { color: var(--muted); margin: 4px 0 10px; max-width: 100ch; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.command { background: var(--bg-soft); border: 1px solid var(--line); padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.best { font-weight: 700; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 16px 28px; align-items: flex-start; }
figure.chart { margin: 6px 0; }
figure.chart figcaption { color: var(--muted); font-size: 12px; max-width: 560px; }
.vega { min-height: 40px; }
.cov td.cell { text-align: center; min-width: 72px; font-variant-numeric: tabular-nums; }
.cov td.none { background: #fdecea; }
.cov td.part { background: #fff4d6; }
.cov td.full { background: #e3f4e6; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; }
.badge.tp { background: #e3f4e6; color: var(--ok); }
.badge.fp { background: #fdecea; color: var(--bad); }
.badge.dup { background: #fff4d6; color: var(--warn); }
article.timeline { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; padding: 10px 14px; }
article.timeline > header { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: baseline; }
article.timeline > header h4 { margin: 0; font-size: 14px; }
article.timeline .meta { color: var(--muted); font-size: 12.5px; }
.tl-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(240px, 1fr); gap: 12px; }
@media (max-width: 1100px) { .tl-body { grid-template-columns: minmax(0, 1fr); } }
.tl-svg { overflow-x: auto; }
.tl-svg svg { display: block; }
.truth { background: var(--bg-soft); border-radius: 4px; padding: 6px 10px; font-size: 13px; overflow-wrap: anywhere; }
.truth ul { margin: 4px 0; padding-left: 18px; }
.truth li.covered::marker { content: "✓ "; color: var(--ok); }
.truth li.missed::marker { content: "✗ "; color: var(--bad); }
.truth li.missed { color: var(--bad); }
details.entities summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
details.entities table { font-size: 12.5px; }
td.wrap { max-width: 560px; overflow-wrap: anywhere; }
.weight-pos { color: var(--bad); font-weight: 600; }
.weight-neg { color: var(--ok); font-weight: 600; }
`;
