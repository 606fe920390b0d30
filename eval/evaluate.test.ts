/**
 * Every metric on a tiny truth computed by hand. The fixture has: a detected campaign with a
 * duplicate finding, a campaign detected by a finding that spans two campaigns, a missed campaign,
 * a flagged benign episode, a background false positive, a below-threshold candidate, a finding in
 * the history period, a campaign crossing from history into evaluation, tied scores, and
 * foundational findings folded into a sequence or not.
 */
import { describe, expect, it } from "vitest";
import type { Campaign, Truth } from "../schema/truth.ts";
import { evaluate } from "./evaluate.ts";
import { makeFinding, type FindingSpec } from "./testing.ts";

const stage = (id: string, tactic: string, technique: string, start: string, eventIds: string[]) => ({ id, tactic, technique, start, end: start, eventIds });
const campaign = (c: Omit<Campaign, "actors" | "accounts" | "expectedSequenceType"> & { expectedSequenceType?: string | null }): Campaign => ({
  actors: [],
  accounts: ["111122223333"],
  expectedSequenceType: c.kind === "attack" ? "AttackSequence:IAM/CompromisedCredentials" : null,
  ...c,
});

const TRUTH: Truth = {
  period: { start: "2026-10-01T00:00:00Z", evaluationStart: "2026-10-05T00:00:00Z", end: "2026-10-09T00:00:00Z" },
  accounts: ["111122223333", "444455556666"],
  campaigns: [
    campaign({
      id: "A1", scenarioId: "s-a", kind: "attack", start: "2026-10-05T10:00:00Z", end: "2026-10-05T15:00:00Z",
      stages: [
        stage("discovery", "TA0007", "T1087.004", "2026-10-05T10:00:00Z", ["a1", "a2"]),
        stage("escalation", "TA0004", "T1098.003", "2026-10-05T12:00:00Z", ["a3"]),
        stage("impact", "TA0040", "T1496", "2026-10-05T14:00:00Z", ["a4", "a5"]),
      ],
    }),
    campaign({
      id: "A2", scenarioId: "s-a", kind: "attack", start: "2026-10-06T00:00:00Z", end: "2026-10-06T07:00:00Z",
      stages: [stage("discovery", "TA0007", "T1580", "2026-10-06T00:00:00Z", ["b1"]), stage("impact", "TA0040", "T1496", "2026-10-06T06:00:00Z", ["b2", "b3"])],
    }),
    campaign({
      id: "A3", scenarioId: "s-b", kind: "attack", start: "2026-10-07T00:00:00Z", end: "2026-10-07T00:30:00Z",
      expectedSequenceType: "AttackSequence:S3/CompromisedData",
      stages: [stage("exfiltration", "TA0010", "T1537", "2026-10-07T00:00:00Z", ["c1", "c2", "c3"])],
    }),
    campaign({
      id: "B1", scenarioId: "look-alike", kind: "benign", start: "2026-10-06T09:00:00Z", end: "2026-10-06T10:00:00Z",
      stages: [stage("sweep", "TA0007", "T1580", "2026-10-06T09:00:00Z", ["n1", "n2"])],
    }),
    campaign({
      id: "H1", scenarioId: "s-history", kind: "attack", start: "2026-10-04T20:00:00Z", end: "2026-10-05T03:00:00Z",
      stages: [stage("discovery", "TA0007", "T1580", "2026-10-04T20:00:00Z", ["h1"]), stage("impact", "TA0040", "T1496", "2026-10-05T02:00:00Z", ["h2"])],
    }),
  ],
};

const f = (spec: FindingSpec) => makeFinding({ threshold: 0.5, ...spec });
const FINDINGS = [
  f({ id: "f1", score: 0.9, detectedAt: "2026-10-05T14:30:00Z", eventIds: ["a1", "a4", "x1"], foundational: ["g1"] }),
  f({ id: "f2", score: 0.8, detectedAt: "2026-10-05T16:00:00Z", eventIds: ["a5"] }),
  f({ id: "f3", score: 0.7, detectedAt: "2026-10-06T10:00:00Z", eventIds: ["n1"] }),
  f({ id: "f4", score: 0.6, detectedAt: "2026-10-06T12:00:00Z", eventIds: ["z1"] }),
  f({ id: "f5", score: 0.3, detectedAt: "2026-10-06T07:00:00Z", eventIds: ["b1", "b2"] }),
  f({ id: "f6", score: 0.95, detectedAt: "2026-10-04T23:00:00Z", eventIds: ["a1"] }),
  f({ id: "f7", score: 0.9, detectedAt: "2026-10-05T03:30:00Z", eventIds: ["h1", "h2"] }),
  f({ id: "f8", score: 0.6, detectedAt: "2026-10-07T01:00:00Z", eventIds: ["c1", "b1", "b2"], type: "AttackSequence:S3/CompromisedData" }),
  f({ id: "g1", score: 1, detectedAt: "2026-10-05T11:00:00Z", eventIds: ["a1"], type: "Discovery:IAMUser/AnomalousBehavior" }),
  f({ id: "g2", score: 1, detectedAt: "2026-10-06T11:00:00Z", eventIds: ["z2"], type: "Stealth:IAMUser/CloudTrailLoggingDisabled" }),
  f({ id: "g3", score: 0.2, detectedAt: "2026-10-06T11:00:00Z", eventIds: ["z3"], type: "Discovery:IAMUser/AnomalousBehavior" }),
  f({ id: "g4", score: 1, detectedAt: "2026-10-04T10:00:00Z", eventIds: ["z4"], type: "Discovery:IAMUser/AnomalousBehavior" }),
];

