/**
 * The one rule that must never break: the detector never imports the simulator, the scenarios or
 * anything that knows the truth, so it can only learn behaviour, never the generator.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listFiles } from "../simulator/testing.ts";

const FORBIDDEN = [/\/simulator\//, /\/scenarios\//, /\/eval\//, /schema\/truth/, /\/cli\//, /\/bench\//];

describe("detector imports", () => {
  const dir = new URL("./", import.meta.url).pathname;
  const files = listFiles(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it("never reach the simulator, scenarios, eval or truth", () => {
    expect(files.length).toBeGreaterThan(20);
    const offences: string[] = [];
    for (const f of files) {
      const text = readFileSync(dir + f, "utf8");
      for (const m of text.matchAll(/^\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)) {
        const target = new URL(m[1]!, `file://${dir}${f}`).pathname;
        if (FORBIDDEN.some((re) => re.test(target.replace(dir, "/detector/")))) offences.push(`${f} imports ${m[1]}`);
      }
      for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) if (/simulator|scenarios|truth/.test(m[1]!)) offences.push(`${f} imports ${m[1]}`);
    }
    expect(offences).toEqual([]);
  });
});
