/**
 * The report's join of findings to truth on a hand-built fixture: verdicts as eval counts them,
 * stage coverage by event, campaigns of the evaluation period, and personas for background false
 * positives found through the actor's session, identity or access key.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../schema/finding.ts";
import type { Campaign, Truth } from "../schema/truth.ts";
import { makeFinding, type FindingSpec } from "../eval/testing.ts";
import { personaOf, reportCampaigns, reportSequences } from "./report-sequences.ts";

const stage = (id: string, tactic: string, technique: string, start: string, eventIds: string[]) => ({ id, tactic, technique, start, end: start, eventIds });
const campaign = (c: Pick<Campaign, "id" | "scenarioId" | "kind" | "start" | "end" | "stages">): Campaign => ({
  actors: [],
  accounts: ["111122223333"],
  expectedSequenceType: c.kind === "attack" ? "AttackSequence:IAM/CompromisedCredentials" : null,
  ...c,
});

const ROLE = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developer_0123456789abcdef";
const TRUTH: Truth = {
  period: { start: "2026-10-01T00:00:00Z", evaluationStart: "2026-10-05T00:00:00Z", end: "2026-10-09T00:00:00Z" },
  campaigns: [
    campaign({
      id: "A1", scenarioId: "leaked-key", kind: "attack", start: "2026-10-05T10:00:00Z", end: "2026-10-05T15:00:00Z",
      stages: [
        stage("discovery", "TA0007", "T1087.004", "2026-10-05T10:00:00Z", ["a1", "a2"]),
        stage("escalation", "TA0004", "T1098.003", "2026-10-05T12:00:00Z", ["a3"]),
        stage("impact", "TA0040", "T1496", "2026-10-05T14:00:00Z", ["a4"]),
      ],
    }),
    campaign({ id: "B1", scenarioId: "scanner-sweep", kind: "benign", start: "2026-10-06T09:00:00Z", end: "2026-10-06T10:00:00Z", stages: [stage("sweep", "TA0007", "T1580", "2026-10-06T09:00:00Z", ["n1"])] }),
    campaign({ id: "H1", scenarioId: "leaked-key", kind: "attack", start: "2026-10-02T00:00:00Z", end: "2026-10-02T01:00:00Z", stages: [stage("impact", "TA0040", "T1496", "2026-10-02T00:00:00Z", ["h1"])] }),
  ],
  personas: {
    "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Developer_0123456789abcdef/ana@example.com": "developer",
    "arn:aws:iam::111122223333:user/ci": "ci-deployer",
    AKIAEXAMPLEKEY000001: "finance",
  },
};

type Actor = { id: string; user: { name: string; uid: string; type: string; credentialUid?: string }; session?: { uid: string } };

/** A finding whose sequence names `actors`, each signal listing the actors it came from. */
function withActors(spec: FindingSpec, actors: Actor[], signals: { actorIds: string[]; count: number }[]): Finding {
  const f = makeFinding({ threshold: 0.5, ...spec, foundational: signals.map((_, i) => `g${i}`) });
  const sequence = f.service.detection!.sequence!;
  sequence.actors = actors;
  sequence.signals = sequence.signals.map((s, i) => ({ ...s, ...signals[i]! }));
  return f;
}

const f = (spec: FindingSpec) => makeFinding({ threshold: 0.5, ...spec });

