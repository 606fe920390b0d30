import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderScenarioDocs } from "./docs.ts";
import { SCENARIOS } from "./registry.ts";
import { SUITES } from "./suites.ts";

describe("docs/scenarios.md", () => {
  it("is up to date with the catalogue (run `npm run docs` after changing a scenario)", () => {
    const committed = readFileSync(new URL("../docs/scenarios.md", import.meta.url), "utf8");
    expect(committed).toBe(renderScenarioDocs(SCENARIOS, SUITES));
  });

  it("lists every scenario and each stage's technique", () => {
    const page = renderScenarioDocs(SCENARIOS, SUITES);
    for (const s of SCENARIOS) {
      expect(page).toContain(`## ${s.id}`);
      for (const st of s.stages) expect(page).toContain(st.technique);
    }
  });
});
