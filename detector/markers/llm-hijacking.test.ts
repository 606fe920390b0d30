import { describe, expect, it } from "vitest";
import marker from "./llm-hijacking.ts";
import { IP, USER, candidate, context as anyContext, fakeBaseline, signal } from "./testing.ts";

/** Alice works from home with the AWS CLI (signals' activities default to both). */
const atHome = { "asn:7922": 40, "agent:aws-cli": 40 };
const context = () => anyContext({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: atHome, activeDays: 9 }] }) });
const probe = signal({ minute: 0, activity: { action: "bedrock:GetModelInvocationLoggingConfiguration" } });
const invoke = (minute: number, modelId: string, sourceIp: string = IP.home) => signal({ minute, tactic: "TA0040", activity: { action: "bedrock:InvokeModel", readOnly: false, request: { modelId }, sourceIp } });

describe("llm-hijacking", () => {
  it("fires when an identity new to Bedrock probes then invokes, naming probes and models", () => {
    const f = marker.evaluate(candidate([probe, invoke(3, "anthropic.claude-3-sonnet"), invoke(4, "meta.llama3-70b")]), context())!;
    expect(f.indicators[0]!.values).toEqual(["anthropic.claude-3-sonnet", "meta.llama3-70b"]);
    expect(f.evidence).toBe("alice, with no Bedrock invocations in history, probed bedrock:GetModelInvocationLoggingConfiguration and then invoked anthropic.claude-3-sonnet, meta.llama3-70b");
  });

  it("weighs double when the probes sweep three regions or more", () => {
    const probeIn = (minute: number, region: string) => signal({ minute, activity: { action: "bedrock:GetFoundationModelAvailability", region } });
    const oneRegion = marker.evaluate(candidate([probeIn(0, "us-east-1"), probeIn(1, "us-east-1"), invoke(3, "m")]), context())!;
    const twoRegions = marker.evaluate(candidate([probeIn(0, "us-east-1"), probeIn(1, "us-west-2"), invoke(3, "m")]), context())!;
    const sweep = marker.evaluate(candidate([probeIn(0, "us-east-1"), probeIn(1, "eu-west-3"), probeIn(2, "ap-south-1"), invoke(3, "m")]), context())!;
    expect([oneRegion.weight, twoRegions.weight, sweep.weight]).toEqual([1.5, 1.5, 3]);
    expect(sweep.evidence).toContain("in 3 regions");
  });

  it("weighs double when a settled identity invokes from a network none of its habits, not for a new tool at home or a newcomer", () => {
    const f = marker.evaluate(candidate([probe, invoke(3, "m", IP.vps)]), context())!;
    expect(f.weight).toBe(3);
    expect(f.evidence).toContain("invoked m, from somewhere else");
    const newSdk = signal({ minute: 3, tactic: "TA0040", activity: { action: "bedrock:InvokeModel", readOnly: false, request: { modelId: "m" }, agentFamily: "boto3" } });
    expect(marker.evaluate(candidate([probe, newSdk]), context())!.weight).toBe(1.5);
    const newcomer = anyContext({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: atHome, activeDays: 1 }] }) });
    expect(marker.evaluate(candidate([probe, invoke(3, "m", IP.vps)]), newcomer)!.weight).toBe(1.5);
  });

  it("does not fire for a habitual Bedrock user, or for invocations without a probe first", () => {
    const habitual = anyContext({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { ...atHome, "api:bedrock:InvokeModel": 40 }, activeDays: 9 }] }) });
    expect(marker.evaluate(candidate([probe, invoke(3, "m")]), habitual)).toBeUndefined();
    expect(marker.evaluate(candidate([invoke(0, "m"), probe]), context())).toBeUndefined();
  });
});