const run = (findings = FINDINGS, summary: { signals: number } | null = { signals: 50 }) =>
  evaluate({
    truth: TRUTH,
    findings,
    summary: summary && { variant: "test", records: { read: 100, used: 100, rejected: 0 }, ...summary },
    variant: "test",
    files: { truthFile: "truth.json", findingsFile: "findings/test.ndjson", summaryFile: null },
    read: findings.length,
    rejected: [],
  });

describe("evaluate on a hand-computed case", () => {
  const report = run();

  it("counts what it read and what it set aside", () => {
    expect(report.input).toMatchObject({ findingsRead: 12, sequenceCandidates: 6, foundational: 3, outsidePeriod: 2, onHistoryCampaigns: 1 });
    expect(report.accounts).toEqual({ count: 2, source: "truth" });
    expect(report.period.days).toBe(4);
    expect(report.accountDays).toBe(8);
  });

  it("scores sequences at the variant's threshold: duplicates apart, spanning findings to the campaign sharing most events", () => {
    expect(report.sequence).toEqual({
      precision: 0.5, // A1 and A2 detected; f3 (benign episode) and f4 (background) false
      recall: 2 / 3, // A3 missed (f8 holds a third of its events); H1 started in history and is not scored
      f1: expect.closeTo(4 / 7, 12),
      prAuc: expect.closeTo(0.5, 12), // 1/3 recall at precision 1, then 1/3 more at 0.5
      falsePer100AccountDays: 25,
      duplicates: 1, // f2 on A1
      truePositives: 2,
      falsePositives: 2,
      attackCampaigns: 3,
      detectedCampaigns: 2,
      typeMatched: 1, // A2's first finding is S3/CompromisedData, not its expected type
    });
  });

  it("sweeps every score, with tied scores entering together", () => {
    expect(report.curve.map((p) => [p.threshold, p.findings, p.truePositives, p.falsePositives, p.duplicates, p.precision, p.recall])).toEqual([
      [0.9, 1, 1, 0, 0, 1, 1 / 3],
      [0.8, 2, 1, 0, 1, 1, 1 / 3],
      [0.7, 3, 1, 1, 1, 0.5, 1 / 3],
      [0.6, 5, 2, 2, 1, 0.5, 2 / 3],
      [0.3, 6, 2, 2, 2, 0.5, 2 / 3],
    ]);
  });

  it("measures time to detect from the campaign start and from its last stage", () => {
    // A1: 10:00 → 14:30 (last stage 14:00); A2: 00:00 → next day 01:00 (last stage 06:00).
    expect(report.timeToDetect).toEqual({ medianMinutes: 885, p90Minutes: 270 + 0.9 * 1230, fromLastStageMedianMinutes: 585, detected: 2 });
  });

  it("covers stages with events in the campaign's findings", () => {
    expect(report.stageCoverage).toEqual({ mean: expect.closeTo(5 / 6, 12), coveredStages: 4, stages: 5 });
  });

  it("attributes events: finding events that are the campaign's, campaign events the findings name", () => {
    expect(report.attribution).toEqual({ precision: 5 / 7, recall: 5 / 8, matchedEvents: 5, findingEvents: 7, campaignEvents: 8 });
  });

  it("counts alerts an analyst faces: sequences plus foundational findings no sequence folds in", () => {
    expect(report.alertReduction).toEqual({
      signals: 50,
      foundationalFindings: 2,
      sequenceFindings: 5,
      analystItems: 6,
      foundationalPerSequence: 0.4,
      signalsPerSequence: 10,
      analystItemsPerAccountDay: 0.75,
      reductionFactor: 2 / 6,
    });
  });

  it("reports hard negatives and per-scenario rows", () => {
    expect(report.hardNegatives).toEqual({ episodes: 1, flagged: 1, flaggedShare: 1 });
    expect(report.perScenario).toEqual([
      { scenarioId: "s-a", kind: "attack", expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials", campaigns: 2, detected: 2, rate: 1, duplicates: 1, typeMatched: 1, medianTimeToDetectMinutes: 885, stageCoverage: expect.closeTo(5 / 6, 12) },
      { scenarioId: "s-b", kind: "attack", expectedSequenceType: "AttackSequence:S3/CompromisedData", campaigns: 1, detected: 0, rate: 0, duplicates: 0, typeMatched: 0, medianTimeToDetectMinutes: null, stageCoverage: null },
      { scenarioId: "look-alike", kind: "benign", expectedSequenceType: null, campaigns: 1, detected: 1, rate: 1, duplicates: 0, typeMatched: 0, medianTimeToDetectMinutes: null, stageCoverage: null },
    ]);
  });

  it("reports tactics in kill-chain order", () => {
    expect(report.perTactic.map((r) => [r.tactic, r.stages, r.covered, r.campaigns, r.detectedCampaigns])).toEqual([
      ["TA0004", 1, 0, 1, 1],
      ["TA0007", 2, 2, 2, 2],
      ["TA0010", 1, 0, 1, 0],
      ["TA0040", 2, 2, 2, 2],
    ]);
    expect(report.perTactic[0]!.name).toBe("Privilege Escalation");
  });

  it("does not depend on the order of the findings file", () => {
    expect(run([...FINDINGS].reverse())).toEqual(report);
  });
});

describe("a finding that took in a second intrusion", () => {
  // f1 detects A1. f9 (raised first) counts for A2. f8 also counts for A2 (two of its three
  // events against two of A3's) and holds two thirds of A3, so it shows A3 as well: from 01:00,
  // when it was raised, since A3 began (00:00) before that.
  const findings = [
    f({ id: "f1", score: 0.9, detectedAt: "2026-10-05T14:30:00Z", eventIds: ["a1", "a4"] }),
    f({ id: "f8", score: 0.6, detectedAt: "2026-10-07T01:00:00Z", eventIds: ["b1", "b2", "c1", "c2"] }),
    f({ id: "f9", score: 0.7, detectedAt: "2026-10-06T01:00:00Z", eventIds: ["b1", "b2", "b3", "c1"] }),
  ];

  it("detects it when it holds at least half of its events, without a false or duplicate finding", () => {
    const report = run(findings);
    // f9 counts for A2 and holds a third of A3 (not shown); f8 is a duplicate on A2 and shows A3 (2 of 3 events).
    expect(report.sequence).toMatchObject({ truePositives: 3, falsePositives: 0, duplicates: 1, detectedCampaigns: 3, recall: 1, precision: 1 });
    expect(report.perScenario.find((r) => r.scenarioId === "s-b")).toMatchObject({ detected: 1, medianTimeToDetectMinutes: 60 });
  });

  it("does not when it holds less than half", () => {
    const report = run([findings[0]!, { ...findings[1]!, seqlab: { ...findings[1]!.seqlab, eventIds: ["b1", "b2", "c1"] } }]);
    expect(report.sequence).toMatchObject({ truePositives: 2, detectedCampaigns: 2 });
  });

  it("counts it on the curve at the finding's score", () => {
    const report = run(findings);
    expect(report.curve.map((p) => [p.threshold, p.truePositives, p.recall])).toEqual([
      [0.9, 1, 1 / 3],
      [0.7, 2, 2 / 3],
      [0.6, 3, 1],
    ]);
  });
});

describe("undefined ratios", () => {
  it("an empty findings file scores recall 0 and precision null, written as null in the JSON", () => {
    const report = run([], null);
    expect(report.sequence.recall).toBe(0);
    expect(report.sequence.precision).toBeNull();
    expect(report.sequence.f1).toBeNull();
    expect(report.sequence.prAuc).toBe(0);
    expect(report.alertReduction.signals).toBeNull();
    const json = JSON.stringify(report);
    expect(json).toContain('"precision":null');
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it("a truth with no attack in the period leaves recall and PR-AUC undefined", () => {
    const benignOnly: Truth = { ...TRUTH, campaigns: TRUTH.campaigns.filter((c) => c.kind === "benign") };
    const report = evaluate({ truth: benignOnly, findings: FINDINGS, summary: null, variant: "test", files: { truthFile: "t", findingsFile: "f", summaryFile: null }, read: 0, rejected: [] });
    expect(report.sequence.recall).toBeNull();
    expect(report.sequence.prAuc).toBeNull();
    expect(report.sequence.precision).toBe(0);
  });
});
