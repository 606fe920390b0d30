import { describe, expect, it } from "vitest";
import { indexIntel } from "../intel.ts";
import { MODEL_KINDS, type ModelKind, trainerFor } from "./registry.ts";

describe("trainerFor", () => {
  it("gives a trainer of each kind, named after it", () => {
    for (const kind of MODEL_KINDS) expect(trainerFor(kind, { intel: indexIntel(undefined) }).name).toBe(kind);
  });

  it("lists the known kinds for an unknown one", () => {
    expect(() => trainerFor("lstm" as ModelKind, { intel: indexIntel(undefined) })).toThrow(/unknown anomaly model "lstm"; known: embedding, first-seen, frequency/);
  });
});
