import { describe, expect, it } from "vitest";
import { resolverQuerySchema } from "./route53.ts";
import { readRealdata } from "./realdata.ts";

describe("Route 53 Resolver query log records", () => {
  const real = readRealdata("elastic-integrations/route53_resolver_test.ndjson").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

  it("accepts every real record of the boot-time capture", () => {
    const problems = real.map((r, i) => [i + 1, resolverQuerySchema.safeParse(r).error?.issues[0]] as const).filter(([, issue]) => issue);
    expect(problems).toEqual([]);
    expect(real.length).toBeGreaterThanOrEqual(30);
  });

  it("rejects a record whose timestamp another tool rewrote, naming the field", () => {
    const bad = resolverQuerySchema.safeParse({ ...real[0], query_timestamp: "2022-06-25 00:27:53" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["query_timestamp"]);
  });
});
