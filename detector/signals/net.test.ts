import { describe, expect, it } from "vitest";
import { ipv4ToNumber } from "../intel.ts";
import { isPublicIpv4 } from "./net.ts";

/** The definition isPublicIpv4 must keep: intel's parser, then the non-public ranges. */
function reference(ip: string): boolean {
  const n = ipv4ToNumber(ip);
  if (n === undefined) return false;
  const ranges: Array<[string, number]> = [["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["127.0.0.0", 8], ["169.254.0.0", 16], ["100.64.0.0", 10], ["0.0.0.0", 8], ["224.0.0.0", 3]];
  return ranges.every(([base, bits]) => n < ipv4ToNumber(base)! || n >= ipv4ToNumber(base)! + 2 ** (32 - bits));
}

describe("isPublicIpv4", () => {
  it("tells public addresses from private, reserved and malformed ones", () => {
    expect(["8.8.8.8", "203.0.113.9", "172.32.0.1", "100.128.0.1"].map(isPublicIpv4)).toEqual([true, true, true, true]);
    expect(["10.1.2.3", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "0.1.2.3"].map(isPublicIpv4)).toEqual(Array(7).fill(false));
  });

  it("agrees with intel's parser on malformed and edge-case text", () => {
    const tricky = ["", ".", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "256.1.1.1", "1.2.3.256", "255.255.255.255", "001.002.003.004", "0001.2.3.4",
      "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "1.2.3.a", "+1.2.3.4", "-1.2.3.4", "1e2.1.1.1", "2001:db8::1", "::ffff:8.8.8.8", "８.8.8.8", "99.999.9.9", "9.9.9.09"];
    for (const ip of tricky) expect(isPublicIpv4(ip), ip).toBe(reference(ip));
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 300;
    for (let i = 0; i < 2000; i++) {
      const ip = [next(), next(), next(), next()].join(".");
      expect(isPublicIpv4(ip), ip).toBe(reference(ip));
    }
  });
});
