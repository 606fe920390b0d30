import { describe, expect, it } from "vitest";
import marker from "./cryptomining.ts";
import { candidate, context, signal } from "./testing.ts";

const host = (instanceId: string) => ({ source: "runtime" as const, actor: instanceId, actorType: "Instance" as const, host: { instanceId } });
const miner = (instanceId: string) => signal({ type: "Impact:Runtime/CryptoMinerExecuted", tactic: "TA0040", activity: host(instanceId), indicators: [{ key: "CRYPTOMINING_PROCESS", values: ["xmrig"] }] });
const pool = (instanceId: string) => signal({ minute: 2, type: "CryptoCurrency:EC2/BitcoinTool.B!DNS", tactic: "TA0040", activity: host(instanceId), indicators: [{ key: "CRYPTOMINING_DOMAIN", values: ["pool.supportxmr.com"] }] });

describe("cryptomining", () => {
  it("fires when a miner ran and the same instance reached a pool, naming both", () => {
    const f = marker.evaluate(candidate([miner("i-1"), pool("i-1")]), context())!;
    expect(f.indicators.map((i) => [i.key, i.values])).toEqual([
      ["CRYPTOMINING_PROCESS", ["xmrig"]],
      ["CRYPTOMINING_DOMAIN", ["pool.supportxmr.com"]],
    ]);
    expect(f.evidence).toBe("xmrig ran on i-1, which reached the mining pool(s) pool.supportxmr.com");
  });

  it("does not fire on a miner alone, pool traffic alone, or the two on different instances", () => {
    expect(marker.evaluate(candidate([miner("i-1")]), context())).toBeUndefined();
    expect(marker.evaluate(candidate([pool("i-1")]), context())).toBeUndefined();
    expect(marker.evaluate(candidate([miner("i-1"), pool("i-2")]), context())).toBeUndefined();
  });
});
