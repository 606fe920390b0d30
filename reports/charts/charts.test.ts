/**
 * Every chart the page embeds compiles with vega-lite without a single warning, and then runs in
 * vega (headless, as the browser would) without warnings and with marks to show: for a single run
 * (no intervals) and a comparison (intervals, paired differences).
 */
import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import * as vega from "vega";
import type { LoggerInterface } from "vega";
import { renderReport } from "../render.ts";
import { emptyReportInput, sampleReportInput } from "../testing.ts";
import type { ChartSpec } from "./spec.ts";
import { metricIntervalsChart } from "./metric-intervals.ts";

/** A logger that keeps every message above debug level. */
function captureLogger(): { logger: LoggerInterface; messages: string[] } {
  const messages: string[] = [];
  let level = vega.Warn;
  const logger: LoggerInterface = {
    level(...args: number[]) {
      if (args.length === 0) return level as never;
      level = args[0]!;
      return logger as never;
    },
    error: (...args: readonly unknown[]) => (messages.push(`error: ${args.join(" ")}`), logger),
    warn: (...args: readonly unknown[]) => (messages.push(`warn: ${args.join(" ")}`), logger),
    info: (...args: readonly unknown[]) => (messages.push(`info: ${args.join(" ")}`), logger),
    debug: () => logger,
  } as LoggerInterface;
  return { logger, messages };
}

/** The chart specs a page embeds, by chart id. */
function specsOf(html: string): Map<string, ChartSpec> {
  const specs = new Map<string, ChartSpec>();
  for (const m of html.matchAll(/<script type="application\/json" id="spec-([^"]+)">([^<]*)<\/script>/g)) specs.set(m[1]!, JSON.parse(m[2]!) as ChartSpec);
  return specs;
}

interface SceneNode {
  role?: string;
  items?: SceneNode[];
}

function markItems(node: SceneNode): number {
  const own = node.role === "mark" ? (node.items?.length ?? 0) : 0;
  return own + (node.items ?? []).reduce((n, child) => n + markItems(child), 0);
}

/** Compile with vega-lite, run the vega view headless; warnings of both and the number of mark items. */
async function check(spec: ChartSpec): Promise<{ compileMessages: string[]; runMessages: string[]; items: number }> {
  const compiled = captureLogger();
  const vg = compile(spec, { logger: compiled.logger }).spec;
  const run = captureLogger();
  const view = new vega.View(vega.parse(vg), { renderer: "none", logger: run.logger, logLevel: vega.Warn });
  await view.runAsync();
  const items = markItems((view.scenegraph() as unknown as { root: SceneNode }).root);
  view.finalize();
  return { compileMessages: compiled.messages, runMessages: run.messages, items };
}

describe("report charts", () => {
  const cases = [
    ["single run", sampleReportInput({ runs: 1 })],
    ["comparison", sampleReportInput({ runs: 2 })],
  ] as const;
  for (const [name, input] of cases) {
    it(`compile and run without warnings, with marks (${name})`, async () => {
      const specs = specsOf(renderReport(input).html);
      expect(specs.size).toBeGreaterThanOrEqual(10);
      for (const [id, spec] of specs) {
        const result = await check(spec);
        expect({ id, compile: result.compileMessages, run: result.runMessages }).toEqual({ id, compile: [], run: [] });
        expect(result.items, id).toBeGreaterThan(0);
      }
    });
  }

  it("the comparison page has the paired-difference chart, the single run does not", () => {
    expect(specsOf(renderReport(sampleReportInput({ runs: 2 })).html).has("paired-shares")).toBe(true);
    expect(specsOf(renderReport(sampleReportInput({ runs: 1 })).html).has("paired-shares")).toBe(false);
  });

  it("interval charts draw error bars only where an interval exists", async () => {
    const variants = ["a", "b"];
    const rows = [
      { metric: "Recall", variant: "a", mean: 0.5, low: 0.4, high: 0.6, n: 3 },
      { metric: "Recall", variant: "b", mean: 0.7, low: null, high: null, n: 1 },
    ];
    const spec = metricIntervalsChart(rows, { title: "t", xTitle: "x", variants, domain: [0, 1] }) as { layer: { mark: { type: string } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(["rule", "point"]);
    const noIntervals = metricIntervalsChart(rows.map((r) => ({ ...r, low: null, high: null })), { title: "t", xTitle: "x", variants }) as { layer: { mark: { type: string } }[] };
    expect(noIntervals.layer.map((l) => l.mark.type)).toEqual(["point"]);
    expect((await check(noIntervals as ChartSpec)).runMessages).toEqual([]);
  });
});

describe("report charts on an empty run", () => {
  it("leave out charts with nothing to draw; the rest still compile and run cleanly", async () => {
    const empty = emptyReportInput();
    const specs = specsOf(renderReport(empty).html);
    for (const [id, spec] of specs) {
      const result = await check(spec);
      expect({ id, compile: result.compileMessages, run: result.runMessages }).toEqual({ id, compile: [], run: [] });
      expect(result.items, id).toBeGreaterThan(0);
    }
  });
});
