import { defineSignal } from "../define.ts";
import { attackIndicators, indicator } from "../helpers.ts";

/** An API called from a Tor exit node; low severity when the actor habitually used that exit in history. */
export default defineSignal({
  id: "tor-ip-caller",
  type: "UnauthorizedAccess:IAMUser/TorIPCaller",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 5,
  tactic: "TA0001",
  technique: "T1078.004",
  observe(a, ctx) {
    if (!a.sourceIp || !ctx.intel.isTorExit(a.sourceIp)) return undefined;
    const habitual = ctx.baseline.actor(a.actor)?.ips.has(a.sourceIp) ?? false;
    return {
      severity: habitual ? 2 : 5,
      indicators: [indicator("TOR_IP", [a.sourceIp]), ...attackIndicators("TA0001", "T1078.004")],
      evidence: `${a.actor} called ${a.action} from Tor exit node ${a.sourceIp}${habitual ? ", an exit it also used in history" : ""}.`,
    };
  },
});
