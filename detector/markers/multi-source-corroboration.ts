/**
 * Multi-source corroboration: API activity (CloudTrail) and host telemetry (runtime, VPC flow,
 * DNS) point at the same EC2 instance — the instance's credentials are used while the host itself
 * misbehaves. Two independent sources agreeing is much stronger than either.
 */
import { defineMarker } from "../marker.ts";
import { listOf } from "./evidence.ts";
import { isInstanceId } from "../peers.ts";


export default defineMarker({
  id: "multi-source-corroboration",
  title: "CloudTrail and host telemetry agree on one instance",
  weight: 1.5,
  indicatorKeys: ["MULTI_SOURCE_CORROBORATION"],
  evaluate(candidate) {
    const hostSources = new Map<string, Set<string>>();
    const apiInstances = new Map<string, string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (a.host) {
        const sources = hostSources.get(a.host.instanceId) ?? new Set<string>();
        sources.add(a.source);
        hostSources.set(a.host.instanceId, sources);
      } else if (a.source === "cloudtrail") {
        // Instance credentials carry the instance id as session name; API calls may also name it.
        if (isInstanceId(a.session) && !apiInstances.has(a.session)) apiInstances.set(a.session, a.action);
        for (const r of a.resources) if (isInstanceId(r) && !apiInstances.has(r)) apiInstances.set(r, a.action);
      }
    }
    const both = [...apiInstances].filter(([id]) => hostSources.has(id));
    if (both.length === 0) return undefined;
    const lines = both.map(([id, action]) => `${id}: cloudtrail (${action}) and ${[...hostSources.get(id)!].join(", ")}`);
    return {
      indicators: [{ key: "MULTI_SOURCE_CORROBORATION", values: both.map(([id]) => id), title: "Instances seen by several sources" }],
      evidence: `independent sources agree on ${listOf(lines, 3, "; ")}`,
    };
  },
});
