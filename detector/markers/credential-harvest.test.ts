import { describe, expect, it } from "vitest";
import marker from "./credential-harvest.ts";
import { ROLE, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context();
const call = (minute: number, action: string, over: Record<string, unknown> = {}) => signal({ minute, tactic: "TA0006", activity: { action, ...over } });
const list = (minute: number) => call(minute, "secretsmanager:ListSecrets");
const secret = (minute: number, over = {}) => call(minute, "secretsmanager:GetSecretValue", { resources: ["arn:aws:secretsmanager:us-east-1:111111111111:secret:app/db"], ...over });
const batch = (minute: number) => call(minute, "secretsmanager:BatchGetSecretValue");
const parameters = (minute: number, withDecryption = true) => call(minute, "ssm:GetParametersByPath", { request: { path: "/", withDecryption } });
const password = (minute: number) => call(minute, "ec2:GetPasswordData", { resources: ["i-0abc"] });

describe("credential-harvest", () => {
  it("fires on reads from two stores within an hour, naming them and the calls, at one and a half times its weight", () => {
    const f = marker.evaluate(candidate([list(0), secret(3), parameters(10)]), ctx)!;
    expect(f.evidence).toBe("alice read credentials from Secrets Manager, Parameter Store in 10 min, Parameter Store whole: secretsmanager:ListSecrets, secretsmanager:GetSecretValue, ssm:GetParametersByPath");
    expect(f.weight).toBe(4.5);
    expect(f.indicators).toContainEqual({ key: "ATTACK_TECHNIQUE", values: ["T1555.006"], title: expect.any(String) });
    expect(f.indicators).toContainEqual({ key: "HIGH_RISK_API", values: ["secretsmanager:GetSecretValue", "ssm:GetParametersByPath"], title: expect.any(String) });
  });

  it("does not fire on a secret and a password fetched one by one: an administrator's errand, no store read whole", () => {
    expect(marker.evaluate(candidate([list(0), secret(3), password(14)]), ctx)).toBeUndefined();
  });

  it("gives three stores twice its weight", () => {
    expect(marker.evaluate(candidate([secret(0), parameters(5), password(20)]), ctx)!.weight).toBe(6);
  });

  it("fires on one store read whole after looking it over within the hour", () => {
    const f = marker.evaluate(candidate([list(0), batch(2)]), ctx)!;
    expect(f.weight).toBe(3);
    expect(f.evidence).toBe("alice read credentials from Secrets Manager in 2 min, Secrets Manager whole after looking it over: secretsmanager:ListSecrets, secretsmanager:BatchGetSecretValue");
    expect(marker.evaluate(candidate([call(0, "secretsmanager:DescribeSecret"), batch(60)]), ctx)?.weight).toBe(3);
    expect(marker.evaluate(candidate([list(0), batch(61)]), ctx)).toBeUndefined();
  });

  it("forgets a whole-store read once it leaves the hour", () => {
    // Parameters read whole at minute 0 and a secret at 30 make two stores; the password at 80 joins only the secret.
    expect(marker.evaluate(candidate([parameters(0), secret(30), password(80)]), ctx)!.weight).toBe(4.5);
    expect(marker.evaluate(candidate([parameters(0), secret(70), password(80)]), ctx)).toBeUndefined();
  });

  it("counts CloudTrail calls only", () => {
    const elsewhere = (minute: number, action: string) => signal({ minute, activity: { action, source: "runtime", request: { withDecryption: true } } });
    expect(marker.evaluate(candidate([elsewhere(0, "ssm:GetParametersByPath"), elsewhere(5, "secretsmanager:GetSecretValue")]), ctx)).toBeUndefined();
  });

  it("does not fire on a person listing secrets and reading one, or reading a whole store without listing it", () => {
    expect(marker.evaluate(candidate([list(0), secret(2)]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([batch(0)]), ctx)).toBeUndefined();
    // The listing must come first: a bulk read before it is not the harvest's order.
    expect(marker.evaluate(candidate([batch(0), list(5)]), ctx)).toBeUndefined();
  });

  it("does not count parameters read without decryption, failed reads, or stores read hours apart", () => {
    expect(marker.evaluate(candidate([secret(0), parameters(5, false)]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([secret(0, { error: "AccessDeniedException" }), parameters(5)]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([secret(0), parameters(61)]), ctx)).toBeUndefined();
  });

  it("does not join two actors' reads into one harvest", () => {
    const appRead = signal({ minute: 5, tactic: "TA0006", activity: { action: "ssm:GetParametersByPath", actor: ROLE, actorType: "AssumedRole", request: { path: "/app/", withDecryption: true } } });
    expect(marker.evaluate(candidate([secret(0), appRead]), ctx)).toBeUndefined();
  });

  it("does not count the reads its settled actor makes routinely", () => {
    const reader = (activeDays: number) =>
      context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "api:secretsmanager:GetSecretValue": 40 }, activeDays }] }) });
    expect(marker.evaluate(candidate([secret(0), parameters(5)]), reader(9))).toBeUndefined();
    // A history of two days has no habits yet.
    expect(marker.evaluate(candidate([secret(0), parameters(5)]), reader(2))?.weight).toBe(4.5);
  });
});
