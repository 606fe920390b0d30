import { recordContact, fleetSize } from "../beacon.ts";
import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";
import { isPublicIpv4 } from "../net.ts";
import { poolAnswers } from "../pools.ts";
import { HOUR } from "../state.ts";

/** Regular outbound connections from one instance to one rare public address it never contacted in history. */
export default defineSignal({
  id: "c2-beacon",
  type: "Backdoor:EC2/C&CActivity.B",
  foundational: true,
  sources: ["vpc-flow", "runtime"],
  severity: 7,
  tactic: "TA0011",
  technique: "T1071.001",
  observe(a, ctx) {
    const kind = hostKind(a);
    if (kind !== "flow" && kind !== "network") return undefined;
    const ip = a.host?.dstIp;
    const host = a.host?.instanceId ?? a.actor;
    if (!ip || !isPublicIpv4(ip) || ctx.baseline.actor(a.actor)?.remotes?.has(ip) || poolAnswers(ctx).get(ip, a.time)) return undefined;
    const fleet = fleetSize(ctx, "c2-beacon/fleet", host, ip, a.time);
    const beacon = recordContact(ctx, "c2-beacon/contacts", host, ip, a.time);
    if (!beacon || fleet > 2 || !ctx.state.latch("c2-beacon", 6 * HOUR).first(`${host}|${ip}`, a.time)) return undefined;
    return {
      indicators: [indicator("MALICIOUS_IP", [ip]), ...attackIndicators("TA0011", "T1071.001")],
      evidence: `Instance ${host} contacted ${ip}:${a.host?.dstPort ?? "?"} ${beacon.contacts} times every ${Math.round(beacon.meanIntervalMs / 1000)} s (variation ${beacon.cv.toFixed(2)}), an address it never contacted in history and no other host uses.`,
    };
  },
});
