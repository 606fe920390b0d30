/**
 * `seqlab report` in a real browser (Debian's chromium through playwright-core), on a small
 * simulated run whose attack events carry planted HTML and script in a user agent and a bucket
 * name: the page loads with no console error and no request but itself, every chart draws marks,
 * the timelines list every raised sequence, the payloads show as text and never run (also with
 * the page's Content-Security-Policy removed, so escaping alone is tested), and the screenshot is
 * far from blank. A comparison of two copies of the run draws its charts the same way.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../schema/finding.ts";
import type { Truth } from "../schema/truth.ts";
import { aggregate, aggregateJson, type RunEvaluation } from "../eval/aggregate.ts";
import { listFiles } from "../simulator/testing.ts";
import { UsageError } from "./errors.ts";
import { evaluateRun } from "./eval.ts";
import { seqlab } from "./testing.ts";

const CHROMIUM = "/usr/bin/chromium";
/** Headless, no sandbox (CI containers), and nothing that phones home: the only request must be the page. */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const VARIANTS = ["rules-only", "first-seen"];

/** Planted in an attack's CloudTrail records; "kali" makes the detector quote the user agent in its evidence. */
const USER_AGENT_PAYLOAD = `aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64-kali exec-env/shell <img src=x onerror="window.__xss=1">`;
const BUCKET_PAYLOAD = `<script>window.__xss=2</script>`;

/**
 * A full-page PNG of this report was about 3.5 MB when measured, a blank 1280 × 800 page's about
 * 5 KB: below this, the page drew next to nothing.
 */
const MIN_SCREENSHOT_BYTES = 100_000;

const base = mkdtempSync(join(tmpdir(), "seqlab-report-browser-"));
const run = join(base, "run");

/**
 * Put the payloads into one attack campaign of the evaluation period, the one whose CloudTrail
 * records name a bucket most often: its bucket name (everywhere in those records) and the user
 * agent of its callers. Returns how many records were changed.
 */
function plantPayloads(runDir: string): number {
  const truth = JSON.parse(readFileSync(join(runDir, "truth.json"), "utf8")) as Truth;
  const attacks = truth.campaigns.filter((c) => c.kind === "attack" && c.start >= truth.period.evaluationStart);
  const campaignOf = new Map(attacks.flatMap((c) => c.stages.flatMap((s) => s.eventIds.map((id) => [id, c.id] as const))));
  const files = listFiles(join(runDir, "events")).filter((p) => p.includes("/CloudTrail/")).map((p) => join(runDir, "events", p));
  type Rec = Record<string, any>;
  const bodies = new Map<string, { Records: Rec[] }>();
  const buckets = new Map<string, Map<string, number>>();
  for (const file of files) {
    const body = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { Records: Rec[] };
    const mine = body.Records.filter((r) => campaignOf.has(r.eventID));
    if (mine.length === 0) continue;
    bodies.set(file, body);
    for (const r of mine) {
      const bucket = r.requestParameters?.bucketName;
      if (typeof bucket !== "string") continue;
      const counts = buckets.get(campaignOf.get(r.eventID)!) ?? new Map<string, number>();
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      buckets.set(campaignOf.get(r.eventID)!, counts);
    }
  }
  const [campaign, counts] = [...buckets].sort(([, a], [, b]) => Math.max(...b.values()) - Math.max(...a.values()))[0]!;
  const bucket = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  let changed = 0;
  for (const [file, body] of bodies) {
    body.Records = body.Records.map((r) => {
      if (campaignOf.get(r.eventID) !== campaign) return r;
      changed++;
      // The payloads hold no quote or backslash, so they can go into the JSON text as they are.
      const planted = JSON.parse(JSON.stringify(r).split(bucket).join(BUCKET_PAYLOAD)) as Rec;
      if (planted.userIdentity?.type !== "AWSService") planted.userAgent = USER_AGENT_PAYLOAD;
      return planted;
    });
    writeFileSync(file, gzipSync(JSON.stringify(body)));
  }
  return changed;
}

