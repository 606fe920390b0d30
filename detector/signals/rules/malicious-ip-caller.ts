import { defineSignal } from "../define.ts";
import { attackIndicators, indicator } from "../helpers.ts";

/** An API called from an address the threat-intel feed lists as known bad; read-only calls are reconnaissance. */
export default defineSignal({
  id: "malicious-ip-caller",
  type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom",
  types: ["Recon:IAMUser/MaliciousIPCaller.Custom"],
  foundational: true,
  sources: ["cloudtrail"],
  severity: 6,
  tactic: "TA0001",
  technique: "T1078.004",
  observe(a, ctx) {
    const reason = a.sourceIp ? ctx.intel.badIpReason(a.sourceIp) : undefined;
    if (!reason || !a.sourceIp) return undefined;
    const recon = a.readOnly;
    return {
      type: recon ? "Recon:IAMUser/MaliciousIPCaller.Custom" : "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom",
      severity: recon ? 5 : 6,
      indicators: [indicator("MALICIOUS_IP", [a.sourceIp]), ...attackIndicators(recon ? "TA0007" : "TA0001", recon ? undefined : "T1078.004")],
      evidence: `${a.actor} called ${a.action} from ${a.sourceIp}, listed by threat intel as ${reason}.`,
    };
  },
});
