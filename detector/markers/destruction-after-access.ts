/**
 * Destruction after access: the sequence first reads or exfiltrates data and later deletes,
 * expires or re-encrypts the same resources (Impact, TA0040) — steal, then destroy or ransom.
 * Access settings are neither: a bucket policy made public reads nothing, and removing a Block
 * Public Access configuration destroys nothing (exposure is judged by the high-risk marker).
 */
import { defineMarker } from "../marker.ts";
import { isAccessSetting } from "../s3-access.ts";
import { isDataRead, isDestructive } from "./calls.ts";
import { listOf } from "./evidence.ts";

export default defineMarker({
  id: "destruction-after-access",
  title: "Resources destroyed after their data was read",
  weight: 3,
  indicatorKeys: ["ATTACK_TACTIC", "SENSITIVE_DATA"],
  evaluate(candidate) {
    const read = new Set<string>();
    const destroyed = new Set<string>();
    const how = new Set<string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (isAccessSetting(a.action)) continue;
      // Destruction first: an SSE-C CopyObject both reads and locks away.
      if (s.tactic === "TA0040" || isDestructive(a)) {
        if (a.error !== undefined) continue;
        for (const r of a.resources) {
          if (!read.has(r)) continue;
          destroyed.add(r);
          how.add(a.action);
        }
      } else if (s.tactic === "TA0009" || s.tactic === "TA0010" || isDataRead(a.action)) {
        for (const r of a.resources) read.add(r);
      }
    }
    if (destroyed.size === 0) return undefined;
    return {
      indicators: [
        { key: "ATTACK_TACTIC", values: ["TA0009", "TA0040"], title: "Collection then Impact" },
        { key: "SENSITIVE_DATA", values: [...destroyed], title: "Data read, then destroyed" },
      ],
      evidence: `${listOf(destroyed, 4)} read, then hit by ${listOf(how, 4)}`,
    };
  },
});
