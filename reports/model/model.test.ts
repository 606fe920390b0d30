/** The figures behind the charts, on hand-made inputs whose answers are counted by hand. */
import { describe, expect, it } from "vitest";
import { makeFinding } from "../../eval/testing.ts";
import type { ReportInput, ReportSequence, ReportVariantRun, StageVerdict } from "../input.ts";
import { sampleReportInput } from "../testing.ts";
import { attackCoverage } from "./coverage.ts";
import { detectionDelays } from "./time-to-detect.ts";
import { BACKGROUND, falsePositivesByEpisode, falsePositivesByPersona, UNKNOWN_PERSONA } from "./false-positives.ts";
import { headlineMetrics } from "./metrics.ts";
import { signalTactic } from "./lanes.ts";
import { thin } from "./curves.ts";
import { funnel } from "./funnel.ts";

const sample = sampleReportInput({ runs: 1 });
const evalReport = sample.runs[0]!.variants[0]!.eval;

const stage = (id: string, tactic: string, technique: string, covered: boolean): StageVerdict => ({ id, tactic, technique, start: "2026-10-12T10:00:00Z", end: "2026-10-12T10:30:00Z", covered });

function seq(id: string, verdict: ReportSequence["verdict"], truth: ReportSequence["truth"], persona: string | null = null, detectedAt = "2026-10-12T12:00:00Z"): ReportSequence {
  return { finding: makeFinding({ id, eventIds: [], detectedAt }), verdict, truth, persona };
}

const campaignTruth = (stages: StageVerdict[]): NonNullable<ReportSequence["truth"]> => ({ campaignId: "c1", scenarioId: "leaked-access-key-mining", kind: "attack", expectedSequenceType: null, start: "2026-10-12T10:00:00Z", stages });

function input(variants: ReportVariantRun[]): ReportInput {
  return {
    kind: "run",
    title: "t",
    command: "c",
    generatedAt: null,
    aggregate: null,
    runs: [
      {
        name: "r",
        seed: 1,
        suite: null,
        days: null,
        accounts: null,
        command: null,
        campaigns: [
          { id: "c1", scenarioId: "leaked-access-key-mining", kind: "attack", stages: [{ tactic: "TA0001", technique: "T1078.004" }, { tactic: "TA0007", technique: "T1580" }, { tactic: "TA0007", technique: "T1580" }] },
          { id: "b1", scenarioId: "employee-travel", kind: "benign", stages: [{ tactic: "TA0001", technique: "T1078.004" }] },
        ],
        variants,
      },
    ],
  };
}

const variant = (name: string, sequences: ReportSequence[]): ReportVariantRun => ({ variant: name, eval: evalReport, summary: null, sequences });

describe("attackCoverage", () => {
  it("counts attack stage instances and the distinct ones any finding of the campaign covered", () => {
    const rows = attackCoverage(
      input([
        variant("a", [
          seq("f1", "true-positive", campaignTruth([stage("s1", "TA0001", "T1078.004", true), stage("s2", "TA0007", "T1580", true), stage("s3", "TA0007", "T1580", false)])),
          seq("f2", "duplicate", campaignTruth([stage("s1", "TA0001", "T1078.004", true), stage("s2", "TA0007", "T1580", true), stage("s3", "TA0007", "T1580", true)])),
        ]),
        variant("b", [seq("f3", "false-positive", null)]),
      ]),
    );
    expect(rows.map((r) => [r.tactic, r.technique, r.present, r.covered])).toEqual([
      ["TA0001", "T1078.004", 1, { a: 1, b: 0 }],
      ["TA0007", "T1580", 2, { a: 2, b: 0 }],
    ]);
    expect(rows[1]!.techniqueName).toBe("Cloud Infrastructure Discovery");
  });
});

describe("detectionDelays", () => {
  it("takes true positives only, from the campaign's start to detection", () => {
    const delays = detectionDelays(
      input([variant("a", [seq("f1", "true-positive", campaignTruth([]), null, "2026-10-12T11:30:00Z"), seq("f2", "duplicate", campaignTruth([]), null, "2026-10-12T13:00:00Z"), seq("f3", "false-positive", null)])]),
    );
    expect(delays).toEqual([{ run: "r", variant: "a", campaignId: "c1", scenarioId: "leaked-access-key-mining", minutes: 90 }]);
  });
});

