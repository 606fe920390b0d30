import { describe, expect, it } from "vitest";
import marker from "./habitual-origin.ts";
import { IP, USER, candidate, context, fakeBaseline, signal } from "./testing.ts";

const ctx = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40, "agent:aws-cli": 40 }, activeDays: 9 }] }) });
const change = (over = {}) => signal({ tactic: "TA0003", activity: { action: "iam:CreateAccessKey", readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli", ...over } });

describe("habitual-origin", () => {
  it("dampens changes made from the actor's own network with its own tool, naming them", () => {
    const f = marker.evaluate(candidate([change(), change({ action: "iam:AttachUserPolicy" })]), ctx)!;
    expect(f.evidence).toBe("every signal of alice comes from its usual network and tool (Comcast Cable Communications with aws-cli)");
  });

  it("does not dampen a new network, a new tool, Tor, a short history, or data movement", () => {
    expect(marker.evaluate(candidate([change({ sourceIp: IP.vps })]), ctx)).toBeUndefined();
    expect(marker.evaluate(candidate([change({ agentFamily: "boto3" })]), ctx)).toBeUndefined();
    const torCtx = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "asn:208294": 40, "agent:aws-cli": 40 }, activeDays: 9 }] }) });
    expect(marker.evaluate(candidate([change({ sourceIp: IP.tor })]), torCtx)).toBeUndefined();
    const newcomer = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40, "agent:aws-cli": 40 }, activeDays: 2 }] }) });
    expect(marker.evaluate(candidate([change()]), newcomer)).toBeUndefined();
    expect(marker.evaluate(candidate([signal({ tactic: "TA0010", activity: { action: "s3:GetObject", sourceIp: IP.home, agentFamily: "aws-cli" } })]), ctx)).toBeUndefined();
    const upload = signal({ tactic: "TA0010", technique: "T1537", activity: { action: "s3:PutObject", readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli" } });
    expect(marker.evaluate(candidate([change(), upload]), ctx)).toBeUndefined();
    const purge = signal({ tactic: "TA0040", activity: { action: "s3:DeleteObjects", readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli" } });
    expect(marker.evaluate(candidate([change(), purge]), ctx)).toBeUndefined();
    const replication = signal({ tactic: "TA0010", technique: "T1537", activity: { action: "s3:PutBucketReplication", readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli" } });
    expect(marker.evaluate(candidate([change(), replication]), ctx)).toBeUndefined();
  });

  it("does not dampen versioning suspended: data is not moving yet, but its protection is gone", () => {
    const versioning = signal({ tactic: "TA0040", activity: { action: "s3:PutBucketVersioning", readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli" } });
    expect(marker.evaluate(candidate([change(), versioning]), ctx)).toBeUndefined();
  });

  it("dampens access settings from the actor's own network (a bucket policy, a Block Public Access switch): settings, not data moving", () => {
    for (const action of ["s3:PutBucketPolicy", "s3:DeleteBucketPublicAccessBlock"]) {
      const setting = signal({ tactic: "TA0010", technique: "T1537", activity: { action, readOnly: false, sourceIp: IP.home, agentFamily: "aws-cli" } });
      expect(marker.evaluate(candidate([change(), setting]), ctx), action).toBeDefined();
    }
  });

  it("dampens calls from a new network made with the actor's own client installation (the owner on the move), not a stranger's", () => {
    const laptop = "aws-cli/2.21.37 md/awscrt#0.20.16 ua/2.0 os/macos#23.4.0";
    const withLaptop = context({ baseline: fakeBaseline({ actors: [{ key: USER, tokens: { "asn:7922": 40, "agent:aws-cli": 40 }, activeDays: 9 }], clients: { [laptop]: { [USER]: 30 } } }) });
    const abroad = (userAgent: string, sourceIp: string = IP.office) => change({ sourceIp, userAgent: `${userAgent} md/command#iam.create-access-key` });
    expect(marker.evaluate(candidate([change(), abroad(laptop)]), withLaptop)!.evidence).toBe(
      "every signal of alice comes from its usual network and tool or its own device (Comcast Cable Communications with aws-cli, its own aws-cli installation from British Telecommunications)",
    );
    expect(marker.evaluate(candidate([change(), abroad("aws-cli/2.22.1 md/awscrt#0.21.0 ua/2.0 os/linux#6.5.0")]), withLaptop)).toBeUndefined();
    expect(marker.evaluate(candidate([abroad(laptop, IP.tor)]), withLaptop)).toBeUndefined();
  });
});
