import { describe, expect, it } from "vitest";
import marker from "./discovery-breadth.ts";
import { USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context();
const SWEEP = ["iam:ListUsers", "iam:ListRoles", "iam:GetAccountAuthorizationDetails", "s3:ListBuckets", "ec2:DescribeInstances", "ec2:DescribeRegions", "lambda:ListFunctions20150331", "secretsmanager:ListSecrets"];
const look = (action: string, minute: number) => signal({ minute, activity: { action } });

describe("discovery-breadth", () => {
  it("fires on many discovery APIs across services within an hour, naming them", () => {
    const f = marker.evaluate(candidate(SWEEP.map((a, i) => look(a, i * 5))), ctx)!;
    expect(f.indicators[1]).toEqual({ key: "DISCOVERY_BREADTH", values: SWEEP, title: expect.any(String) });
    expect(f.evidence).toMatch(/^8 distinct discovery APIs over 5 services in 35 min: iam:ListUsers, iam:ListRoles/);
    expect(f.weight).toBe(2);
  });

  it("does not fire when the same looks are spread over a day", () => {
    expect(marker.evaluate(candidate(SWEEP.map((a, i) => look(a, i * 120))), ctx)).toBeUndefined();
  });

  it("does not fire on many calls of few APIs in one service", () => {
    const c = candidate(Array.from({ length: 40 }, (_, i) => look(i % 2 ? "iam:ListUsers" : "iam:GetUser", i)));
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("does not count changes that a Discovery-tagged signal raised", () => {
    const changes = ["iam:DeleteLoginProfile", "ec2:TerminateInstances", "sns:SetSMSAttributes"].map((a, i) => signal({ minute: 30 + i, activity: { action: a, readOnly: false } }));
    expect(marker.evaluate(candidate([...SWEEP.slice(0, 4).map((a, i) => look(a, i)), ...changes]), ctx)).toBeUndefined();
  });

  it("counts read-only List/Describe calls even when their signal named another tactic, but not data reads", () => {
    const c = candidate([...SWEEP.slice(0, 5).map((a, i) => signal({ minute: i, tactic: "TA0001", activity: { action: a } })), signal({ minute: 6, tactic: "TA0009", activity: { action: "s3:GetObject" } })]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });

  it("does not count the actor's routine looks, only those beyond its habits, and only once its history is settled", () => {
    const sweep = candidate(SWEEP.map((a, i) => look(a, i * 5)));
    const routine = (apis: string[], activeDays = 9) =>
      context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: Object.fromEntries(apis.map((a) => [`api:${a}`, 30])), activeDays }] }) });
    // Its usual dashboards (EC2, S3, Lambda) plus IAM and Secrets Manager it never looks at: five new looks, too few.
    expect(marker.evaluate(sweep, routine(["s3:ListBuckets", "ec2:DescribeInstances", "ec2:DescribeRegions"]))).toBeUndefined();
    // Habits from a short history, or calls made only a few times, are not routine yet.
    expect(marker.evaluate(sweep, routine(["s3:ListBuckets", "ec2:DescribeInstances", "ec2:DescribeRegions"], 2))?.weight).toBe(2);
    const rare = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "api:s3:ListBuckets": 2, "api:ec2:DescribeInstances": 2, "api:ec2:DescribeRegions": 2 }, activeDays: 9 }] }) });
    expect(marker.evaluate(sweep, rare)?.weight).toBe(2);
  });
});
