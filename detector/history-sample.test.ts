import { describe, expect, it } from "vitest";
import type { Activity } from "./activity.ts";
import { HistorySample, trainingView } from "./history-sample.ts";
import { activity, testIntel } from "./markers/testing.ts";
import { tokensOf } from "./tokens.ts";

const intel = testIntel();
const cloudtrail = (i: number): Activity =>
  activity({ id: `ev-${i}`, time: 1_000 * i, action: "s3:GetObject", userAgent: "aws-cli/2.15.0 Python/3.11", resources: [`bucket-${i}`], request: { bucketName: `bucket-${i}` }, session: "s", accessKeyId: "ASIAEXAMPLE" });
const host: Activity = activity({ id: "host-1", source: "runtime", actor: "i-0abc", actorType: "Instance", action: "network:open", host: { instanceId: "i-0abc", process: "xmrig", cmdLine: "xmrig -o pool:3333", dstIp: "203.0.113.9", dstPort: 3333, domain: "pool.example.net", path: "/tmp/xmrig" } });

describe("HistorySample", () => {
  it("keeps only what the models learn from, with the same behaviour tokens", () => {
    for (const a of [cloudtrail(1), host]) {
      const view = trainingView(a);
      expect(tokensOf(view, intel)).toEqual(tokensOf(a, intel));
      expect(view).not.toHaveProperty("userAgent");
      expect(view).not.toHaveProperty("resources");
      expect(view).not.toHaveProperty("request");
    }
    expect(trainingView(host).host).toEqual({ process: "xmrig", dstPort: 3333, domain: "pool.example.net" });
    expect(trainingView(cloudtrail(2))).toMatchObject({ session: "s", accessKeyId: "ASIAEXAMPLE", actor: cloudtrail(2).actor });
  });

  it("keeps at most its capacity, the same sample for the same seed, in time order", () => {
    const draw = (seed: number) => {
      const sample = new HistorySample(50, seed);
      for (let i = 0; i < 1_000; i++) sample.offer(cloudtrail(i));
      return sample.activities().map((a) => a.id);
    };
    const one = draw(1);
    expect(one).toHaveLength(50);
    expect(draw(1)).toEqual(one);
    expect(draw(2)).not.toEqual(one);
    const times = one.map((id) => Number(id.slice(3)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
