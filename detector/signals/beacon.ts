/**
 * Beacon detection: connections (or queries) from one host to one remote at regular intervals.
 * Keeps the last few contact times per host and remote, for a bounded time.
 */
import type { SignalContext } from "./define.ts";
import { HOUR } from "./state.ts";

/** Contacts kept per host and remote; the intervals between them are judged. */
const KEPT = 10;
/** Intervals between 20 seconds and 30 minutes count as beaconing. */
const MIN_INTERVAL = 20_000;
const MAX_INTERVAL = 30 * 60_000;
/** Coefficient of variation of the intervals at most this: regular. */
const MAX_CV = 0.25;

/** What a regular contact pattern looks like. */
export interface Beacon {
  contacts: number;
  meanIntervalMs: number;
  cv: number;
}

/**
 * Record a contact from `host` to `remote` at `time` in the named state; return the beacon when
 * the last contacts are regular. Contacts closer than a second are one contact (a flow and its
 * runtime twin).
 */
export function recordContact(ctx: SignalContext, name: string, host: string, remote: string, time: number): Beacon | undefined {
  const times = ctx.state.timed<number[]>(name, 2 * HOUR);
  const key = `${host}|${remote}`;
  let list = times.get(key, time);
  if (!list) list = [];
  const last = list[list.length - 1];
  if (last !== undefined && time - last < 1000) return undefined;
  list.push(time);
  if (list.length > KEPT) list.shift();
  times.set(key, list, time);
  if (list.length < KEPT) return undefined;
  const intervals: number[] = [];
  for (let i = 1; i < list.length; i++) intervals.push(list[i]! - list[i - 1]!);
  const mean = intervals.reduce((s, x) => s + x, 0) / intervals.length;
  if (mean < MIN_INTERVAL || mean > MAX_INTERVAL) return undefined;
  const sd = Math.sqrt(intervals.reduce((s, x) => s + (x - mean) ** 2, 0) / intervals.length);
  const cv = sd / mean;
  return cv <= MAX_CV ? { contacts: list.length, meanIntervalMs: mean, cv } : undefined;
}

/**
 * How many distinct hosts contacted a remote recently (up to 3): a beacon's peer is rare, a
 * monitoring endpoint is shared by a fleet.
 */
export function fleetSize(ctx: SignalContext, name: string, host: string, remote: string, time: number): number {
  const hosts = ctx.state.timed<string[]>(name, 6 * HOUR);
  let list = hosts.get(remote, time) ?? [];
  if (!list.includes(host) && list.length < 3) list = [...list, host];
  hosts.set(remote, list, time);
  return list.length;
}