/** Raised sequence findings of the evaluation period, read straight from the findings files. */
function raisedSequenceIds(runDir: string): string[] {
  const truth = JSON.parse(readFileSync(join(runDir, "truth.json"), "utf8")) as Truth;
  const inPeriod = (t: string) => t >= truth.period.evaluationStart && t < truth.period.end;
  return readdirSync(join(runDir, "findings"))
    .filter((f) => f.endsWith(".ndjson"))
    .flatMap((f) => readFileSync(join(runDir, "findings", f), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Finding))
    .filter((f) => f.type.startsWith("AttackSequence:") && f.seqlab.score >= f.seqlab.threshold && inPeriod(f.seqlab.detectedAt))
    .map((f) => f.id)
    .sort();
}

/** What a page did while it loaded and drew its charts. */
interface Load {
  page: Page;
  requests: string[];
  errors: string[];
  milliseconds: number;
}

async function load(browser: Browser, url: string): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const started = performance.now();
  await page.goto(url);
  await page.waitForSelector("body[data-charts-rendered]", { timeout: 30_000 });
  return { page, requests, errors, milliseconds: performance.now() - started };
}

/** Charts of the page with their state and how many SVG marks they drew. */
async function charts(page: Page): Promise<{ id: string; rendered: string | null; marks: number }[]> {
  return page.$$eval("[data-chart]", (nodes) =>
    nodes.map((n) => ({ id: n.id, rendered: n.getAttribute("data-rendered"), marks: n.querySelectorAll("svg path, svg rect, svg symbol, svg line, svg text").length })),
  );
}

let browser: Browser;
let report: string;
let shown: Load;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the report's browser tests need Debian's chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` (.ci/run does)`);
  expect(await seqlab("simulate", "--out", run, "--seed", "11", "--days", "4", "--accounts", "4", "--suite", "smoke", "--workers", "1")).toBeUndefined();
  expect(plantPayloads(run)).toBeGreaterThan(0);
  expect(await seqlab("detect", "--run", run, "--variant", ...VARIANTS)).toBeUndefined();
  expect(await seqlab("report", "--run", run)).toBeUndefined();
  report = join(run, "report.html");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  shown = await load(browser, pathToFileURL(report).href);
  console.log(`report: ${(readFileSync(report).length / 1024).toFixed(0)} KiB, loaded and drawn in ${shown.milliseconds.toFixed(0)} ms`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(base, { recursive: true, force: true });
});

describe("seqlab report in a real browser", () => {
  it("carries the planted payloads through detection into the findings", () => {
    const findings = VARIANTS.map((v) => readFileSync(join(run, "findings", `${v}.ndjson`), "utf8")).join("");
    for (const payload of [USER_AGENT_PAYLOAD, BUCKET_PAYLOAD]) expect(findings).toContain(JSON.stringify(payload).slice(1, -1));
  });

  it("loads with no console error and no request but the page itself", () => {
    expect(shown.errors).toEqual([]);
    expect(shown.requests).toEqual([pathToFileURL(report).href]);
  });

  it("draws marks in every chart", async () => {
    const drawn = await charts(shown.page);
    expect(drawn.length).toBeGreaterThan(3);
    expect(await shown.page.getAttribute("body", "data-charts-rendered")).toBe(String(drawn.length));
    expect(drawn.filter((c) => c.rendered !== "true" || c.marks === 0)).toEqual([]);
  });

  it("lists every raised sequence finding in the timelines", async () => {
    const expected = raisedSequenceIds(run);
    expect(expected.length).toBeGreaterThan(0);
    const listed = await shown.page.$$eval("[data-finding-id]", (nodes) => nodes.map((n) => n.getAttribute("data-finding-id")!));
    expect([...listed].sort()).toEqual(expected);
  });

  it("shows the payloads as text and runs neither", async () => {
    const page = shown.page;
    await page.$$eval("details", (nodes) => nodes.forEach((d) => d.setAttribute("open", "")));
    const text = await page.innerText("body");
    expect(text).toContain(USER_AGENT_PAYLOAD);
    expect(text).toContain(BUCKET_PAYLOAD);
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.$$eval("img[src='x'], [onerror]", (nodes) => nodes.length)).toBe(0);
    expect(await page.$$eval("script:not([type='application/json'])", (nodes) => nodes.filter((n) => n.textContent!.includes("__xss")).length)).toBe(0);
  });

  it("keeps the payloads inert without the Content-Security-Policy's help", async () => {
    const html = readFileSync(report, "utf8");
    const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
    expect(stripped.length).toBeLessThan(html.length);
    const file = join(base, "report-without-csp.html");
    writeFileSync(file, stripped);
    const bare = await load(browser, pathToFileURL(file).href);
    expect(bare.errors).toEqual([]);
    expect(await bare.page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    await bare.page.close();
  });

  it("takes a screenshot far from blank", async () => {
    const png = await shown.page.screenshot({ fullPage: true });
    writeFileSync(join(run, "report.png"), png);
    console.log(`screenshot: ${(png.length / 1024).toFixed(0)} KiB`);
    expect(png.length).toBeGreaterThan(MIN_SCREENSHOT_BYTES);
  });

  it("writes the same bytes again, and an ATT&CK Navigator layer beside the page", async () => {
    const first = readFileSync(report);
    expect(await seqlab("report", "--run", run)).toBeUndefined();
    expect(readFileSync(report).equals(first)).toBe(true);
    const layer = JSON.parse(readFileSync(join(run, "attack-navigator.json"), "utf8")) as { domain: string; techniques: { techniqueID: string }[] };
    expect(layer.domain).toBe("enterprise-attack");
    expect(layer.techniques.length).toBeGreaterThan(0);
  });

  it("writes to --out, with the Navigator layer beside it", async () => {
    const out = join(base, "shared", "seed-11.html");
    expect(await seqlab("report", "--run", run, "--out", out)).toBeUndefined();
    expect(readFileSync(out).equals(readFileSync(report))).toBe(true);
    expect(readFileSync(join(base, "shared", "attack-navigator.json"), "utf8")).toBe(readFileSync(join(run, "attack-navigator.json"), "utf8"));
  });

  it.each([
    [["report"], /nothing to report: pass --run DIR/],
    [["report", "--run", "x", "--compare", "y"], /either --run DIR or --compare DIR/],
    [["report", "--run", "/nonexistent/run"], /--run \/nonexistent\/run: no such directory/],
    [["report", "--compare", "/nonexistent/cmp"], /--compare \/nonexistent\/cmp: no such directory/],
  ])("refuses %j with a usage error", async (args, message) => {
    const error = await seqlab(...args);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(message);
  });
});

