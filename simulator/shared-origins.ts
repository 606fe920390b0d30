/**
 * Attack origins inside benign infrastructure: the very addresses (or their /24s) that benign
 * actors of the same world use, such as a CI runner's VPS, a developer's VPN exit or an
 * employee's home line, for suites where attackers hide there (`Suite.sharedInfrastructure`).
 */
import { draw } from "./benign.ts";
import { lookupIp, numberToIp, ipToNumber, type NetworkUsage } from "./networks.ts";
import type { Rng } from "./rng.ts";
import type { SimPrincipal, World } from "./world-types.ts";

/** The chance that an attacker takes a neighbour in the benign address's /24 rather than the address itself. */
const NEIGHBOUR_SHARE = 0.35;

/** Each principal's addresses by usage, computed once per world. */
const byWorld = new WeakMap<World, { principal: SimPrincipal; usage: (NetworkUsage | undefined)[] }[]>();

function usagesOf(world: World): { principal: SimPrincipal; usage: (NetworkUsage | undefined)[] }[] {
  let found = byWorld.get(world);
  if (!found) {
    found = world.principals.map((principal) => ({ principal, usage: principal.networks.items.map((ip) => lookupIp(ip)?.usage) }));
    byWorld.set(world, found);
  }
  return found;
}

/**
 * An address a benign principal other than `exceptKey` uses on a network of one of `usages`, or
 * a neighbour in its /24; undefined when nobody uses such a network. The principal is drawn
 * uniformly, its address by its own habit, so the address is one benign records do show.
 */
export function sharedOrigin(world: World, usages: readonly NetworkUsage[], rng: Rng, exceptKey?: string): string | undefined {
  const inUsages = (u: NetworkUsage | undefined) => u !== undefined && usages.includes(u);
  const candidates = usagesOf(world).filter((x) => x.principal.key !== exceptKey && x.usage.some(inUsages));
  if (candidates.length === 0) return undefined;
  const { principal, usage } = rng.pick(candidates);
  const items = principal.networks.items.filter((_, i) => inUsages(usage[i]));
  const weights = principal.networks.weights.filter((_, i) => inUsages(usage[i]));
  const ip = draw(rng, { items, weights });
  if (!rng.chance(NEIGHBOUR_SHARE)) return ip;
  const n = ipToNumber(ip);
  const base = n - (n % 256);
  // Another host of the same /24 (a runner pool, a VPN exit's neighbours, a carrier's NAT range).
  return numberToIp(base + 1 + ((n - base + rng.int(1, 252)) % 254));
}