describe("reportSequences", () => {
  const findings = [
    f({ id: "dup", score: 0.8, detectedAt: "2026-10-05T16:00:00Z", eventIds: ["a4"] }),
    f({ id: "tp", score: 0.9, detectedAt: "2026-10-05T14:30:00Z", eventIds: ["a1", "a4", "x1"] }),
    f({ id: "episode", score: 0.7, detectedAt: "2026-10-06T10:00:00Z", eventIds: ["n1"] }),
    withActors({ id: "background", score: 0.6, detectedAt: "2026-10-06T12:00:00Z", eventIds: ["z1"] }, [{ id: "IAMUSER:ci", user: { name: "ci", uid: "arn:aws:iam::111122223333:user/ci", type: "IAMUser" } }], [{ actorIds: ["IAMUSER:ci"], count: 3 }]),
    f({ id: "below", score: 0.3, detectedAt: "2026-10-06T07:00:00Z", eventIds: ["a2"] }),
    f({ id: "history", score: 0.9, detectedAt: "2026-10-02T02:00:00Z", eventIds: ["h1"] }),
    f({ id: "foundational", type: "Discovery:IAMUser/AnomalousBehavior", detectedAt: "2026-10-06T07:00:00Z", eventIds: ["a2"] }),
  ];
  const sequences = reportSequences(TRUTH, findings);

  it("lists raised sequences of the evaluation period in detection order, with eval's verdicts", () => {
    expect(sequences.map((s) => [s.finding.id, s.verdict])).toEqual([
      ["tp", "true-positive"],
      ["dup", "duplicate"],
      ["episode", "false-positive"],
      ["background", "false-positive"],
    ]);
  });

  it("puts the campaign beside each finding, a stage covered when the finding holds one of its events", () => {
    const tp = sequences[0]!.truth!;
    expect([tp.campaignId, tp.scenarioId, tp.kind, tp.start]).toEqual(["A1", "leaked-key", "attack", "2026-10-05T10:00:00Z"]);
    expect(tp.stages.map((s) => [s.id, s.covered])).toEqual([["discovery", true], ["escalation", false], ["impact", true]]);
    expect(sequences[1]!.truth!.stages.map((s) => s.covered)).toEqual([false, false, true]);
    expect(sequences[2]!.truth).toMatchObject({ campaignId: "B1", kind: "benign", expectedSequenceType: null });
    expect(sequences[3]!.truth).toBeNull();
  });

  it("names the persona of background false positives only", () => {
    expect(sequences.map((s) => s.persona)).toEqual([null, null, null, "ci-deployer"]);
  });

  it("lists the evaluation period's campaigns with their stages", () => {
    expect(reportCampaigns(TRUTH)).toEqual([
      { id: "A1", scenarioId: "leaked-key", kind: "attack", stages: [{ tactic: "TA0007", technique: "T1087.004" }, { tactic: "TA0004", technique: "T1098.003" }, { tactic: "TA0040", technique: "T1496" }] },
      { id: "B1", scenarioId: "scanner-sweep", kind: "benign", stages: [{ tactic: "TA0007", technique: "T1580" }] },
    ]);
  });
});

describe("personaOf", () => {
  const at = { id: "x", score: 1, detectedAt: "2026-10-06T12:00:00Z", eventIds: ["z1"] };
  const sso: Actor = { id: "ASSUMEDROLE:sso:ana", user: { name: "AWSReservedSSO_Developer_0123456789abcdef", uid: ROLE, type: "AssumedRole", credentialUid: "ASIAEXAMPLE" }, session: { uid: "ana@example.com" } };
  const keyUser: Actor = { id: "IAMUSER:bob", user: { name: "bob", uid: "arn:aws:iam::111122223333:user/bob", type: "IAMUser", credentialUid: "AKIAEXAMPLEKEY000001" } };
  const stranger: Actor = { id: "IAMUSER:eve", user: { name: "eve", uid: "arn:aws:iam::111122223333:user/eve", type: "IAMUser" } };
  const personas = TRUTH.personas!;

  it("finds an SSO session by its assumed-role ARN, built from the role's ARN (path dropped) and the session", () => {
    expect(personaOf(withActors(at, [sso], [{ actorIds: [sso.id], count: 1 }]), personas)).toBe("developer");
  });

  it("falls back to the access key when the identity itself is not labelled", () => {
    expect(personaOf(withActors(at, [keyUser], [{ actorIds: [keyUser.id], count: 1 }]), personas)).toBe("finance");
  });

  it("takes the actor most signals come from, not the first listed", () => {
    const mostlyBob = withActors(at, [stranger, keyUser], [{ actorIds: [stranger.id], count: 2 }, { actorIds: [keyUser.id], count: 5 }]);
    expect(personaOf(mostlyBob, personas)).toBe("finance");
    const mostlyEve = withActors(at, [stranger, keyUser], [{ actorIds: [stranger.id], count: 5 }, { actorIds: [keyUser.id], count: 2 }]);
    expect(personaOf(mostlyEve, personas)).toBeNull();
  });

  it("is null without actors or without labels", () => {
    expect(personaOf(f(at), personas)).toBeNull();
    expect(personaOf(withActors(at, [keyUser], [{ actorIds: [keyUser.id], count: 1 }]), {})).toBeNull();
  });
});
