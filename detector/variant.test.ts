import { describe, expect, it } from "vitest";
import { builtInVariants, loadVariant, parseVariant, VariantError } from "./variant.ts";

describe("variants", () => {
  it("ships the variants the comparison needs, each valid and named as its file", () => {
    const names = builtInVariants();
    for (const required of ["full", "rules-only", "first-seen", "frequency", "no-markers", "window-1h", "window-72h", "per-account"]) expect(names).toContain(required);
    for (const name of names) expect(loadVariant(name).name).toBe(name);
  });

  it("names the path of a bad field", () => {
    const full = loadVariant("full");
    expect(() => parseVariant({ ...full, windowHours: -1 }, "my.json")).toThrow(/my\.json: windowHours: /);
    expect(() => parseVariant({ ...full, scope: "galaxy" }, "my.json")).toThrow(/my\.json: scope: /);
    expect(() => parseVariant({ ...full, extra: 1 }, "my.json")).toThrow(VariantError);
  });

  it("suggests a near name for an unknown variant", () => {
    expect(() => loadVariant("ful")).toThrow(/did you mean "full"/);
  });
});
