/**
 * reports/ renders what it is given: its code imports schema/ and only the *types* of eval/, never
 * the simulator, scenarios, detector, cli or bench. Test support (testing.ts, *.test.ts) may run
 * eval to build realistic inputs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listFiles } from "../simulator/testing.ts";

describe("reports imports", () => {
  const dir = new URL("./", import.meta.url).pathname;
  const files = listFiles(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "testing.ts");

  it("reach only schema/ and eval/ types among our folders", () => {
    expect(files.length).toBeGreaterThan(20);
    const offences: string[] = [];
    for (const f of files) {
      const text = readFileSync(dir + f, "utf8");
      for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
        const [, , typeOnly, target] = m as unknown as [string, string, string | undefined, string];
        if (!target.startsWith(".")) continue;
        const path = new URL(target, `file://${dir}${f}`).pathname;
        if (path.startsWith(dir) || path.includes("/schema/")) continue;
        if (path.includes("/eval/") && typeOnly) continue;
        offences.push(`${f} imports ${target}`);
      }
      if (/import\(/.test(text)) offences.push(`${f} has a dynamic import`);
    }
    expect(offences).toEqual([]);
  });
});
