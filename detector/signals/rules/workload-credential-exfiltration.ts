import { defineSignal } from "../define.ts";
import { attackIndicators, indicator, networkLabel } from "../helpers.ts";
import { isPublicIpv4 } from "../net.ts";
import { isInstanceSession } from "../../peers.ts";

/** History a role needs before "it only ever called from AWS" means something. */
const MIN_CALLS = 20;
const MIN_DAYS = 2;

/**
 * A workload role — one whose every history call came from AWS networks: a Lambda function, an ECS
 * task, a pipeline's deployment role — calls from outside AWS. Its temporary credentials were
 * taken (from environment variables, a metadata endpoint, a build log) and replayed elsewhere: the
 * Lambda, container and pipeline counterpart of GuardDuty's InstanceCredentialExfiltration.OutsideAWS,
 * which covers instance sessions and is left to that signal. Every such call is reported, like
 * the instance signal, so a role assumed from there shows its hop.
 */
export default defineSignal({
  id: "workload-credential-exfiltration",
  type: "UnauthorizedAccess:IAMUser/WorkloadCredentialExfiltration.OutsideAWS",
  foundational: true,
  sources: ["cloudtrail"],
  severity: 8,
  tactic: "TA0001",
  technique: "T1078.004",
  observe(a, ctx) {
    if (a.actorType !== "AssumedRole" || !a.sourceIp || isInstanceSession(a.session)) return undefined;
    if (!isPublicIpv4(a.sourceIp) || ctx.intel.network(a.sourceIp)?.usage === "aws") return undefined;
    const profile = ctx.baseline.actor(a.actor);
    if (!profile || profile.count < MIN_CALLS || profile.activeDays < MIN_DAYS || (profile.callsOutsideAws ?? 0) > 0) return undefined;
    return {
      indicators: [indicator("SUSPICIOUS_NETWORK", [a.sourceIp]), indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0001", "T1078.004")],
      evidence: `Role ${a.actor} (session ${a.session ?? "?"}), which called only from AWS networks in ${profile.count} history calls over ${profile.activeDays} days, called ${a.action} from ${a.sourceIp} in ${networkLabel(ctx, a.sourceIp)}.`,
    };
  },
});
