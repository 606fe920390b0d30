/**
 * Campaigns in generated runs follow their scenario definitions, and truth records exactly the
 * events each campaign produced, while the events themselves carry no trace of the label.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulationConfig } from "../schema/manifest.ts";
import type { Campaign, Truth } from "../schema/truth.ts";
import { stageRanks, type ScenarioDefinition } from "../scenarios/define.ts";
import { SCENARIOS, scenarioById } from "../scenarios/registry.ts";
import { suiteById } from "../scenarios/suites.ts";
import { planCampaigns, runCampaign, runCampaigns } from "./campaigns.ts";
import { periodOf } from "./period.ts";
import { DAY, HOUR } from "./clock.ts";
import { simulate } from "./run.ts";
import { indexRun, readEventFiles, type IndexedRecord } from "./testing.ts";
import { buildWorld } from "./world.ts";

type Rec = Record<string, any>;

const RUNS: SimulationConfig[] = [
  { seed: 3, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" },
  { seed: 5, days: 10, historyDays: 5, accounts: 4, suite: "default", start: "2026-10-05" },
];

function readRecords(runDir: string): Rec[] {
  return readEventFiles(runDir).flatMap((f) => f.records);
}

function ms(iso: string): number {
  return Date.parse(iso);
}

/** A campaign's stage ids in the order they started. */
function stageOrder(c: Campaign): string[] {
  return [...c.stages].sort((a, b) => ms(a.start) - ms(b.start)).map((st) => st.id);
}

/** Whether stages entered in `order` respect the scenario's declared order and its free-order groups. */
function isLegalOrder(scenario: ScenarioDefinition, order: string[]): boolean {
  const ranks = stageRanks(scenario);
  return order.every((id, i) => i === 0 || ranks.get(order[i - 1]!)! <= ranks.get(id)!);
}

/** ARNs an event acts as: the identity itself and, for role sessions, the role. */
function identityArns(r: Rec): string[] {
  const u = r.userIdentity ?? {};
  // Unauthenticated requests are recorded as the "anonymous" account.
  const anonymous = u.accountId === "anonymous" ? "anonymous" : undefined;
  return [u.arn, u.sessionContext?.sessionIssuer?.arn, u.accessKeyId, anonymous].filter((x): x is string => typeof x === "string");
}

