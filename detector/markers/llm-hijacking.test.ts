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

  it("does not fire for a habitual Bedrock user, or for invocations without a probe first", () => {
    const habitual = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: ["api:bedrock:InvokeModel"] }] }) });
    expect(marker.evaluate(candidate([probe, invoke(3, "m")]), habitual)).toBeUndefined();
    expect(marker.evaluate(candidate([invoke(0, "m"), probe]), context())).toBeUndefined();
  });
});