describe("seqlab report --compare in a real browser", () => {
  const dir = join(base, "compare");
  let cmp: Load;

  beforeAll(async () => {
    // Two runs of one estate, laid out as npm run compare lays them out; only what the report reads is copied.
    const evaluations: RunEvaluation[] = [];
    for (const name of ["seed-11", "seed-11-again"]) {
      const copy = join(dir, "runs", name);
      for (const part of ["manifest.json", "truth.json", "findings"]) cpSync(join(run, part), join(copy, part), { recursive: true });
      for (const e of await evaluateRun(copy, VARIANTS, false)) evaluations.push({ run: `runs/${name}`, report: e.report });
    }
    const aggregated = aggregateJson(aggregate(evaluations, { seed: 1, resamples: 200, baseline: "rules-only" }));
    writeFileSync(join(dir, "comparison.json"), JSON.stringify({ ...aggregated, command: "npm run compare -- --variants rules-only,first-seen --seeds 2", suite: "smoke", seeds: [11, 11] }));
    expect(await seqlab("report", "--compare", dir)).toBeUndefined();
    cmp = await load(browser, pathToFileURL(join(dir, "report.html")).href);
    console.log(`comparison report: loaded and drawn in ${cmp.milliseconds.toFixed(0)} ms`);
  }, 120_000);

  it("loads with no console error and no request, draws every chart and lists both runs' sequences", async () => {
    expect(cmp.errors).toEqual([]);
    expect(cmp.requests).toEqual([pathToFileURL(join(dir, "report.html")).href]);
    const drawn = await charts(cmp.page);
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.filter((c) => c.rendered !== "true" || c.marks === 0)).toEqual([]);
    // A comparison shows the first run's findings as timelines and lists the other runs' one line each.
    const raised = raisedSequenceIds(run);
    const cards = await cmp.page.$$eval("[data-finding-id]", (nodes) => nodes.map((n) => n.getAttribute("data-finding-id")!));
    const rows = await cmp.page.$$eval("[data-listed-finding-id]", (nodes) => nodes.map((n) => n.getAttribute("data-listed-finding-id")!));
    expect(cards.sort()).toEqual(raised);
    expect(rows.sort()).toEqual(raised);
  });
});
