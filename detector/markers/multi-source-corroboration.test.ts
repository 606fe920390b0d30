import { describe, expect, it } from "vitest";
import marker from "./multi-source-corroboration.ts";
import { ROLE, candidate, context, signal } from "./testing.ts";

const ctx = context();
const ID = "i-0879786fe5b0d1115";
const api = signal({ minute: 5, activity: { actor: ROLE, actorType: "AssumedRole", session: ID, action: "s3:ListBuckets" } });
const host = (source: "runtime" | "vpc-flow", instanceId = ID) => signal({ minute: 1, type: "Execution:Runtime/ReverseShell", tactic: "TA0002", activity: { source, actor: instanceId, action: "process:start", host: { instanceId } } });

describe("multi-source-corroboration", () => {
  it("fires when instance credentials and the host's telemetry agree, naming the instance and sources", () => {
    const f = marker.evaluate(candidate([host("runtime"), host("vpc-flow"), api]), ctx)!;
    expect(f.indicators[0]!.values).toEqual([ID]);
    expect(f.evidence).toBe(`independent sources agree on ${ID}: cloudtrail (s3:ListBuckets) and runtime, vpc-flow`);
  });

  it("fires when an API call names the instance as a resource", () => {
    const named = signal({ activity: { action: "ec2:GetPasswordData", resources: [ID] } });
    expect(marker.evaluate(candidate([host("runtime"), named]), ctx)).toBeDefined();
  });

  it("does not fire on one source only, or on different instances", () => {
    expect(marker.evaluate(candidate([host("runtime"), host("vpc-flow")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([host("runtime", "i-0aaaaaaaaaaaaaaaa"), api]), ctx)).toBeUndefined();
  });
});
