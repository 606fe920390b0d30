/**
 * Report benchmark: the limits of the comparison report on the comparison the compare benchmark
 * made — size of its report.html, time from navigation start until every chart has drawn in
 * Debian's chromium (median of a few loads) with the console errors seen, and the time of
 * `renderReport` itself in Node.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { loadComparisonReport } from "../cli/report-input.ts";
import { median } from "../eval/stats.ts";
import { renderReport } from "../reports/render.ts";
import type { BenchLine } from "./simulate.ts";

const CHROMIUM = "/usr/bin/chromium";
/** Headless, no sandbox (containers), and nothing that phones home or competes for the CPU. */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** Loads (and Node renders) per figure; the median damps the noise of a shared machine. */
const REPEATS = 3;
/** Longer than any page should take; a page past it fails the bench instead of hanging it. */
const DRAW_TIMEOUT_MS = 60_000;
const MB = 1_000_000;

/**
 * Runs in the page before its own scripts: notes `performance.now()` (milliseconds since
 * navigation start) the moment the boot script marks <body> with `data-charts-rendered`, so the
 * figure holds neither the launch of the page nor the round trips of the driver.
 */
const NOTE_CHARTS_RENDERED = `new MutationObserver(function (_, observer) {
  if (document.body && document.body.hasAttribute("data-charts-rendered")) {
    window.__chartsRenderedAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-charts-rendered"] });`;

/** One load of the page: time to draw every chart, and the errors it logged. */
async function loadOnce(browser: Browser, url: string): Promise<{ milliseconds: number; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(NOTE_CHARTS_RENDERED);
    await page.goto(url);
    await page.waitForSelector("body[data-charts-rendered]", { timeout: DRAW_TIMEOUT_MS });
    const milliseconds = await page.evaluate(() => (globalThis as { __chartsRenderedAt?: number }).__chartsRenderedAt);
    if (milliseconds === undefined) throw new Error("the page was marked data-charts-rendered but the timing script did not see it happen");
    return { milliseconds, errors };
  } finally {
    await page.context().close();
  }
}

/** Browser figures of `file`; NaN with the reason on stderr when chromium is missing or fails. */
async function browserLines(file: string, log: (line: string) => void): Promise<BenchLine[]> {
  const lines = (milliseconds: number, errors: number, note = ""): BenchLine[] => [
    { name: `report draw in chromium, median of ${REPEATS} loads${note}`, value: milliseconds, unit: "ms", target: { op: "<=", value: 3000 } },
    { name: `report console errors over ${REPEATS} loads${note}`, value: errors, unit: "errors", target: { op: "<=", value: 0 } },
  ];
  if (!existsSync(CHROMIUM)) {
    log(`report: no chromium at ${CHROMIUM}, so the browser figures are NaN; install it with \`apt-get install chromium\` (.ci/run does)`);
    return lines(NaN, NaN, " (no chromium)");
  }
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const loads = [];
    // One after another: loads in parallel would share the two cores and slow each other down.
    for (let i = 0; i < REPEATS; i++) loads.push(await loadOnce(browser, pathToFileURL(file).href));
    const errors = loads.flatMap((l) => l.errors);
    for (const e of errors.slice(0, 5)) log(`report: console error: ${e}`);
    log(`report: drawn in ${loads.map((l) => l.milliseconds.toFixed(0)).join(", ")} ms`);
    return lines(median(loads.map((l) => l.milliseconds))!, errors.length);
  } catch (e) {
    log(`report: the browser figures are NaN, chromium failed: ${e instanceof Error ? e.message : String(e)}`);
    return lines(NaN, NaN, " (chromium failed)");
  } finally {
    await browser?.close();
  }
}

/** Median wall milliseconds of `renderReport` on the comparison in `dir` (loading its files not included). */
async function nodeRenderMilliseconds(dir: string): Promise<number> {
  const input = await loadComparisonReport(dir);
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    renderReport(input);
    times.push(performance.now() - started);
  }
  return median(times)!;
}

/** Run the report benchmark on the comparison in `dir` (what `seqlab compare` wrote, report.html included); `what` describes the comparison. */
export async function benchReport(dir: string, what: string, log: (line: string) => void): Promise<BenchLine[]> {
  const file = join(dir, "report.html");
  log(`report: renderReport in Node, then the page in chromium (${what})`);
  return [
    { name: `report size (${what})`, value: statSync(file).size / MB, unit: "MB", target: { op: "<=", value: 5 } },
    { name: `renderReport median of ${REPEATS}, Node`, value: await nodeRenderMilliseconds(dir), unit: "ms" },
    ...(await browserLines(file, log)),
  ];
}
