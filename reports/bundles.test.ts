import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { vegaBundles } from "./bundles.ts";

describe("vegaBundles", () => {
  const pins = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> }).dependencies;

  it("are the minified browser builds of the pinned versions, in load order", () => {
    const bundles = vegaBundles();
    expect(bundles.map((b) => b.name)).toEqual(["vega", "vega-lite", "vega-embed"]);
    for (const b of bundles) {
      expect(b.version).toBe(pins[b.name]);
      expect(b.source.length).toBeGreaterThan(50_000);
    }
    // The UMD builds define the globals the page's boot script uses.
    expect(bundles[2]!.source).toContain("vegaEmbed");
  });

  it("are read once per process", () => {
    expect(vegaBundles()).toBe(vegaBundles());
  });
});
