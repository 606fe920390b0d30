/**
 * High-risk API: a successful call that switches off defences, grants admin rights, mints
 * credentials for someone else, opens data to the world or another account, or destroys in bulk
 * (see high-risk-apis.ts for the catalogue and its parameter checks). A kind of call the actor
 * made in history, made again from its own network and tool or its own device, is its routine
 * (an administrator's occasional public bucket) and does not count; stolen credentials replay
 * such calls from somewhere else, where they still count.
 */
import type { Activity } from "../activity.ts";
import { ownOrigin, settledActor } from "../habits.ts";
import { defineMarker, type MarkerContext } from "../marker.ts";
import { apiToken } from "../tokens.ts";
import { listOf, plural } from "./evidence.ts";
import { highRiskReason } from "./high-risk-apis.ts";

/** Whether the actor made this API call in history and makes it now from its own origin. */
function isRoutine(a: Activity, ctx: MarkerContext): boolean {
  const made = settledActor(a.actor, ctx.baseline)?.tokens.get(apiToken(a.action)) ?? 0;
  return made > 0 && ownOrigin(a, ctx.baseline, ctx.intel) !== undefined;
}

export default defineMarker({
  id: "high-risk-api",
  title: "High-risk API calls succeeded",
  weight: 2,
  indicatorKeys: ["HIGH_RISK_API"],
  evaluate(candidate, ctx) {
    const reasons = new Map<string, number>();
    const routine = new Set<string>();
    for (const s of candidate.signals) {
      const reason = highRiskReason(s.activity);
      if (!reason) continue;
      if (isRoutine(s.activity, ctx)) routine.add(reason);
      else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (reasons.size === 0) return undefined;
    const apis = [...new Set([...reasons.keys()].map((r) => r.split(" ")[0]!))];
    const own = [...routine].filter((r) => !reasons.has(r));
    return {
      indicators: [{ key: "HIGH_RISK_API", values: apis, title: "High-risk APIs" }],
      evidence: `${plural(reasons.size, "kind")} of high-risk call succeeded: ${listOf([...reasons].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)))}${own.length ? `; not counted, the actor's routine from its own origin: ${listOf(own)}` : ""}`,
      // A second and third kind each add half: several risky moves together are worse than one.
      weight: 2 * Math.min(2, 1 + 0.5 * (reasons.size - 1)),
    };
  },
});