describe.each(RUNS.map((c) => [`${c.suite} run (seed ${c.seed})`, c] as const))("campaigns of a %s", (_name, config) => {
  let dir: string;
  let truth: Truth;
  let records: Rec[];
  let byId: Map<string, Rec>;
  let index: Map<string, IndexedRecord>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "seqlab-campaigns-"));
    await simulate({ config, outDir: dir, workers: 1, command: "test" });
    truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
    records = readRecords(dir);
    byId = new Map(records.map((r) => [r.eventID as string, r]));
    index = indexRun(dir);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const eachCampaign = (check: (c: Campaign) => void) => () => {
    expect(truth.campaigns.length).toBeGreaterThan(0);
    for (const c of truth.campaigns) check(c);
  };

  it("runs the suite's instances, each in its own segment of the period", () => {
    const evaluationStart = ms(truth.period.evaluationStart);
    const scenarios = new Set(truth.campaigns.map((c) => c.scenarioId));
    expect([...scenarios].sort()).toEqual(suiteById(config.suite).entries.filter((e) => e.history + e.evaluation > 0).map((e) => e.scenarioId).sort());
    for (const c of truth.campaigns) {
      const segment = /^c\d{3}-([he])-/.exec(c.id)?.[1];
      expect(segment, c.id).toBeDefined();
      if (segment === "h") expect(ms(c.start), c.id).toBeLessThan(evaluationStart);
      else expect(ms(c.start), c.id).toBeGreaterThanOrEqual(evaluationStart);
    }
  });

  it(
    "matches its scenario's kind and expected sequence type",
    eachCampaign((c) => {
      const s = scenarioById(c.scenarioId);
      expect(c.kind, c.id).toBe(s.kind);
      expect(c.expectedSequenceType, c.id).toBe(s.expectedSequenceType);
    }),
  );

  it(
    "has every required stage, only declared stages, with their declared ATT&CK ids",
    eachCampaign((c) => {
      const s = scenarioById(c.scenarioId);
      const present = c.stages.map((st) => st.id);
      for (const declared of s.stages.filter((st) => !st.optional)) expect(present, `${c.id} lacks ${declared.id}`).toContain(declared.id);
      for (const st of c.stages) {
        const declared = s.stages.find((d) => d.id === st.id);
        expect(declared, `${c.id}: undeclared stage ${st.id}`).toBeDefined();
        expect([st.tactic, st.technique], `${c.id}/${st.id}`).toEqual([declared!.tactic, declared!.technique]);
        expect(st.eventIds.length, `${c.id}/${st.id}`).toBeGreaterThan(0);
      }
    }),
  );

  it(
    "runs its stages in an order its scenario allows (declared order but for free-order groups), one after the other",
    eachCampaign((c) => {
      const order = stageOrder(c);
      expect(isLegalOrder(scenarioById(c.scenarioId), order), `${c.id}: ${order.join(" → ")}`).toBe(true);
      const byStart = [...c.stages].sort((a, b) => ms(a.start) - ms(b.start));
      for (let i = 1; i < byStart.length; i++) {
        expect(ms(byStart[i]!.start), `${c.id}: ${byStart[i]!.id} starts before ${byStart[i - 1]!.id} ends`).toBeGreaterThanOrEqual(ms(byStart[i - 1]!.end));
      }
    }),
  );

  it(
    "lists events that exist, with stage and campaign times and accounts taken from them",
    eachCampaign((c) => {
      for (const st of c.stages) {
        const events = st.eventIds.map((id) => index.get(id));
        expect(st.eventIds.filter((_, i) => events[i] === undefined), `${c.id}/${st.id}: missing records`).toEqual([]);
        if (events.every((e) => e!.source === "cloudtrail")) {
          const times = events.map((e) => e!.time);
          expect(ms(st.start), `${c.id}/${st.id} start`).toBe(Math.min(...times));
          expect(ms(st.end), `${c.id}/${st.id} end`).toBe(Math.max(...times));
        }
        // Flow records carry their 10-minute capture window, the others their own time.
        for (const e of events) {
          const slack = e!.source === "vpc-flow" ? 600_000 : 1000;
          expect(e!.time, `${c.id}/${st.id} ${e!.source}`).toBeGreaterThanOrEqual(ms(st.start) - slack);
          expect(e!.time, `${c.id}/${st.id} ${e!.source}`).toBeLessThanOrEqual(ms(st.end) + 1000);
        }
      }
      expect(ms(c.start), c.id).toBe(Math.min(...c.stages.map((st) => ms(st.start))));
      expect(ms(c.end), c.id).toBe(Math.max(...c.stages.map((st) => ms(st.end))));
      const accounts = new Set(c.stages.flatMap((st) => st.eventIds.map((id) => index.get(id)!.accountId)));
      expect(c.accounts, c.id).toEqual([...accounts].sort());
    }),
  );

  it("never lists an event twice, in one campaign or across campaigns", () => {
    const ids = truth.campaigns.flatMap((c) => c.stages.flatMap((st) => st.eventIds));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it(
    "lists only events made as its actors",
    eachCampaign((c) => {
      expect(c.actors.length, c.id).toBeGreaterThan(0);
      const actors = new Set(c.actors);
      for (const st of c.stages) {
        for (const id of st.eventIds.filter((x) => byId.has(x))) {
          const r = byId.get(id)!;
          expect(identityArns(r).some((a) => actors.has(a)), `${c.id}/${st.id}: ${id} made as ${JSON.stringify(r.userIdentity)}`).toBe(true);
        }
      }
    }),
  );

  it("lists every event an attacker made: none of the attacker's calls is left out of truth", () => {
    const inTruth = new Set(truth.campaigns.flatMap((c) => c.stages.flatMap((st) => st.eventIds)));
    // An attacker's calls share identity, address and tool; benign calls never share all three.
    const fingerprint = (r: Rec) => `${r.userIdentity?.arn} ${r.sourceIPAddress} ${String(r.userAgent).replace(/ md\/command#\S*$/, "")}`;
    // Insiders act as themselves, from their usual network and tools: their everyday calls are not
    // part of the campaign, so the fingerprint cannot separate them.
    const ownHabits = new Set(["insider-departing-employee"]);
    for (const c of truth.campaigns.filter((x) => x.kind === "attack" && !ownHabits.has(x.scenarioId))) {
      const prints = new Set(c.stages.flatMap((st) => st.eventIds.filter((id) => byId.has(id)).map((id) => fingerprint(byId.get(id)!))));
      const leftOut = records.filter((r) => !inTruth.has(r.eventID) && prints.has(fingerprint(r)));
      expect(leftOut.map((r) => `${r.eventTime} ${r.eventName}`), c.id).toEqual([]);
    }
  });

  it("leaves no trace of a label in any event", () => {
    const labels = [...SCENARIOS.map((s) => s.id), ...truth.campaigns.map((c) => c.id)];
    const leaks: string[] = [];
    for (const r of records) {
      const text = JSON.stringify(r);
      for (const label of labels) if (text.includes(label)) leaks.push(`${r.eventID} contains "${label}"`);
      if (leaks.length > 5) break;
    }
    expect(leaks).toEqual([]);
  });
});

