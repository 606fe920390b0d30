import { describe, expect, it } from "vitest";
import marker from "./llm-hijacking.ts";
import { USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const probe = signal({ minute: 0, activity: { action: "bedrock:GetModelInvocationLoggingConfiguration" } });
const invoke = (minute: number, modelId: string) => signal({ minute, tactic: "TA0040", activity: { action: "bedrock:InvokeModel", readOnly: false, request: { modelId } } });

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

  it("does not fire for a habitual Bedrock user, or for invocations without a probe first", () => {
    const habitual = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: ["api:bedrock:InvokeModel"] }] }) });
    expect(marker.evaluate(candidate([probe, invoke(3, "m")]), habitual)).toBeUndefined();
    expect(marker.evaluate(candidate([invoke(0, "m"), probe]), context())).toBeUndefined();
  });
});
