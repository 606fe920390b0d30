import { describe, expect, it } from "vitest";
import marker from "./uncorroborated-single-type.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();

describe("uncorroborated-single-type", () => {
  it("dampens a candidate of one signal type, naming it", () => {
    const c = candidate([0, 1, 2].map((minute) => signal({ minute, type: "UnauthorizedAccess:IAMUser/TorIPCaller", tactic: "TA0001" })));
    expect(marker.evaluate(c, ctx)!.evidence).toBe("all 3 signals are UnauthorizedAccess:IAMUser/TorIPCaller (TA0001); no other kind of evidence corroborates them");
  });

  it("does not dampen two signal types, nor an empty candidate", () => {
    expect(marker.evaluate(candidate([signal({ type: "A:B/C" }), signal({ type: "A:B/D" })]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([]), ctx)).toBeUndefined();
  });
});
