/**
 * Dampener — a scanner's routine: every signal is a read-only look, most of them refused, by
 * actors whose history shows the same sweep (the same APIs, and refusals every busy day). Security
 * scanners and inventory tools look like an attacker's discovery; their own past says otherwise.
 */
import { settledActor } from "../habits.ts";
import { defineMarker } from "../marker.ts";
import { apiToken } from "../tokens.ts";
import { isDenied, isDiscoveryCall, shortName } from "./calls.ts";
import { listOf } from "./evidence.ts";

/** Share of the candidate's calls that must be refused. */
const MIN_DENIED_SHARE = 0.5;
/** Share of an actor's APIs in the candidate that its history must know. */
const MIN_HABITUAL_SHARE = 0.8;
/** Refusals per busy day its history must show, at least. */
const MIN_DAILY_ERRORS = 5;

export default defineMarker({
  id: "scanner-routine",
  title: "Dampener: the actor's routine access-denied sweep",
  weight: -3,
  indicatorKeys: [],
  evaluate(candidate, ctx) {
    let calls = 0;
    let denied = 0;
    const apisByActor = new Map<string, Set<string>>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (!a.readOnly || (s.tactic !== "TA0007" && !isDiscoveryCall(a))) return undefined;
      calls += s.activityIds.length;
      if (isDenied(a)) denied += s.activityIds.length;
      const apis = apisByActor.get(a.actor) ?? new Set<string>();
      apis.add(a.action);
      apisByActor.set(a.actor, apis);
    }
    if (calls === 0 || denied / calls < MIN_DENIED_SHARE) return undefined;
    const routines: string[] = [];
    for (const [actor, apis] of apisByActor) {
      const p = settledActor(actor, ctx.baseline);
      if (!p || p.dailyP95.errors < MIN_DAILY_ERRORS) return undefined;
      let habitual = 0;
      for (const api of apis) if (p.tokens.has(apiToken(api))) habitual++;
      if (habitual / apis.size < MIN_HABITUAL_SHARE) return undefined;
      routines.push(`${shortName(actor)} (${habitual} of ${apis.size} APIs habitual, p95 of ${p.dailyP95.errors} refusals a day over ${p.activeDays} active days)`);
    }
    return {
      indicators: [],
      evidence: `all ${candidate.signals.length} signals are read-only discovery, ${Math.round((100 * denied) / calls)}% refused, matching the history of ${listOf(routines, 3, "; ")}`,
    };
  },
});
