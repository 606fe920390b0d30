/**
 * High-risk API: a successful call that switches off defences, grants admin rights, mints
 * credentials for someone else, opens data to the world or another account, or destroys in bulk
 * (see high-risk-apis.ts for the catalogue and its parameter checks).
 */
import { defineMarker } from "../marker.ts";
import { listOf, plural } from "./evidence.ts";
import { highRiskReason } from "./high-risk-apis.ts";

export default defineMarker({
  id: "high-risk-api",
  title: "High-risk API calls succeeded",
  weight: 2,
  indicatorKeys: ["HIGH_RISK_API"],
  evaluate(candidate) {
    const reasons = new Map<string, number>();
    for (const s of candidate.signals) {
      const reason = highRiskReason(s.activity);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (reasons.size === 0) return undefined;
    const apis = [...new Set([...reasons.keys()].map((r) => r.split(" ")[0]!))];
    return {
      indicators: [{ key: "HIGH_RISK_API", values: apis, title: "High-risk APIs" }],
      evidence: `${plural(reasons.size, "kind")} of high-risk call succeeded: ${listOf([...reasons].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)))}`,
      // A second and third kind each add half: several risky moves together are worse than one.
      weight: 2 * Math.min(2, 1 + 0.5 * (reasons.size - 1)),
    };
  },
});
