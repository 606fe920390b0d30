import { describe, expect, it } from "vitest";
import { indexIntel } from "../intel.ts";
import { countHistory, PAIR_STRIDE, tokenKind } from "./counts.ts";
import { activity } from "./testdata.ts";

const user = (name: string) => `arn:aws:iam::111111111111:user/${name}`;
const at = (minute: number) => Date.UTC(2026, 9, 1) + minute * 60_000;

describe("countHistory", () => {
  const history = [
    activity({ actor: user("a"), actorType: "IAMUser", account: "111111111111", action: "s3:GetObject", time: at(0), session: "k1" }),
    activity({ actor: user("a"), actorType: "IAMUser", account: "111111111111", action: "s3:PutObject", time: at(5), session: "k1" }),
    activity({ actor: user("a"), actorType: "IAMUser", account: "111111111111", action: "s3:GetObject", time: at(200), session: "k1" }),
    activity({ actor: user("b"), actorType: "IAMUser", account: "111111111111", action: "iam:ListUsers", time: at(1) }),
  ];
  const counts = countHistory(history, indexIntel(undefined));
  const id = (token: string) => counts.tokenIndex.get(token)!;
  const pair = (x: string, y: string) => counts.contextPairs.get(Math.min(id(x), id(y)) * PAIR_STRIDE + Math.max(id(x), id(y)));

  it("counts tokens per actor with dense ids in order of first appearance", () => {
    expect(counts.activities).toBe(4);
    expect(counts.tokens.slice(0, 3)).toEqual(["api:s3:GetObject", "agent:aws-cli", "region:eu-west-1"]);
    expect(counts.actors.map((a) => a.key)).toEqual([user("a"), user("b")]);
    expect(counts.actorTokens[0]!.get(id("api:s3:GetObject"))).toBe(2);
    expect(counts.tokenCounts[id("region:eu-west-1")]).toBe(4);
  });

  it("pairs tokens of one activity, and consecutive APIs of one session within 30 minutes", () => {
    expect(pair("api:s3:GetObject", "region:eu-west-1")).toBe(2);
    // GetObject → PutObject 5 min apart counts; PutObject → GetObject 195 min later does not.
    expect(pair("api:s3:GetObject", "api:s3:PutObject")).toBe(1);
    expect(pair("api:s3:GetObject", "api:iam:ListUsers")).toBeUndefined();
  });

  it("names a token's kind by its prefix", () => {
    expect(tokenKind("api:s3:GetObject")).toBe("api");
    expect(tokenKind("region:eu-west-1")).toBe("region");
  });
});
