/**
 * Messaging hijack: an identity that never set up mail or SMS sending probes SES/SNS sending
 * limits and then sets sending up — new sender identities, sending switched back on, SMS defaults.
 * That is a stolen key being turned into a spam or smishing relay (Permiso's "SES-pionage",
 * SentinelLabs' "SNS Sender"); the admins and applications that send mail for a living have
 * set-up calls in their history and are left alone.
 */
import { defineMarker } from "../marker.ts";
import { isMessagingProbe, isMessagingSetup, setsUpSending } from "../messaging.ts";
import { shortName, succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";

/** What one actor did to the sending channels, as the candidate's signals show it. */
interface Use {
  probes: Set<string>;
  regions: Set<string>;
  setups: Set<string>;
}

export default defineMarker({
  id: "messaging-hijack",
  title: "Sending limits probed, then mail or SMS sending set up by an identity new to it",
  weight: 4,
  indicatorKeys: ["HIGH_RISK_API", "ATTACK_TECHNIQUE"],
  evaluate(candidate, ctx) {
    const uses = new Map<string, Use>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (isMessagingProbe(a.action)) {
        const use = uses.get(a.actor) ?? { probes: new Set<string>(), regions: new Set<string>(), setups: new Set<string>() };
        use.probes.add(a.action);
        use.regions.add(a.region);
        uses.set(a.actor, use);
      } else if (isMessagingSetup(a.action) && succeeded(a)) {
        // Only a set-up after a probe tells the story; order is event time (candidates keep it).
        uses.get(a.actor)?.setups.add(a.action);
      }
    }
    for (const [actor, use] of uses) {
      if (use.setups.size === 0) continue;
      if (setsUpSending(ctx.baseline.actor(actor)?.tokens)) continue;
      return {
        indicators: [
          { key: "HIGH_RISK_API", values: [...use.setups], title: "Sending set up" },
          { key: "ATTACK_TECHNIQUE", values: ["T1496"], title: "Resource Hijacking" },
        ],
        evidence: `${shortName(actor)}, with no mail or SMS sending set up in history, probed ${listOf(use.probes, 3)} (${listOf(use.regions, 4)}) and then called ${listOf(use.setups, 3)}`,
      };
    }
    return undefined;
  },
});
