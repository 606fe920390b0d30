import { describe, expect, it } from "vitest";
import type { Activity } from "./activity.ts";
import type { ActivitySource } from "./detect.ts";
import { detect } from "./detect.ts";
import { hostileTellTale } from "./history-filter.ts";
import { activity, IP, ROLE, T0, testIntel } from "./markers/testing.ts";
import { loadVariant } from "./variant.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PARROT = "aws-cli/1.19.1 Python/3.9.2 Linux/5.10.0-parrot1-amd64 botocore/1.20.0";

describe("hostileTellTale", () => {
  const intel = testIntel();

  it("sets aside API calls that show their attacker on their own", () => {
    expect(hostileTellTale(activity({ agentFamily: "parrot", userAgent: PARROT }), intel)).toBe("offensive tooling");
    expect(hostileTellTale(activity({ agentFamily: "boto3", userAgent: "Boto3/1.26.4 Python/3.11.2 Linux/6.1.0 Botocore/1.29.4 Pacu/1.5.1" }), intel)).toBe("offensive tooling");
    expect(hostileTellTale(activity({ sourceIp: IP.bad }), intel)).toBe("known-bad address");
  });

  it("keeps everything a benign actor may do: Tor, a listed Tor exit, a VPS, instance credentials anywhere", () => {
    expect(hostileTellTale(activity(), intel)).toBeUndefined();
    expect(hostileTellTale(activity({ sourceIp: IP.tor }), intel)).toBeUndefined();
    // Feeds list Tor exits as abuse too; a habitual Tor user's history must still say so.
    const listedExit = testIntel({ knownBadIps: [{ ip: IP.tor, reason: "proxy abuse" }] });
    expect(hostileTellTale(activity({ sourceIp: IP.tor }), listedExit)).toBeUndefined();
    expect(hostileTellTale(activity({ sourceIp: IP.vps }), intel)).toBeUndefined();
    // An instance routed out through an on-premises gateway: its history keeps that finding quiet.
    expect(hostileTellTale(activity({ actor: ROLE, actorType: "AssumedRole", session: "i-0abc123def4567890", sourceIp: IP.vps }), intel)).toBeUndefined();
    expect(hostileTellTale(activity({ sourceIp: undefined }), intel)).toBeUndefined();
  });

  it("judges API calls only: a flow record's address is the remote end, not a caller", () => {
    expect(hostileTellTale(activity({ source: "vpc-flow", sourceIp: IP.bad }), intel)).toBeUndefined();
  });
});

describe("detect on a history that holds an intrusion", () => {
  /** Alice's own work from home on four history days, and a first theft of her key from a Parrot OS box. */
  function history(): Activity[] {
    const out: Activity[] = [];
    for (let day = 0; day < 4; day++)
      for (let i = 0; i < 6; i++) out.push(activity({ id: `own-${day}-${i}`, time: T0 + day * DAY + 9 * HOUR + i * 60_000, action: "s3:ListBuckets" }));
    const thief = { sourceIp: IP.vps, agentFamily: "parrot", userAgent: PARROT };
    out.push(activity({ ...thief, id: "h-probe", time: T0 + 2 * DAY + 20 * HOUR, action: "ses:GetSendQuota" }));
    out.push(activity({ ...thief, id: "h-verify", time: T0 + 2 * DAY + 20 * HOUR + 60_000, action: "ses:VerifyEmailIdentity", readOnly: false }));
    return out.sort((a, b) => a.time - b.time);
  }

  /** The key stolen again: a new address and an ordinary CLI verifying a sender. */
  const again = activity({ id: "e-verify", time: T0 + 5 * DAY, sourceIp: "159.203.7.7", agentFamily: "aws-cli", action: "ses:VerifyEmailIdentity", readOnly: false });

  const source = (historyActivities: Activity[]): ActivitySource => ({
    async *history() {
      yield historyActivities;
    },
    async *detection() {
      yield [again];
    },
    describe: () => "test",
  });

  /** No feed: only the user agent gives the thief away. */
  const NO_INTEL = { generatedAt: "2026-10-09T00:00:00Z", torExitNodes: [], knownBadIps: [], miningPoolDomains: [], ipAsnRanges: [] };

  it("learns no habit from the thief's calls, so the second theft is new to the actor", async () => {
    const variant = { ...loadVariant("rules-only"), signals: ["Impact:IAMUser/MessagingAbuse"] };
    const result = await detect({ variant, source: source(history()), intel: NO_INTEL });
    expect(result.summary.historySetAside).toEqual({ "offensive tooling": 2 });
    expect(result.summary.signalsByType).toEqual({ "Impact:IAMUser/MessagingAbuse": 1 });
    // Had the thief's calls taught the baseline, alice would "set up sending" by habit.
    const taught = history().map((a) => (a.agentFamily === "parrot" ? { ...a, agentFamily: "aws-cli", userAgent: undefined } : a));
    const poisoned = await detect({ variant, source: source(taught), intel: NO_INTEL });
    expect(poisoned.summary.historySetAside).toEqual({});
    expect(poisoned.summary.signalsByType).toEqual({});
  });
});
