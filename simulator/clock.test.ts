import { describe, expect, it } from "vitest";
import { isoSeconds, javaDate, parseDay } from "./clock.ts";
import { Rng } from "./rng.ts";

describe("clock", () => {
  it("formats eventTime exactly as toISOString does, to the second", () => {
    const rng = new Rng(3, "clock-test");
    const times = [0, Date.parse("2026-10-05T23:59:59.999Z"), Date.parse("2024-02-29T12:00:00Z"), ...Array.from({ length: 2000 }, () => Math.floor(rng.between(0, 4e12)))];
    for (const ms of times) expect(isoSeconds(ms)).toBe(new Date(ms).toISOString().slice(0, 19) + "Z");
  });

  it("parses real dates and refuses impossible or malformed ones with the offending text", () => {
    expect(parseDay("2026-10-05")).toBe(Date.parse("2026-10-05T00:00:00Z"));
    expect(() => parseDay("2026-02-30")).toThrow(/"2026-02-30"/);
    expect(() => parseDay("05/10/2026")).toThrow(/2026-11-02/);
  });

  it("writes IAM- and STS-style Java dates", () => {
    const ms = Date.parse("2022-09-27T17:09:18Z");
    expect(javaDate(ms)).toBe("Sep 27, 2022 5:09:18 PM");
    expect(javaDate(ms, true)).toBe("Sep 27, 2022, 5:09:18 PM");
    expect(javaDate(Date.parse("2022-09-27T00:05:00Z"))).toBe("Sep 27, 2022 12:05:00 AM");
  });
});