describe("victims", () => {
  // Roles are shared by design (a fleet's instance role, the deployment role every pipeline
  // assumes), so only people's identities are checked.
  it.each([1, 2, 3])("are never one person's identity for two campaigns less than a day apart (default suite, 12 accounts, seed %i)", (seed) => {
    const config: SimulationConfig = { seed, days: 14, historyDays: 7, accounts: 12, suite: "default", start: "2026-10-05" };
    const period = periodOf(config);
    const { campaigns } = runCampaigns(buildWorld(seed, { accounts: 12, days: 14 }), planCampaigns(seed, suiteById("default"), period), period);
    for (const [i, a] of campaigns.entries()) {
      for (const b of campaigns.slice(i + 1)) {
        const shared = a.actors.filter((arn) => b.actors.includes(arn) && !arn.includes(":role/") && arn !== "anonymous");
        const apart = ms(b.start) >= ms(a.end) + DAY || ms(a.start) >= ms(b.end) + DAY;
        expect(shared.length === 0 || apart, `${a.id} and ${b.id} share ${shared.join(", ")}`).toBe(true);
      }
    }
  });
});

describe("scenario durations", () => {
  const world = buildWorld(3, { accounts: 4, days: 4 });
  const start = Date.parse("2026-10-05T00:00:00Z");
  const PROBES = 200;

  // planCampaigns starts an instance no later than `end - maxDurationHours`, trusting the scenario
  // to finish within that time; an instance that runs longer loses its last stages at the period's
  // end (or, in history, spills into the evaluation period).
  it.each(SCENARIOS.map((s) => [s.id, s] as const))("%s finishes within maxDurationHours, so an instance planned last keeps its required stages", (_id, scenario) => {
    const planStart = start + DAY;
    const periodEnd = planStart + scenario.maxDurationHours * HOUR;
    const required = scenario.stages.filter((st) => !st.optional).map((st) => st.id);
    const overruns: string[] = [];
    for (let i = 0; i < PROBES; i++) {
      const id = `c${String(i).padStart(3, "0")}-e-probe`;
      // Run unclipped, then see what a period ending at the latest allowed end would have cut.
      const c = runCampaign(world, { id, scenario, start: planStart }, { start, end: start + 60 * DAY }, () => {});
      const hours = (Date.parse(c.end) - planStart) / HOUR;
      const lost = required.filter((st) => !c.stages.some((x) => x.id === st && Date.parse(x.start) < periodEnd));
      if (hours > scenario.maxDurationHours) overruns.push(`${id}: ${hours.toFixed(1)} h${lost.length ? `, loses ${lost.join(", ")}` : ""}`);
    }
    expect(overruns.length, `${overruns.length}/${PROBES} instances overrun ${scenario.maxDurationHours} h:\n${overruns.slice(0, 5).join("\n")}`).toBe(0);
  });
});

describe("free stage order", () => {
  const world = buildWorld(3, { accounts: 4, days: 4 });
  const start = Date.parse("2026-10-05T00:00:00Z");
  const free = SCENARIOS.filter((s) => (s.freeOrder ?? []).length > 0);
  const INSTANCES = 40;

  it("is declared by attack scenarios", () => {
    expect(free.filter((s) => s.kind === "attack").length).toBeGreaterThanOrEqual(4);
  });

  // A scenario that declares a free order but always draws the same one would pass the legality
  // check above while the feature silently stopped working.
  it.each(free.map((s) => [s.id, s] as const))("%s runs its stages in more than one legal order across instances", (_id, scenario) => {
    const orders = new Set<string>();
    for (let i = 0; i < INSTANCES; i++) {
      const c = runCampaign(world, { id: `c${String(i).padStart(3, "0")}-e-order`, scenario, start: start + DAY }, { start, end: start + 60 * DAY }, () => {});
      const order = stageOrder(c);
      expect(isLegalOrder(scenario, order), `${c.id}: ${order.join(" → ")}`).toBe(true);
      orders.add(order.join(" → "));
    }
    expect(orders.size, [...orders].join("\n")).toBeGreaterThan(1);
  });
});
