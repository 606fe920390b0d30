import { describe, expect, it } from "vitest";
import marker from "./compromised-instance-group.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();
const mining = (instanceId: string, type = "CryptoCurrency:EC2/BitcoinTool.B!DNS") =>
  signal({ type, tactic: "TA0040", activity: { source: "route53-resolver", actor: instanceId, action: "dns:query", host: { instanceId, domain: "pool.supportxmr.com" } } });

describe("compromised-instance-group", () => {
  it("fires on one signal type across instances, naming type and instances", () => {
    const f = marker.evaluate(candidate([mining("i-0aaa11112222"), mining("i-0bbb33334444"), mining("i-0aaa11112222")]), ctx)!;
    expect(f.indicators[0]!.values).toEqual(["i-0aaa11112222", "i-0bbb33334444"]);
    expect(f.evidence).toBe("CryptoCurrency:EC2/BitcoinTool.B!DNS on 2 instances (i-0aaa11112222, i-0bbb33334444)");
  });

  it("does not fire on one instance, or on different signal types per instance", () => {
    expect(marker.evaluate(candidate([mining("i-0aaa11112222"), mining("i-0aaa11112222", "Backdoor:EC2/C&CActivity.B")]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([mining("i-0aaa11112222"), mining("i-0bbb33334444", "Backdoor:EC2/C&CActivity.B")]), ctx)).toBeUndefined();
  });
});
