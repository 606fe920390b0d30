import { describe, expect, it } from "vitest";
import { indexIntel } from "../intel.ts";
import { isPoolDomain } from "./pools.ts";

const feed = (pools: string[]) => indexIntel({ generatedAt: "2026-10-01T00:00:00Z", torExitNodes: [], knownBadIps: [], miningPoolDomains: pools, ipAsnRanges: [] });

describe("isPoolDomain", () => {
  it("answers as the feed does, for subdomains, case and a trailing dot", () => {
    const intel = feed(["supportxmr.com"]);
    for (const d of ["supportxmr.com", "pool.SupportXMR.com.", "supportxmr.com.evil.net", "xmr.com", "example.org"]) {
      expect(isPoolDomain(intel, d), d).toBe(intel.isMiningDomain(d));
      expect(isPoolDomain(intel, d), `${d}, remembered`).toBe(intel.isMiningDomain(d));
    }
  });

  it("remembers verdicts per feed, not across feeds", () => {
    const listed = feed(["supportxmr.com"]);
    const empty = feed([]);
    expect(isPoolDomain(listed, "pool.supportxmr.com")).toBe(true);
    expect(isPoolDomain(empty, "pool.supportxmr.com")).toBe(false);
  });
});
