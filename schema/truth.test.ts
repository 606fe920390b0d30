import { describe, expect, it } from "vitest";
import { truthSchema, type Truth } from "./truth.ts";

function smallTruth(): Truth {
  return {
    period: { start: "2026-10-01T00:00:00Z", evaluationStart: "2026-10-25T00:00:00Z", end: "2026-11-08T00:00:00Z" },
    campaigns: [
      {
        id: "c-0001",
        scenarioId: "leaked-access-key-mining",
        kind: "attack",
        accounts: ["111122223333"],
        actors: ["arn:aws:iam::111122223333:user/ci-deploy"],
        start: "2026-11-02T09:14:03Z",
        end: "2026-11-02T11:40:00Z",
        expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
        stages: [
          {
            id: "discovery",
            tactic: "TA0007",
            technique: "T1087.004",
            start: "2026-11-02T09:14:03Z",
            end: "2026-11-02T09:20:00Z",
            eventIds: ["6f1d0b5a-0000-4000-8000-000000000002"],
          },
        ],
      },
      {
        id: "c-0002",
        scenarioId: "admin-iam-cleanup-new-laptop",
        kind: "benign",
        accounts: ["111122223333"],
        actors: ["arn:aws:iam::111122223333:user/admin"],
        start: "2026-11-03T10:00:00Z",
        end: "2026-11-03T10:30:00Z",
        expectedSequenceType: null,
        stages: [
          {
            id: "cleanup",
            tactic: "TA0040",
            technique: "T1531",
            start: "2026-11-03T10:00:00Z",
            end: "2026-11-03T10:30:00Z",
            eventIds: [],
          },
        ],
      },
    ],
  };
}

const issuePaths = (input: unknown): string[] => {
  const result = truthSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("truthSchema", () => {
  it("accepts a small hand-made truth", () => {
    const result = truthSchema.safeParse(smallTruth());
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues)).toBe(true);
  });

  it("rejects an unknown tactic id at campaigns.0.stages.0.tactic", () => {
    const truth = smallTruth();
    truth.campaigns[0]!.stages[0]!.tactic = "TA9999";
    const result = truthSchema.safeParse(truth);
    expect(result.success).toBe(false);
    expect(issuePaths(truth)).toEqual(["campaigns.0.stages.0.tactic"]);
    expect(result.error!.issues[0]!.message).toMatch(/tactic/);
  });

  it("rejects an unknown technique id at its path", () => {
    const truth = smallTruth();
    truth.campaigns[1]!.stages[0]!.technique = "T0000";
    expect(issuePaths(truth)).toEqual(["campaigns.1.stages.0.technique"]);
  });

  it("rejects a campaign without stages and a non-ISO timestamp", () => {
    const truth = smallTruth();
    truth.campaigns[0]!.stages = [];
    truth.period.end = "2026-11-08 00:00:00";
    expect(issuePaths(truth).sort()).toEqual(["campaigns.0.stages", "period.end"]);
  });
});
