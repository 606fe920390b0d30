import { describe, expect, it } from "vitest";
import type { Inventory } from "../schema/inventory.ts";
import { sensitiveBucketsOf } from "./detect.ts";

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
