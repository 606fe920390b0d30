import { describe, expect, it } from "vitest";
import type { SequenceSignal } from "../../schema/finding.ts";
import type { StageVerdict } from "../input.ts";
import { timelineSvg } from "./timeline-svg.ts";

const signal = (uid: string, name: string, first: string, last: string, tactic?: string, extra: Partial<SequenceSignal> = {}): SequenceSignal => ({
  uid,
  type: "CLOUD_TRAIL",
  name,
  createdAt: first,
  updatedAt: last,
  firstSeenAt: first,
  lastSeenAt: last,
  count: 1,
  ...(tactic && { signalIndicators: [{ key: "ATTACK_TACTIC", values: [tactic] }] }),
  ...extra,
});

const lanesOf = (svg: string) => [...svg.matchAll(/<g class="lane" data-tactic="([^"]+)"/g)].map((m) => m[1]);

describe("timelineSvg", () => {
  const signals = [
    signal("a", "Impact:IAMUser/AnomalousBehavior", "2026-10-12T12:00:00Z", "2026-10-12T12:10:00Z", "Impact"),
    signal("b", "Discovery:IAMUser/AnomalousBehavior", "2026-10-12T10:00:00Z", "2026-10-12T10:30:00Z", "Discovery"),
    signal("c", "Policy:S3/BucketBlockPublicAccessDisabled", "2026-10-12T11:00:00Z", "2026-10-12T11:00:00Z"),
    signal("d", "Stealth:IAMUser/CloudTrailLoggingDisabled", "2026-10-12T11:30:00Z", "2026-10-12T11:30:00Z"),
  ];
  const stages: StageVerdict[] = [
    { id: "s1", tactic: "TA0007", technique: "T1580", start: "2026-10-12T10:00:00Z", end: "2026-10-12T10:30:00Z", covered: true },
    { id: "s2", tactic: "TA0006", technique: "T1552.005", start: "2026-10-12T09:00:00Z", end: "2026-10-12T09:10:00Z", covered: false },
  ];

  it("puts signals and truth stages in tactic lanes in kill-chain order, unknown ones last", () => {
    const svg = timelineSvg(signals, stages, "2026-10-12T12:15:00Z");
    expect(lanesOf(svg)).toEqual(["TA0005", "TA0006", "TA0007", "TA0040", "other"]);
    expect(svg.match(/<g class="signal"/g)).toHaveLength(4);
    expect(svg.match(/<rect class="stage covered"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="stage missed"/g)).toHaveLength(1);
  });

  it("places time left to right and marks the detection", () => {
    const svg = timelineSvg(signals, [], "2026-10-12T12:15:00Z");
    const x = (uid: string) => Number(new RegExp(`data-signal-uid="${uid}"><title>[^<]*</title><rect x="([\\d.]+)"`).exec(svg)![1]);
    expect(x("b")).toBeLessThan(x("c"));
    expect(x("c")).toBeLessThan(x("d"));
    expect(x("d")).toBeLessThan(x("a"));
    expect(svg).toContain(">detected</text>");
  });

  it("stacks overlapping marks of one lane on separate rows", () => {
    const same = [0, 1, 2].map((i) => signal(`s${i}`, `Discovery:IAMUser/Kind${i}`, "2026-10-12T10:00:00Z", "2026-10-12T10:05:00Z", "Discovery"));
    const svg = timelineSvg(same, [], "2026-10-12T11:00:00Z");
    const ys = [...svg.matchAll(/<g class="signal"[^>]*><title>[^<]*<\/title><rect x="[\d.]+" y="([\d.]+)"/g)].map((m) => m[1]);
    expect(new Set(ys).size).toBe(3);
  });

  it("escapes signal names and descriptions in text and tooltips", () => {
    const svg = timelineSvg([signal(`"><script>x</script>`, "Discovery:IAMUser/<b>bold</b>", "2026-10-12T10:00:00Z", "2026-10-12T10:00:00Z", "Discovery", { description: "<img src=x onerror=alert(1)>" })], [], "2026-10-12T10:00:00Z");
    expect(svg).not.toMatch(/<(script|b|img)[\s>]/);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(svg).toContain('data-signal-uid="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it("draws a single-instant sequence with a padded axis", () => {
    const svg = timelineSvg([signal("x", "Discovery:IAMUser/A", "2026-10-12T10:00:00Z", "2026-10-12T10:00:00Z", "Discovery")], [], "2026-10-12T10:00:00Z");
    expect(svg).not.toContain("NaN");
    expect(svg).toContain("10-12 10:00");
  });
});
