/**
 * Collection, then transfer out: an actor gathers data from the estate's storage (a collection
 * signal, ATT&CK TA0009) and the same actor then hands data to a cloud account outside the estate
 * (T1537: objects written to a bucket no one in the estate knows, replication to a foreign
 * account). Each half has innocent readings; together they are data theft (T1530 → T1537),
 * worse when the inventory classifies the collected data as sensitive, and worst when that
 * sensitive data was collected in bulk.
 */
import { defineMarker } from "../marker.ts";
import type { Signal } from "../signal.ts";
import { isTransferOut, shortName, TRANSFER_TO_CLOUD_ACCOUNT } from "./calls.ts";
import { listOf } from "./evidence.ts";

/** Longest gap between the collection and the transfer that still tells one story. */
const MAX_GAP_MS = 48 * 3_600_000;
/** Weight when the inventory classifies a collected bucket as sensitive (1.5× the declared 4). */
const SENSITIVE_WEIGHT = 6;
/** Weight when sensitive data was collected in bulk (2× the declared 4, the most a marker may count). */
const SENSITIVE_BULK_WEIGHT = 8;
/** Reads from sensitive buckets, in the collection signals, that make a bulk collection (signals keep up to 100 ids each). */
const BULK_READS = 100;

export default defineMarker({
  id: "collection-then-transfer-out",
  title: "Data collected, then transferred to a cloud account outside the estate",
  weight: 4,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE", "SENSITIVE_DATA"],
  evaluate(candidate, ctx) {
    // Collection signals per actor, in time order (candidates keep signals in event-time order).
    const collected = new Map<string, Signal[]>();
    for (const s of candidate.signals) {
      if (s.tactic === "TA0009") {
        const list = collected.get(s.activity.actor) ?? [];
        list.push(s);
        collected.set(s.activity.actor, list);
        continue;
      }
      if (!isTransferOut(s)) continue;
      const before = (collected.get(s.activity.actor) ?? []).filter((c) => s.time - c.time <= MAX_GAP_MS);
      if (before.length === 0) continue;
      const sources = new Set(before.flatMap((c) => c.activity.resources.slice(0, 1)));
      const destinations = s.activity.resources.slice(0, 1);
      const reads = before.reduce((n, c) => n + c.activityIds.length, 0);
      const hours = (s.time - before[0]!.time) / 3_600_000;
      const sensitive = [...sources].filter((b) => ctx.isSensitiveBucket(b));
      const sensitiveReads = before.filter((c) => c.activity.resources[0] !== undefined && ctx.isSensitiveBucket(c.activity.resources[0])).reduce((n, c) => n + c.activityIds.length, 0);
      return {
        indicators: [
          { key: "ATTACK_TACTIC", values: ["TA0009", "TA0010"], title: "Collection then Exfiltration" },
          { key: "ATTACK_TECHNIQUE", values: [...new Set(before.map((c) => c.technique ?? "T1530")), TRANSFER_TO_CLOUD_ACCOUNT], title: "ATT&CK techniques" },
          { key: "SENSITIVE_DATA", values: [...sources, ...destinations], title: "Data collected, then moved out" },
        ],
        evidence: `${shortName(s.activity.actor)} collected from ${listOf(sources, 3)} (${reads} reads in its collection signals${sensitive.length ? `; classified sensitive: ${listOf(sensitive, 3)}` : ""}), then ${hours.toFixed(1)} h later moved data to ${listOf(destinations, 2)} outside the estate (${s.type})`,
        // Sensitive data leaving the estate is the breach itself; in bulk, a copy of the data set.
        ...(sensitive.length > 0 && { weight: sensitiveReads >= BULK_READS ? SENSITIVE_BULK_WEIGHT : SENSITIVE_WEIGHT }),
      };
    }
    return undefined;
  },
});
