/**
 * Threat intel: the sequence touches a Tor exit, a known-bad address or a mining pool — as the
 * caller's source IP, a host's destination or a DNS name it resolved. Intel is incomplete, so this
 * confirms; its absence proves nothing. Tor confirms nothing for a caller that used Tor in
 * history: that is a privacy-minded person's habit (the Tor signal says so at low severity).
 */
import type { Activity } from "../activity.ts";
import type { IntelIndex } from "../intel.ts";
import { defineMarker, type MarkerContext } from "../marker.ts";
import { torIsHabitual } from "../habits.ts";
import { listOf } from "./evidence.ts";

const INTEL_KEYS = new Set(["TOR_IP", "MALICIOUS_IP", "CRYPTOMINING_IP", "CRYPTOMINING_DOMAIN", "MALICIOUS_DOMAIN"]);
const MINING_REASON = /min(ing|er)|crypto|stratum|pool/i;

type Hits = Map<string, Set<string>>;

function add(hits: Hits, key: string, value: string): void {
  const values = hits.get(key) ?? new Set<string>();
  values.add(value);
  hits.set(key, values);
}

function judgeIp(hits: Hits, ip: string | undefined, intel: IntelIndex, habitualTor = false): void {
  if (!ip) return;
  if (intel.isTorExit(ip) && !habitualTor) add(hits, "TOR_IP", ip);
  const reason = intel.badIpReason(ip);
  if (reason) add(hits, MINING_REASON.test(reason) ? "CRYPTOMINING_IP" : "MALICIOUS_IP", `${ip} (${reason})`);
}

function judge(hits: Hits, a: Activity, ctx: MarkerContext): void {
  judgeIp(hits, a.sourceIp, ctx.intel, torIsHabitual(a, ctx.baseline));
  if (!a.host) return;
  judgeIp(hits, a.host.dstIp, ctx.intel);
  if (a.host.domain && ctx.intel.isMiningDomain(a.host.domain)) add(hits, "CRYPTOMINING_DOMAIN", a.host.domain.toLowerCase().replace(/\.$/, ""));
}

export default defineMarker({
  id: "threat-intel-hit",
  title: "Threat intel matches: Tor, known-bad IPs, mining pools",
  weight: 2.5,
  indicatorKeys: [...INTEL_KEYS],
  evaluate(candidate, ctx) {
    const hits: Hits = new Map();
    const judged = new Set<string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      // Signals often repeat one address or domain: judge each combination once.
      // The caller is part of the key: whether Tor is its habit depends on who calls.
      const key = `${a.actor}|${a.session ?? ""}|${a.sourceIp ?? ""}|${a.host?.dstIp ?? ""}|${a.host?.domain ?? ""}`;
      if (!judged.has(key)) {
        judged.add(key);
        judge(hits, a, ctx);
      }
      // Intel the signal phase already matched (a user's own feed, for instance); Tor is judged above.
      for (const ind of s.indicators) if (INTEL_KEYS.has(ind.key) && ind.key !== "TOR_IP") for (const v of ind.values ?? []) add(hits, ind.key, v);
    }
    if (hits.size === 0) return undefined;
    const keys = [...hits.keys()].sort();
    return {
      indicators: keys.map((key) => ({ key, values: [...hits.get(key)!], title: key.replace(/_/g, " ").toLowerCase() })),
      evidence: `threat intel matched: ${keys.map((k) => `${k} ${listOf(hits.get(k)!, 3)}`).join("; ")}`,
      weight: 2.5 * Math.min(2, 1 + 0.5 * (keys.length - 1)),
    };
  },
});
