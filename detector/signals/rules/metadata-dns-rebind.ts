import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";
import { IMDS_IP } from "../net.ts";

/** A DNS name answering with the metadata service address: a rebinding trick to reach IMDS through an application. */
export default defineSignal({
  id: "metadata-dns-rebind",
  type: "UnauthorizedAccess:Runtime/MetadataDNSRebind",
  foundational: true,
  sources: ["runtime", "route53-resolver"],
  severity: 8,
  tactic: "TA0006",
  technique: "T1552.005",
  observe(a) {
    if (hostKind(a) !== "dns" || !a.host?.answers?.includes(IMDS_IP)) return undefined;
    return {
      indicators: [indicator("MALICIOUS_DOMAIN", [a.host.domain ?? "?"]), ...attackIndicators("TA0006", "T1552.005")],
      evidence: `Instance ${a.host.instanceId} resolved ${a.host.domain} to the metadata service address ${IMDS_IP}.`,
    };
  },
});
