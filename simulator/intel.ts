/**
 * The threat-intel feed of a run, as a defender would subscribe to it: Tor exits, known-bad
 * addresses, mining pools and the IP→ASN table. Incomplete on purpose, as real feeds are.
 */
import type { Intel } from "../schema/intel.ts";
import { TELLTALE_INTEL_RATE } from "../scenarios/telltales.ts";
import type { SplitPeriod } from "./campaigns.ts";
import { isoSeconds } from "./clock.ts";
import { ASN_RANGES, randomIpIn, rangesOf } from "./networks.ts";
import { Rng } from "./rng.ts";
import type { World } from "./world-types.ts";

const MINING_POOLS = ["pool.supportxmr.com", "xmr.pool.minergate.com", "gulf.moneroocean.stream", "xmr-eu1.nanopool.org", "pool.hashvault.pro", "xmrpool.eu", "monerohash.com", "rx.unmineable.com"];

/** Build the feed; `attackIps` are attacker addresses, of which it knows some. */
export function buildIntel(world: World, attackIps: string[], period: SplitPeriod): Intel {
  const rng = new Rng(world.seed, "intel");
  const decoys = Array.from({ length: 25 }, () => randomIpIn(rng.pick([...rangesOf("hosting"), ...rangesOf("vpn")]).cidr, rng));
  const known = [...new Set(attackIps)].filter(() => rng.chance(TELLTALE_INTEL_RATE));
  return {
    generatedAt: isoSeconds(period.end),
    torExitNodes: world.torExits.filter(() => rng.chance(0.8)).sort(),
    // Reasons come from one pool for every entry: a feed's wording must not tell which IPs matter here.
    knownBadIps: [...known, ...decoys].map((ip) => ({ ip, reason: rng.pick(["scanner", "brute force", "malware C2", "credential abuse", "proxy abuse"]) })).sort((a, b) => (a.ip < b.ip ? -1 : 1)),
    miningPoolDomains: MINING_POOLS.filter(() => rng.chance(0.75)),
    ipAsnRanges: [...ASN_RANGES],
  };
}

