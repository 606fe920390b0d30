import { defineSignal } from "../define.ts";
import { attackIndicators, indicator, networkLabel } from "../helpers.ts";
import { isOutsideAws } from "../net.ts";
import { isInstanceId } from "../../peers.ts";

/** Instance-profile credentials (session named after the instance) used from an address outside AWS that the role never used. */
export default defineSignal({
  id: "instance-credential-exfiltration",
  type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 8,
  tactic: "TA0006",
  technique: "T1552.005",
  observe(a, ctx) {
    if (a.actorType !== "AssumedRole" || !a.sourceIp || !isInstanceId(a.session)) return undefined;
    if (!isOutsideAws(a.sourceIp, ctx.intel)) return undefined;
    if (ctx.baseline.actor(a.actor)?.ips.has(a.sourceIp)) return undefined;
    return {
      indicators: [indicator("SUSPICIOUS_NETWORK", [a.sourceIp]), indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0006", "T1552.005")],
      evidence: `Credentials of instance ${a.session} (role ${a.actor}) called ${a.action} from ${a.sourceIp} in ${networkLabel(ctx, a.sourceIp)}, outside AWS and never used by the role in history.`,
    };
  },
});
