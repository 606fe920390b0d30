/**
 * Credential used from outside its expected network: instance credentials (role sessions named
 * after an EC2 instance) called from outside AWS, or an identity calling from an autonomous system
 * that neither it nor its account ever used in history. Hosting, VPN and Tor networks make it
 * worse: that is where stolen keys are replayed from. For a caller that used Tor in history, a Tor
 * exit is its own network (exits rotate through many autonomous systems). A person's call from
 * their own device (habits.ts `ownClient`) is not judged: that is its owner on the move.
 */
import type { Activity } from "../activity.ts";
import type { NetworkInfo } from "../intel.ts";
import { defineMarker, type MarkerContext } from "../marker.ts";
import { ownClient, torIsHabitual } from "../habits.ts";
import { isInstanceId } from "../peers.ts";
import { asnToken } from "../tokens.ts";
import { shortName } from "./calls.ts";
import { listOf } from "./evidence.ts";

/** History calls an actor needs before its own ASNs are telling. */
const MIN_HISTORY = 20;
/** Network types a stolen key is typically replayed from. */
const SUSPICIOUS_USAGE = new Set(["hosting", "vpn", "tor"]);

function netText(ip: string, net: NetworkInfo): string {
  return `${ip} (AS${net.asn} ${net.org}, ${net.usage}, ${net.country})`;
}

interface Judgement {
  outsideAws: boolean;
  unusualForUser: boolean;
  unusualForAccount: boolean;
  suspicious: boolean;
}

function judge(a: Activity, net: NetworkInfo, ctx: MarkerContext): Judgement {
  const token = asnToken(net);
  const outsideAws = a.actorType === "AssumedRole" && isInstanceId(a.session) && net.usage !== "aws";
  const profile = ctx.baseline.actor(a.actor);
  const unusualForUser = profile !== undefined && profile.count >= MIN_HISTORY && !profile.tokens.has(token);
  const accountTokens = ctx.baseline.accountTokens(a.actorAccount);
  const unusualForAccount = accountTokens !== undefined && !accountTokens.has(token);
  const suspicious = outsideAws || (SUSPICIOUS_USAGE.has(net.usage) && (unusualForUser || unusualForAccount));
  return { outsideAws, unusualForUser, unusualForAccount, suspicious };
}

export default defineMarker({
  id: "credential-outside-network",
  title: "Credential used from outside its expected network",
  weight: 2.5,
  indicatorKeys: ["UNUSUAL_ASN_FOR_USER", "UNUSUAL_ASN_FOR_ACCOUNT", "SUSPICIOUS_NETWORK"],
  evaluate(candidate, ctx) {
    const judged = new Set<string>();
    const forUser = new Set<string>();
    const forAccount = new Set<string>();
    const suspicious = new Set<string>();
    const lines: string[] = [];
    let outsideAws = false;
    for (const s of candidate.signals) {
      const a = s.activity;
      if (a.source !== "cloudtrail" || !a.sourceIp) continue;
      const net = ctx.intel.network(a.sourceIp);
      if (!net) continue;
      // The owner rather than a thief: a caller on Tor as in history, or a person's own device
      // on a network that is neither Tor nor known-bad.
      const tor = net.usage === "tor" || ctx.intel.isTorExit(a.sourceIp);
      const owner = tor ? torIsHabitual(a, ctx.baseline) : !ctx.intel.badIpReason(a.sourceIp) && ownClient(a, ctx.baseline) !== undefined;
      if (owner) continue;
      // One judgement per identity and network: hundreds of calls from one place say it once.
      const key = `${a.actor}|${net.asn}`;
      if (judged.has(key)) continue;
      judged.add(key);
      const j = judge(a, net, ctx);
      if (!j.outsideAws && !j.unusualForUser && !j.unusualForAccount) continue;
      const asn = String(net.asn);
      if (j.unusualForUser) forUser.add(asn);
      if (j.unusualForAccount) forAccount.add(asn);
      if (j.suspicious) suspicious.add(a.sourceIp);
      outsideAws ||= j.outsideAws;
      const who = shortName(a.actor);
      lines.push(
        j.outsideAws
          ? `instance credentials of ${who} (session ${a.session}) used outside AWS from ${netText(a.sourceIp, net)}`
          : `${who} called from ${netText(a.sourceIp, net)}, never seen for ${j.unusualForUser && j.unusualForAccount ? "it or its account" : j.unusualForUser ? "it" : "its account"}`,
      );
    }
    if (lines.length === 0) return undefined;
    const indicators = [];
    if (forUser.size) indicators.push({ key: "UNUSUAL_ASN_FOR_USER", values: [...forUser], title: "ASNs new to the identity" });
    if (forAccount.size) indicators.push({ key: "UNUSUAL_ASN_FOR_ACCOUNT", values: [...forAccount], title: "ASNs new to the account" });
    if (suspicious.size) indicators.push({ key: "SUSPICIOUS_NETWORK", values: [...suspicious], title: "Calls from suspicious networks" });
    // Instance credentials outside AWS are near-certain theft; otherwise each aggravation adds half.
    const weight = outsideAws ? 5 : 2.5 * (1 + (forAccount.size ? 0.3 : 0) + (suspicious.size ? 0.3 : 0));
    return { indicators, evidence: listOf(lines, 4, "; "), weight };
  },
});
