/**
 * Dampener — the actor's own network and tools: every signal comes from an autonomous system and
 * a user-agent family the actor itself used on several days of history, or from the caller's own
 * client installation (habits.ts `ownClient`) wherever it is, with no intel hit, no Tor, no pentest
 * tooling and no host evidence. Admins making rare-but-legitimate changes look like this, at home
 * or travelling with their laptop; stolen credentials seldom do, because they are used from
 * somewhere else with the thief's tools. Heavy data movement is left to the volume markers (an
 * insider works from their usual network and device).
 */
import { ownOrigin } from "../habits.ts";
import { defineMarker } from "../marker.ts";
import type { Signal } from "../signal.ts";
import { isAccessSetting } from "../s3-access.ts";
import { shortName } from "./calls.ts";
import { listOf } from "./evidence.ts";

const DATA_TACTICS = new Set(["TA0009", "TA0010", "TA0040"]);
/**
 * Whether a signal puts data at risk itself: an S3 call behind a collection, exfiltration or impact
 * signal (reads, copies, deletions, versioning or lifecycle changes) — not an access setting, which
 * lets data out only when someone takes it (and the taking is another signal).
 */
function putsDataAtRisk(s: Signal): boolean {
  const a = s.activity;
  return DATA_TACTICS.has(s.tactic) && (a.action.startsWith("s3:") || a.action.startsWith("s3-control:")) && !isAccessSetting(a.action);
}

export default defineMarker({
  id: "habitual-origin",
  title: "Dampener: every signal comes from the actor's own network and tools, or its own device",
  weight: -4,
  indicatorKeys: [],
  evaluate(candidate, ctx) {
    const origins = new Set<string>();
    const actors = new Set<string>();
    let device = false;
    for (const s of candidate.signals) {
      if (s.indicators.some((i) => i.key === "SUSPICIOUS_USER_AGENT" || i.key.startsWith("CRYPTOMINING") || i.key === "MALICIOUS_IP" || i.key === "TOR_IP")) return undefined;
      if (putsDataAtRisk(s)) return undefined;
      const origin = ownOrigin(s.activity, ctx.baseline, ctx.intel);
      if (!origin) return undefined;
      origins.add(origin.label);
      device ||= origin.device;
      actors.add(shortName(s.activity.actor));
    }
    if (origins.size === 0) return undefined;
    return { indicators: [], evidence: `every signal of ${listOf(actors, 3)} comes from its usual network and tool${device ? " or its own device" : ""} (${listOf(origins, 3)})` };
  },
});
