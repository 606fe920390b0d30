import { describe, expect, it } from "vitest";
import { isHabit, settledActor } from "./habits.ts";
import { fakeBaseline, USER } from "./markers/testing.ts";

describe("actor habits", () => {
  it("trusts an actor's habits from three active days of history, and calls a token a habit from five uses", () => {
    const baselineWith = (activeDays: number) => fakeBaseline({ actors: [{ key: USER, tokens: { "api:s3:ListBuckets": 5, "api:iam:ListUsers": 4 }, activeDays }] });
    expect(settledActor(USER, baselineWith(2))).toBeUndefined();
    expect(settledActor("arn:aws:iam::111111111111:user/nobody", baselineWith(3))).toBeUndefined();
    const settled = settledActor(USER, baselineWith(3))!;
    expect(isHabit(settled, "api:s3:ListBuckets")).toBe(true);
    expect(isHabit(settled, "api:iam:ListUsers")).toBe(false);
    expect(isHabit(settled, "api:iam:GetUser")).toBe(false);
  });
});
