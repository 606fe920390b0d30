/**
 * Discovery breadth: many distinct discovery calls across several services within an hour —
 * an intruder mapping what a stolen credential can reach, unlike a person's few habitual looks.
 * Looks the actor itself makes routinely (an API it called often in history) are not counted:
 * a developer's usual sweep of their dashboards maps nothing new, from whatever network.
 */
import { habitualCall } from "../habits.ts";
import type { Signal } from "../signal.ts";
import { defineMarker } from "../marker.ts";
import { isDiscoveryCall, serviceOf } from "./calls.ts";
import { listOf } from "./evidence.ts";
import { bump } from "./window-counts.ts";

/** The short time the breadth must fit in. */
const WINDOW_MS = 60 * 60_000;
const MIN_APIS = 6;
const MIN_SERVICES = 3;

export default defineMarker({
  id: "discovery-breadth",
  title: "Broad discovery in a short time",
  weight: 1.5,
  indicatorKeys: ["ATTACK_TACTIC", "DISCOVERY_BREADTH"],
  evaluate(candidate, ctx) {
    const routine = habitualCall(ctx.baseline);
    // A Discovery-tagged signal on a change (a first-time DeleteLoginProfile) is not a look.
    const looks: Signal[] = candidate.signals.filter((s) => ((s.tactic === "TA0007" && s.activity.readOnly) || isDiscoveryCall(s.activity)) && !routine(s.activity));
    // Sliding window (two pointers) keeping counts per API and per service: O(signals).
    const apis = new Map<string, number>();
    const services = new Map<string, number>();
    let best: { from: number; to: number; apis: number; services: number } | undefined;
    let from = 0;
    for (let to = 0; to < looks.length; to++) {
      const action = looks[to]!.activity.action;
      bump(apis, action, 1);
      bump(services, serviceOf(action), 1);
      while (looks[to]!.time - looks[from]!.time > WINDOW_MS) {
        const old = looks[from++]!.activity.action;
        bump(apis, old, -1);
        bump(services, serviceOf(old), -1);
      }
      if (services.size >= MIN_SERVICES && (!best || apis.size > best.apis)) best = { from, to, apis: apis.size, services: services.size };
    }
    if (!best || best.apis < MIN_APIS) return undefined;
    const window = looks.slice(best.from, best.to + 1);
    const names = [...new Set(window.map((s) => s.activity.action))];
    const minutes = Math.max(1, Math.round((window[window.length - 1]!.time - window[0]!.time) / 60_000));
    return {
      indicators: [
        { key: "ATTACK_TACTIC", values: ["TA0007"], title: "Discovery" },
        { key: "DISCOVERY_BREADTH", values: names, title: "Discovery APIs in one hour" },
      ],
      evidence: `${names.length} distinct discovery APIs over ${best.services} services in ${minutes} min: ${listOf(names, 8)}`,
      // Twice the minimum breadth earns twice the weight.
      weight: 1.5 * Math.min(2, best.apis / MIN_APIS),
    };
  },
});
