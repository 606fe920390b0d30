import { recordContact, fleetSize } from "../beacon.ts";
import { defineSignal } from "../define.ts";
import { attackIndicators, fmt, hostKind, indicator, normalDomain } from "../helpers.ts";
import { isPoolDomain } from "../pools.ts";
import { HOUR } from "../state.ts";
import { domainSuffix } from "../../tokens.ts";

/** Regular DNS queries from one instance for one domain foreign to it and its peers (and not a known pool). */
export default defineSignal({
  id: "c2-beacon-dns",
  type: "Backdoor:EC2/C&CActivity.B!DNS",
  foundational: true,
  sources: ["route53-resolver", "runtime"],
  severity: 7,
  tactic: "TA0011",
  technique: "T1071.001",
  observe(a, ctx) {
    if (hostKind(a) !== "dns" || !a.host?.domain || isPoolDomain(ctx.intel, a.host.domain)) return undefined;
    const domain = normalDomain(a.host.domain);
    if (domain.endsWith(".amazonaws.com") || domain.endsWith(".internal") || ctx.baseline.actor(a.actor)?.remotes?.has(domain)) return undefined;
    const host = a.host.instanceId ?? a.actor;
    const fleet = fleetSize(ctx, "c2-beacon-dns/fleet", host, domain, a.time);
    const beacon = recordContact(ctx, "c2-beacon-dns/contacts", host, domain, a.time);
    if (!beacon || fleet > 2) return undefined;
    const score = ctx.anomaly(a, `domain:${domainSuffix(domain)}`);
    if (score < ctx.anomalyThreshold || !ctx.state.latch("c2-beacon-dns", 6 * HOUR).first(`${host}|${domain}`, a.time)) return undefined;
    return {
      anomaly: score,
      indicators: [indicator("MALICIOUS_DOMAIN", [domain]), ...attackIndicators("TA0011", "T1071.001")],
      evidence: `Instance ${host} resolved ${domain} ${beacon.contacts} times every ${Math.round(beacon.meanIntervalMs / 1000)} s (variation ${beacon.cv.toFixed(2)}), a domain foreign to it and its peers (score ${fmt(score)}).`,
    };
  },
});
