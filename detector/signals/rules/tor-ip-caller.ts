import { defineSignal } from "../define.ts";
import { attackIndicators, indicator } from "../helpers.ts";
import { torIsHabitual } from "../../habits.ts";

/** An API called from a Tor exit node; low severity when the caller used Tor in history (see habits.ts). */
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
    const habitual = torIsHabitual(a, ctx.baseline);
    return {
      severity: habitual ? 2 : 5,
      indicators: [indicator("TOR_IP", [a.sourceIp]), ...attackIndicators("TA0001", "T1078.004")],
      evidence: `${a.actor} called ${a.action} from Tor exit node ${a.sourceIp}${habitual ? ", and it called from Tor in history" : ""}.`,
    };
  },
});
