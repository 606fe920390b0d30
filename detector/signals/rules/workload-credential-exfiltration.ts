import { defineSignal } from "../define.ts";
import { attackIndicators, indicator, networkLabel } from "../helpers.ts";
import { isOutsideAws } from "../net.ts";
import { isInstanceId } from "../../peers.ts";

/** History calls from inside AWS, and days, a role needs before "it only ever called from AWS" means something. */
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
    if (a.actorType !== "AssumedRole" || !a.sourceIp || isInstanceId(a.session)) return undefined;
    if (!isOutsideAws(a.sourceIp, ctx.intel)) return undefined;
    const profile = ctx.baseline.actor(a.actor);
    if (!profile || (profile.callsFromAws ?? 0) < MIN_CALLS || profile.activeDays < MIN_DAYS || (profile.callsOutsideAws ?? 0) > 0) return undefined;
    return {
      indicators: [indicator("SUSPICIOUS_NETWORK", [a.sourceIp]), indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0001", "T1078.004")],
      evidence: `Role ${a.actor} (session ${a.session ?? "?"}), which called only from inside AWS in ${profile.callsFromAws} history calls over ${profile.activeDays} days, called ${a.action} from ${a.sourceIp} in ${networkLabel(ctx, a.sourceIp)}.`,
    };
  },
});
