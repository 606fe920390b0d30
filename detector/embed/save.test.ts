import { describe, expect, it } from "vitest";
import { loadModel, saveModel } from "./save.ts";

describe("loadModel", () => {
  it("names what is wrong with a bad file", () => {
    expect(() => loadModel("{")).toThrow(/model file: not JSON/);
    expect(() => loadModel(JSON.stringify({ format: "seqlab-anomaly-model", version: 1, kind: "magic" }))).toThrow(/model file: kind/);
    expect(() => loadModel(JSON.stringify({ format: "seqlab-anomaly-model", version: 1, kind: "first-seen", tokens: [], actors: [{ key: 1 }], peerGroups: [] }))).toThrow(
      /model file: actors\.0\.key/,
    );
  });

  it("rejects vectors whose length does not match the vocabulary", () => {
    const file = {
      format: "seqlab-anomaly-model",
      version: 1,
      kind: "embedding",
      dim: 2,
      tokens: ["api:a"],
      tokenVectors: Buffer.from(new Float32Array([1]).buffer).toString("base64"),
      kinds: ["api"],
      actors: [],
      actorAnchors: [],
      actorVectors: "",
      groups: [],
      groupAnchors: [],
      groupVectors: "",
    };
    expect(() => loadModel(JSON.stringify(file))).toThrow(/tokenVectors holds 1 floats, expected 2/);
  });
});

describe("saveModel", () => {
  it("refuses models it does not know", () => {
    expect(() => saveModel({ name: "custom", score: () => 0 })).toThrow(/cannot save model "custom"/);
  });
});
