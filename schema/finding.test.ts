/**
 * The finding contract against the real GuardDuty API model: every field of
 * `service.detection.sequence` the model lists is declared with its name (required where the
 * model requires it), and the top-level fields of real sample findings are ours too.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { readRealdata } from "./realdata.ts";
import { findingSchema } from "./finding.ts";
import { makeFinding } from "../eval/testing.ts";

interface ModelField {
  path: string;
  type: string;
}

/** Descend a zod schema along `segments`; `undefined` when a key is not declared, "open" at a record. */
function descend(schema: z.ZodType, segments: string[]): { schema: z.ZodType; optional: boolean } | "open" | undefined {
  let current = schema;
  let optional = false;
  for (const segment of segments) {
    optional = false;
    for (;;) {
      const def = (current as unknown as { def: { type: string } }).def;
      if (def.type === "optional") {
        current = (current as unknown as z.ZodOptional).unwrap() as z.ZodType;
        optional = true;
      } else if (def.type === "array") {
        current = (current as unknown as z.ZodArray<z.ZodType>).element;
      } else break;
    }
    const def = (current as unknown as { def: { type: string } }).def;
    if (def.type === "record" || def.type === "unknown") return "open";
    if (def.type !== "object") return undefined;
    const field = (current as unknown as z.ZodObject).shape[segment.replace("[]", "")];
    if (!field) return undefined;
    current = field as z.ZodType;
    optional = (field as unknown as { def: { type: string } }).def.type === "optional";
  }
  return { schema: current, optional };
}

describe("finding schema", () => {
  const model = (JSON.parse(readRealdata("guardduty/sequence_fields.json")) as { guardduty: { fields: ModelField[] } }).guardduty.fields;

  it("declares every field of service.detection.sequence in the GuardDuty API model", () => {
    const missing: string[] = [];
    const optionalButRequired: string[] = [];
    for (const field of model) {
      const found = descend(findingSchema, field.path.split("."));
      if (found === undefined) missing.push(field.path);
      else if (found !== "open" && field.type.includes("REQUIRED") && found.optional) optionalButRequired.push(field.path);
    }
    expect(model.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
    expect(optionalButRequired).toEqual([]);
  });

  it("uses the top-level and service field names of real attack-sequence findings", () => {
    const samples = readRealdata("guardduty/panther_attack_sequence_findings.ndjson").trim().split("\n").map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    expect(samples.length).toBeGreaterThan(0);
    const top = Object.keys(findingSchema.shape);
    const service = Object.keys(findingSchema.shape.service.shape);
    for (const sample of samples) {
      expect(Object.keys(sample).filter((k) => !top.includes(k))).toEqual([]);
      expect(Object.keys(sample.service!).filter((k) => !service.includes(k))).toEqual([]);
    }
  });

  it("names the field at fault", () => {
    const good = makeFinding({ id: "f1", eventIds: ["e1"], detectedAt: "2026-10-05T10:00:00Z" });
    expect(findingSchema.safeParse(good).success).toBe(true);
    const noScore = { ...good, seqlab: { ...good.seqlab, score: Number.NaN } };
    expect(findingSchema.safeParse(noScore).error?.issues[0]?.path).toEqual(["seqlab", "score"]);
    const badType = { ...good, type: "credential compromise" };
    expect(findingSchema.safeParse(badType).error?.issues[0]?.message).toMatch(/GuardDuty finding type/);
  });
});
