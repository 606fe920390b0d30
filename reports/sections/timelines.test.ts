import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../testing.ts";
import { timelinesSection } from "./timelines.ts";

const ids = (html: string, attribute: string) => [...html.matchAll(new RegExp(`${attribute}="([^"]+)"`, "g"))].map((m) => m[1]!);

describe("timelinesSection", () => {
  it("turns a comparison's first-run findings into rows once each variant's share of the budget is spent, and says so", () => {
    const input = sampleReportInput({ runs: 2 });
    const all = input.runs.flatMap((r) => r.variants.flatMap((v) => v.sequences.map((s) => s.finding.id)));
    const html = timelinesSection(input, 60_000);
    const cards = ids(html, "data-finding-id");
    for (const v of input.runs[0]!.variants) {
      const own = v.sequences.map((s) => s.finding.id);
      const shown = cards.filter((id) => own.includes(id));
      expect(shown.length, v.variant).toBeGreaterThan(0);
      expect(shown.length, v.variant).toBeLessThan(own.length);
      expect(shown).toEqual(own.slice(0, shown.length));
    }
    expect([...cards, ...ids(html, "data-listed-finding-id")].sort()).toEqual([...all].sort());
    expect(html).toContain("up to 0.1 MB of them");
    expect(timelinesSection(input)).not.toContain("MB of them");
  });

  it("never limits a single run", () => {
    const input = sampleReportInput({ runs: 1 });
    const html = timelinesSection(input, 1);
    expect(ids(html, "data-finding-id")).toHaveLength(input.runs[0]!.variants.reduce((n, v) => n + v.sequences.length, 0));
    expect(ids(html, "data-listed-finding-id")).toEqual([]);
  });
});
