import { describe, expect, it } from "vitest";
import { FLOW_FIELDS, flowHeaderFields, parseFlowLine } from "./vpcflow.ts";
import { readRealdata } from "./realdata.ts";

describe("VPC flow log lines", () => {
  const real = readRealdata("elastic-integrations/vpcflow_v2_extra_samples.log").trim().split("\n");

  it("parses every real version-2 line from the AWS documentation examples, NODATA and SKIPDATA included", () => {
    const parsed = real.map((line) => parseFlowLine(line));
    expect(parsed.filter((p) => "error" in p)).toEqual([]);
    const statuses = parsed.map((p) => ("record" in p ? p.record["log-status"] : ""));
    expect(statuses).toContain("NODATA");
    expect(statuses).toContain("SKIPDATA");
  });

  it("reads IPv6 and IPv4 addresses and keeps numbers as numbers", () => {
    const first = parseFlowLine(real[0]!);
    expect("record" in first && first.record.srcaddr).toBe("2001:db8:1234:a100:8d6e:3477:df66:f105");
    const ssh = parseFlowLine(real[3]!);
    expect("record" in ssh && ssh.record.dstport).toBe(22);
  });

  it("names the field and value that are wrong", () => {
    const bad = parseFlowLine("2 123456789010 eni-1235b8ca123456789 10.0.0.1 10.0.0.2 443 70000 6 1 40 1 2 ACCEPT OK");
    expect("error" in bad && bad.error).toMatch(/dstport.*70000/);
    const short = parseFlowLine("2 123456789010 eni-1 10.0.0.1");
    expect("error" in short && short.error).toMatch(/expected 14/);
  });

  it("recognises a header line and parses records against it", () => {
    const header = FLOW_FIELDS.join(" ");
    expect(flowHeaderFields(header)).toEqual([...FLOW_FIELDS]);
    expect(flowHeaderFields(real[0]!)).toBeUndefined();
    const line = "5 123456789010 eni-0a1b2c3d4e5f60718 10.1.2.3 52.94.1.1 40000 443 6 12 4000 1700000000 1700000600 ACCEPT OK vpc-0a1 subnet-0b2 i-0c3 19 IPv4 10.1.2.3 52.94.1.1 us-east-1 use1-az1 egress 8";
    const parsed = parseFlowLine(line, FLOW_FIELDS);
    expect("record" in parsed && parsed.record["flow-direction"]).toBe("egress");
  });
});
