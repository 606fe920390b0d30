/**
 * Compromised instance group: the same kind of host signal (a miner's pool lookups, a dropper, a
 * beacon) on two or more instances — one image or launch template compromised, GuardDuty's
 * `AttackSequence:EC2/CompromisedInstanceGroup`.
 */
import { defineMarker } from "../marker.ts";
import { listOf } from "./evidence.ts";

const MIN_INSTANCES = 2;

export default defineMarker({
  id: "compromised-instance-group",
  title: "Same host signals on several instances",
  weight: 2,
  indicatorKeys: ["COMPROMISED_INSTANCE_GROUP"],
  evaluate(candidate) {
    const instancesByType = new Map<string, Set<string>>();
    for (const s of candidate.signals) {
      const host = s.activity.host;
      if (!host) continue;
      const set = instancesByType.get(s.type) ?? new Set<string>();
      set.add(host.instanceId);
      instancesByType.set(s.type, set);
    }
    const shared = [...instancesByType].filter(([, ids]) => ids.size >= MIN_INSTANCES);
    if (shared.length === 0) return undefined;
    const instances = new Set(shared.flatMap(([, ids]) => [...ids]));
    return {
      indicators: [{ key: "COMPROMISED_INSTANCE_GROUP", values: [...instances], title: "Instances with the same host signals" }],
      evidence: `${listOf(shared.map(([type, ids]) => `${type} on ${ids.size} instances (${listOf(ids, 4)})`), 3, "; ")}`,
      weight: 2 * Math.min(2, instances.size / MIN_INSTANCES),
    };
  },
});