describe("false positives", () => {
  const benign = { campaignId: "b1", scenarioId: "employee-travel", kind: "benign" as const, expectedSequenceType: null, start: "2026-10-12T10:00:00Z", stages: [] };
  const data = input([
    variant("a", [seq("f1", "false-positive", benign), seq("f2", "false-positive", null, "cicd-role"), seq("f3", "false-positive", null, null), seq("f4", "true-positive", campaignTruth([]))]),
    variant("b", [seq("f5", "false-positive", null, "cicd-role"), seq("f6", "false-positive", null, "cicd-role")]),
  ]);
  it("by episode: the benign scenario, or background activity", () => {
    expect(falsePositivesByEpisode(data)).toEqual([
      { variant: "a", label: BACKGROUND, count: 2 },
      { variant: "b", label: BACKGROUND, count: 2 },
      { variant: "a", label: "employee-travel", count: 1 },
    ]);
  });
  it("by persona: background ones only, unknown when truth names none", () => {
    expect(falsePositivesByPersona(data)).toEqual([
      { variant: "a", label: "cicd-role", count: 1 },
      { variant: "b", label: "cicd-role", count: 2 },
      { variant: "a", label: UNKNOWN_PERSONA, count: 1 },
    ]);
  });
});

describe("headlineMetrics", () => {
  it("uses the aggregate's estimates when there is one", () => {
    const cmp = sampleReportInput({ runs: 2 });
    const cell = headlineMetrics(cmp).find((c) => c.variant === "rules-only" && c.metric === "sequence.f1")!;
    const estimate = cmp.aggregate!.metrics.find((m) => m.variant === "rules-only" && m.metric === "sequence.f1")!;
    expect(cell).toEqual({ variant: "rules-only", metric: "sequence.f1", n: estimate.n, mean: estimate.mean, ciLow: estimate.ciLow, ciHigh: estimate.ciHigh });
  });
  it("uses a single run's own values, without an interval", () => {
    const cell = headlineMetrics(sample).find((c) => c.variant === "full" && c.metric === "sequence.recall")!;
    expect(cell).toEqual({ variant: "full", metric: "sequence.recall", n: 1, mean: evalReport.sequence.recall, ciLow: null, ciHigh: null });
  });
});

describe("funnel", () => {
  it("takes events and signals from the summary and findings from eval", () => {
    const [row] = funnel(sample);
    const v = sample.runs[0]!.variants[0]!;
    expect(row).toEqual({ variant: "full", runs: 1, events: v.summary!.records.used, signals: v.summary!.signals, foundational: v.eval.alertReduction.foundationalFindings, sequences: v.eval.alertReduction.sequenceFindings, reductionFactor: v.eval.alertReduction.reductionFactor });
  });
});

describe("signalTactic", () => {
  it("reads ATTACK_TACTIC names or ids, else the type's threat purpose, else null", () => {
    expect(signalTactic({ name: "Discovery:IAMUser/AnomalousBehavior", signalIndicators: [{ key: "ATTACK_TACTIC", values: ["Credential Access"] }] })?.id).toBe("TA0006");
    expect(signalTactic({ name: "x:y/z", signalIndicators: [{ key: "ATTACK_TACTIC", values: ["nonsense", "TA0040"] }] })?.id).toBe("TA0040");
    expect(signalTactic({ name: "Stealth:IAMUser/CloudTrailLoggingDisabled" })?.id).toBe("TA0005");
    expect(signalTactic({ name: "Policy:S3/BucketBlockPublicAccessDisabled" })).toBeNull();
  });
});

describe("thin", () => {
  const points = Array.from({ length: 1000 }, (_, i) => ({ recall: Math.floor(i / 100) / 10, i }));
  it("keeps both ends and every recall step within the limit", () => {
    const kept = thin(points, 50);
    expect(kept).toHaveLength(50);
    expect(kept[0]!.i).toBe(0);
    expect(kept[kept.length - 1]!.i).toBe(999);
    for (let step = 100; step < 1000; step += 100) expect(kept.some((p) => p.i === step)).toBe(true);
    expect(kept.map((p) => p.i)).toEqual([...kept.map((p) => p.i)].sort((a, b) => a - b));
  });
  it("keeps short curves whole", () => {
    expect(thin(points.slice(0, 10), 50)).toEqual(points.slice(0, 10));
  });
});
