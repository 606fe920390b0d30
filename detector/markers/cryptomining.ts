/**
 * Cryptomining: on the same instance a miner ran and the host talked to a mining pool (its DNS
 * name or its address). Either alone can be a researcher's download or a shared address; both
 * together are compute being stolen, whatever else the sequence holds.
 */
import { defineMarker } from "../marker.ts";
import { listOf } from "./evidence.ts";

const NETWORK_KEYS = new Set(["CRYPTOMINING_DOMAIN", "CRYPTOMINING_IP"]);

export default defineMarker({
  id: "cryptomining",
  title: "A miner ran and its host reached a mining pool",
  weight: 3,
  indicatorKeys: ["CRYPTOMINING_PROCESS", "CRYPTOMINING_DOMAIN", "CRYPTOMINING_IP"],
  evaluate(candidate) {
    const miners = new Map<string, Set<string>>();
    const pools = new Map<string, Set<string>>();
    for (const s of candidate.signals) {
      const instance = s.activity.host?.instanceId;
      if (!instance) continue;
      for (const i of s.indicators) {
        const into = i.key === "CRYPTOMINING_PROCESS" ? miners : NETWORK_KEYS.has(i.key) ? pools : undefined;
        if (!into) continue;
        const values = into.get(instance) ?? new Set<string>();
        for (const v of i.values ?? []) values.add(String(v));
        into.set(instance, values);
      }
    }
    const instances = [...miners.keys()].filter((id) => pools.has(id)).sort();
    if (instances.length === 0) return undefined;
    const processes = new Set(instances.flatMap((id) => [...miners.get(id)!]));
    const endpoints = new Set(instances.flatMap((id) => [...pools.get(id)!]));
    return {
      indicators: [
        { key: "CRYPTOMINING_PROCESS", values: [...processes].sort(), title: "Miner processes" },
        { key: "CRYPTOMINING_DOMAIN", values: [...endpoints].sort(), title: "Mining pools reached" },
      ],
      evidence: `${listOf(processes, 3)} ran on ${listOf(instances, 4)}, which reached the mining pool(s) ${listOf(endpoints, 3)}`,
    };
  },
});
