import { describe, expect, it } from "vitest";
import { didYouMean, unknownNameMessage } from "./did-you-mean.ts";

const SUITES = ["default", "smoke", "full", "benign-only"];

describe("didYouMean", () => {
  it("suggests the nearest name for a typo", () => {
    expect(didYouMean("defualt", SUITES)).toBe("default");
    expect(didYouMean("smok", SUITES)).toBe("smoke");
    expect(didYouMean("ful", SUITES)).toBe("full");
  });

  it("returns the name itself when it is known", () => {
    expect(didYouMean("default", SUITES)).toBe("default");
  });

  it("suggests nothing when no name is plausibly meant", () => {
    expect(didYouMean("zzzzzz", SUITES)).toBeUndefined();
    expect(didYouMean("defualt", [])).toBeUndefined();
  });
});

describe("unknownNameMessage", () => {
  it("names the input, suggests the nearest name and lists the choices", () => {
    const message = unknownNameMessage("suite", "defualt", SUITES);
    expect(message).toContain('unknown suite "defualt"');
    expect(message).toContain('did you mean "default"?');
    expect(message).toContain("choose one of: default, smoke, full, benign-only");
  });

  it("lists the choices without a suggestion when none is plausible", () => {
    const message = unknownNameMessage("suite", "zzzzzz", SUITES);
    expect(message).toContain('unknown suite "zzzzzz"');
    expect(message).not.toContain("did you mean");
    for (const name of SUITES) expect(message).toContain(name);
  });
});
