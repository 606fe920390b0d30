import { describe, expect, it } from "vitest";
import type { Inventory } from "../schema/inventory.ts";
import { detect, sensitiveBucketsOf, type ActivitySource } from "./detect.ts";
import { loadModel } from "./embed/registry.ts";
import { activity, T0 } from "./markers/testing.ts";
import { loadVariant } from "./variant.ts";

/** An inventory with only what the function reads: each account's buckets and their tags. */
const inventory = (buckets: Array<{ name: string; tags: Record<string, string> }>) => ({ accounts: [{ buckets, instances: [] }] }) as unknown as Inventory;

describe("sensitiveBucketsOf", () => {
  it("takes the buckets whose data-classification tag names sensitive data, in any case", () => {
    const names = sensitiveBucketsOf(
      inventory([
        { name: "customer-pii", tags: { "data-classification": "PII" } },
        { name: "finance", tags: { "data-classification": "Confidential" } },
        { name: "assets", tags: { "data-classification": "public" } },
        { name: "logs", tags: { team: "platform" } },
      ]),
    );
    expect([...names].sort()).toEqual(["customer-pii", "finance"]);
  });

  it("knows no sensitive bucket without an inventory", () => {
    expect(sensitiveBucketsOf(undefined).size).toBe(0);
  });
});

describe("detect with a saved model", () => {
  const history = Array.from({ length: 40 }, (_, i) => activity({ id: `h-${i}`, time: T0 + i * 3_600_000, action: i % 2 ? "s3:ListBuckets" : "sts:GetCallerIdentity" }));
  const source: ActivitySource = {
    async *history() {
      yield history;
    },
    async *detection() {
      yield [activity({ id: "d-1", time: T0 + 3 * 86_400_000, action: "iam:CreateUser", readOnly: false })];
    },
    describe: () => "test",
  };
  const intel = { generatedAt: "2026-10-09T00:00:00Z", torExitNodes: [], knownBadIps: [], miningPoolDomains: [], ipAsnRanges: [] };

  it("uses it for variants of its kind, never for a variant without learning, and refuses another kind", async () => {
    const trained = await detect({ variant: loadVariant("first-seen"), source, intel });
    const model = loadModel(trained.savedModel!);
    expect((await detect({ variant: loadVariant("first-seen"), source, intel, model })).summary.backend).toBe("loaded");
    expect((await detect({ variant: loadVariant("rules-only"), source, intel, model })).summary.backend).toBe("none");
    await expect(detect({ variant: loadVariant("frequency"), source, intel, model })).rejects.toThrow(/is a "first-seen" model, but variant "frequency" learns a "frequency" one/);
  });
});
