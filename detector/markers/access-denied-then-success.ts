/**
 * Error burst then success: one identity is refused many times over several APIs and then
 * succeeds at a change, or at an API it was refused before — an attacker probing what a stolen
 * credential may do. A scanner's refusals followed by more reads do not count.
 */
import { defineMarker } from "../marker.ts";
import { isDenied, shortName, succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";

const MIN_DENIED = 5;
const MIN_DENIED_APIS = 3;

interface Probe {
  denied: number;
  apis: Set<string>;
  success?: string;
}

export default defineMarker({
  id: "access-denied-then-success",
  title: "Burst of access-denied errors, then success",
  weight: 1.5,
  indicatorKeys: ["ACCESS_DENIED_BURST"],
  evaluate(candidate) {
    const probes = new Map<string, Probe>();
    for (const s of candidate.signals) {
      const a = s.activity;
      const p = probes.get(a.actor);
      if (isDenied(a)) {
        // A burst signal stands for all the refused calls behind it.
        const probe = p ?? { denied: 0, apis: new Set<string>() };
        probe.denied += s.activityIds.length;
        probe.apis.add(a.action);
        probes.set(a.actor, probe);
      } else if (p && !p.success && succeeded(a) && p.denied >= MIN_DENIED && p.apis.size >= MIN_DENIED_APIS && (!a.readOnly || p.apis.has(a.action))) {
        p.success = a.action;
      }
    }
    for (const [actor, p] of probes) {
      if (!p.success) continue;
      return {
        indicators: [{ key: "ACCESS_DENIED_BURST", values: [...p.apis], title: "APIs refused before the success" }],
        evidence: `${shortName(actor)} was refused ${p.denied} times on ${p.apis.size} APIs (${listOf(p.apis, 5)}), then succeeded at ${p.success}`,
        weight: 1.5 * Math.min(2, 1 + p.denied / 50),
      };
    }
    return undefined;
  },
});
