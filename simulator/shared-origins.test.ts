/**
 * The `hard` suite's attackers hide in benign infrastructure: more of their source addresses (and
 * /24s) are ones benign CloudTrail records of the same run show than in `default`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Truth } from "../schema/truth.ts";
import { lookupIp } from "./networks.ts";
import { Rng } from "./rng.ts";
import { simulate } from "./run.ts";
import { sharedOrigin } from "./shared-origins.ts";
import { readEventFiles } from "./testing.ts";
import { buildWorld } from "./world.ts";

/** Shares of an attack's public source addresses that benign records show, exactly and by /24. */
interface Overlap {
  addresses: number;
  exact: number;
  slash24: number;
}

const slash24 = (ip: string) => ip.split(".").slice(0, 3).join(".");

async function overlapOf(suite: string): Promise<Overlap> {
  const dir = mkdtempSync(join(tmpdir(), `seqlab-overlap-${suite}-`));
  try {
    await simulate({ config: { seed: 5, days: 10, historyDays: 5, accounts: 6, suite, start: "2026-10-05" }, outDir: dir, workers: 2, command: "test" });
    const truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
    const attackIds = new Set(truth.campaigns.filter((c) => c.kind === "attack").flatMap((c) => c.stages.flatMap((s) => s.eventIds)));
    const attack = new Set<string>();
    const benign = new Set<string>();
    for (const file of readEventFiles(dir)) {
      for (const r of file.records) if (lookupIp(r.sourceIPAddress) !== undefined) (attackIds.has(r.eventID) ? attack : benign).add(r.sourceIPAddress);
    }
    const benign24 = new Set([...benign].map(slash24));
    const share = (f: (ip: string) => boolean) => [...attack].filter(f).length / attack.size;
    return { addresses: attack.size, exact: share((ip) => benign.has(ip)), slash24: share((ip) => benign24.has(slash24(ip))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let standard: Overlap;
let hard: Overlap;

beforeAll(async () => {
  standard = await overlapOf("default");
  hard = await overlapOf("hard");
}, 240_000);

describe("attacker infrastructure overlapping benign", () => {
  it("puts more attack addresses on benign actors' own addresses and /24s in hard than in default", () => {
    expect(standard.addresses).toBeGreaterThan(30);
    expect(hard.addresses).toBeGreaterThan(30);
    // Seed 5 measures about 0.09 exact and 0.14 by /24 in default, 0.31 and 0.55 in hard.
    expect(hard.exact - standard.exact).toBeGreaterThan(0.12);
    expect(hard.slash24 - standard.slash24).toBeGreaterThan(0.25);
  });
});

describe("sharedOrigin", () => {
  it("draws a benign principal's own address of the asked network type, or one of its /24", () => {
    const world = buildWorld(3, { accounts: 4, days: 4 });
    const rng = new Rng(3, "test/shared-origin");
    const used = new Map(world.principals.flatMap((p) => p.networks.items.map((ip) => [ip, p.key] as const)));
    const used24 = new Set([...used.keys()].map(slash24));
    for (let i = 0; i < 200; i++) {
      const ip = sharedOrigin(world, ["vpn"], rng)!;
      expect(lookupIp(ip)?.usage).toBe("vpn");
      expect(used24.has(slash24(ip))).toBe(true);
    }
    const victim = world.principals.find((p) => p.networks.items.some((ip) => lookupIp(ip)?.usage === "isp"))!;
    for (let i = 0; i < 200; i++) expect(used.get(sharedOrigin(world, ["isp", "mobile"], rng, victim.key)!)).not.toBe(victim.key);
  });
});
