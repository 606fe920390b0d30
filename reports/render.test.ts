/**
 * The page as a whole: its sections, determinism, escaping of planted payloads wherever a log
 * string lands (HTML text, attributes, SVG, chart JSON), the policy that forbids every request,
 * the timelines it lists, and its size on a large comparison.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tacticOrder } from "../schema/attack.ts";
import { renderReport } from "./render.ts";
import { emptyReportInput, HTML_PAYLOAD, sampleReportInput } from "./testing.ts";
import type { ReportInput } from "./input.ts";

const SECTIONS = ["summary", "variants", "scenarios", "coverage", "funnel", "timelines"];

const sequencesOf = (input: ReportInput) => input.runs.flatMap((r) => r.variants.flatMap((v) => v.sequences));
/** The page without its inline scripts' bodies (the vega bundles hold URLs and markup in strings). */
const markupOf = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>");
/** Every start tag of some markup. */
const tagsOf = (markup: string) => markup.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe("renderReport", () => {
  const run = sampleReportInput({ runs: 1, payload: HTML_PAYLOAD });
  const runHtml = renderReport(run).html;

  it("has every section, in order, with a table of contents", () => {
    const positions = SECTIONS.map((id) => runHtml.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of SECTIONS) expect(runHtml.includes(`<a href="#${id}">`), id).toBe(true);
  });

  it("is byte-identical for the same input, built twice", () => {
    const again = renderReport(sampleReportInput({ runs: 1, payload: HTML_PAYLOAD })).html;
    expect(createHash("sha256").update(again).digest("hex")).toBe(createHash("sha256").update(runHtml).digest("hex"));
  });

  it("renders planted payloads as text: escaped in markup and SVG, never a tag or an attribute", () => {
    const markup = markupOf(runHtml);
    expect(markup.includes("<img"), "a raw <img tag").toBe(false);
    // Attribute names of every tag, quoted values blanked: a payload that broke out of its quotes would show here.
    const attributes = tagsOf(markup).flatMap((t) => [...t.replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=>"]+)=/g)].map((m) => m[1]!.toLowerCase()));
    expect(attributes.length).toBeGreaterThan(1000);
    expect(attributes.filter((a) => a.startsWith("on") || a === "src")).toEqual([]);
    // The payload does land in the page: in table cells, SVG <title>/<text> and attributes, escaped.
    const escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;";
    expect(markup.split(escaped).length - 1).toBeGreaterThan(20);
    expect(/<title>[^<]*&lt;img src=x onerror=alert\(1\)&gt;/.test(markup), "payload escaped in an SVG <title>").toBe(true);
    // Only the page's own script elements: three libraries, the boot script, and inert JSON specs.
    const scripts = [...runHtml.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!.trim());
    expect(scripts.filter((a) => a === "")).toHaveLength(4);
    expect(scripts.filter((a) => a !== "").every((a) => /^type="application\/json" id="spec-[a-z-]+"$/.test(a))).toBe(true);
  });

  it("carries payloads through the charts' JSON unchanged but with no markup characters", () => {
    const json = /<script type="application\/json" id="spec-fp-persona">([^<]*)<\/script>/.exec(runHtml)![1]!;
    expect(json).not.toMatch(/[<>&]/);
    const spec = JSON.parse(json) as { data: { values: { label: string }[] } };
    expect(spec.data.values.map((r) => r.label)).toContain(`data-analyst${HTML_PAYLOAD}`);
  });

  it("forbids every request and runs only the scripts whose hashes the policy lists", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(runHtml)![1]!.replace(/&#39;/g, "'");
    for (const rule of ["default-src 'none'", "connect-src 'none'", "img-src data:", "font-src data:", "base-uri 'none'", "form-action 'none'"]) expect(csp).toContain(rule);
    expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("'unsafe-inline'");
    const inline = [...runHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(4);
    for (const source of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(source).digest("base64")}'`);
    expect(runHtml.indexOf("Content-Security-Policy")).toBeLessThan(runHtml.indexOf("<script"));
    const tags = tagsOf(markupOf(runHtml));
    expect(tags.map((t) => t.replace(/"[^"]*"/g, '""')).filter((t) => /\s(src|srcset|action|poster|data|formaction|xlink:href)=/i.test(t))).toEqual([]);
    const links = tags.flatMap((t) => [.../\shref="([^"]*)"/.exec(t)?.slice(1) ?? []]);
    expect(links.length).toBeGreaterThan(6);
    expect(links.filter((h) => !h.startsWith("#"))).toEqual([]);
    expect(runHtml.match(/<style>[\s\S]*?<\/style>/)![0]).not.toMatch(/url\(|@import/);
  });

  it("lists every sequence finding of a single run as a timeline, with lanes in kill-chain order", () => {
    const ids = [...runHtml.matchAll(/<article class="timeline" id="[^"]+" data-finding-id="([^"]+)"/g)].map((m) => m[1]!);
    const sequences = sequencesOf(run);
    expect(sequences.length).toBeGreaterThan(20);
    expect(ids).toEqual(sequences.map((s) => s.finding.id));
    for (const article of runHtml.split('<article class="timeline"').slice(1)) {
      const lanes = [...article.matchAll(/<g class="lane" data-tactic="([^"]+)"/g)].map((m) => m[1]!);
      expect(lanes.length).toBeGreaterThan(0);
      const order = lanes.map((t) => (t === "other" ? Infinity : tacticOrder(t)));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it("puts the truth beside each finding: covered and missed stages, or no campaign", () => {
    const missed = sequencesOf(run).find((s) => s.truth?.stages.some((x) => !x.covered))!;
    const card = runHtml.split(`data-finding-id="${missed.finding.id}"`)[1]!.split("</article>")[0]!;
    expect(card).toContain(`Campaign ${missed.truth!.campaignId}`);
    expect(card.match(/<li class="missed">/g)).toHaveLength(missed.truth!.stages.filter((x) => !x.covered).length);
    expect(card.match(/<rect class="stage missed"/g)).toHaveLength(missed.truth!.stages.filter((x) => !x.covered).length);
    const fp = sequencesOf(run).find((s) => s.truth === null)!;
    expect(runHtml.split(`data-finding-id="${fp.finding.id}"`)[1]!.split("</article>")[0]).toContain("No campaign: false positive");
  });

  it("shows a comparison's first run as timelines and lists every other finding as a row", () => {
    const input = sampleReportInput({ runs: 2 });
    const html = renderReport(input).html;
    const cards = [...html.matchAll(/data-finding-id="([^"]+)"/g)].map((m) => m[1]!);
    const rows = [...html.matchAll(/data-listed-finding-id="([^"]+)"/g)].map((m) => m[1]!);
    expect(cards).toEqual(input.runs[0]!.variants.flatMap((v) => v.sequences.map((s) => s.finding.id)));
    expect(rows).toEqual(input.runs.slice(1).flatMap((r) => r.variants.flatMap((v) => v.sequences.map((s) => s.finding.id))));
    expect(html.includes("lists the other"), "the page says what it shows").toBe(true);
  });

  it("shows headline metrics with intervals for a comparison and the reproducing command", () => {
    const input = sampleReportInput({ runs: 2 });
    const html = renderReport(input).html;
    const recall = input.aggregate!.metrics.find((m) => m.variant === "full" && m.metric === "sequence.recall")!;
    for (const text of [`${recall.mean!.toFixed(2)} [${recall.ciLow!.toFixed(2)}, ${recall.ciHigh!.toFixed(2)}]`, `<pre class="command">${input.command}</pre>`, "variant − full"]) expect(html.includes(text), text).toBe(true);
  });

  it("stays under 5 MB for a 3-seed × 4-variant comparison of the default suite's size", () => {
    const input = sampleReportInput({ runs: 3, variants: ["full", "rules-only", "first-seen", "frequency"], instances: 4, belowThreshold: 3000 });
    const html = renderReport(input).html;
    expect(sequencesOf(input).length).toBeGreaterThan(300);
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("renderReport on an empty run", () => {
  it("still has every section, says what is missing, and prints no NaN or undefined", () => {
    const html = renderReport(emptyReportInput()).html;
    const markup = markupOf(html);
    for (const id of SECTIONS) expect(markup.includes(`<section id="${id}"`), id).toBe(true);
    for (const bad of ["NaN", "undefined", "Infinity", "[object Object]"]) expect(markup.includes(bad), bad).toBe(false);
    for (const note of ["No detection-quality metric is defined", "No campaign was detected", "No attack campaign in the evaluation period", "No sequence finding above threshold"]) expect(markup.includes(note), note).toBe(true);
  });
});
