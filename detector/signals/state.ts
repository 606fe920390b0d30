/**
 * Bounded per-engine memory for signals: sliding windows per key (counts, sums, distinct tags and
 * the latest activity ids over a time window, in fixed time buckets), latches (fire once per key
 * per period) and timed maps. Everything is evicted by event time, so memory follows the window,
 * not the input.
 */

/** A window's totals after an `add`. */
export interface WindowView {
  count: number;
  sum: number;
  /** Distinct tags seen in the window. */
  distinct: number;
  /** The latest activity ids in the window (at most the window's `maxIds`); read it before the next `add`. */
  ids: readonly string[];
  /** Time of the oldest activity still counted. */
  first: number;
}

interface Bucket {
  start: number;
  count: number;
  sum: number;
}

interface KeyWindow {
  buckets: Bucket[];
  count: number;
  sum: number;
  tags: Map<string, number>;
  tagsSweptAt: number;
  /** Activity ids and times; those before `idsHead` have left the window (dropped in batches). */
  ids: string[];
  idTimes: number[];
  idsHead: number;
  last: number;
}

/** The totals after an add; the ids are copied only when a rule asks for them (when it fires). */
class View implements WindowView {
  constructor(
    readonly count: number,
    readonly sum: number,
    readonly distinct: number,
    readonly first: number,
    private readonly allIds: string[],
    private readonly head: number,
  ) {}

  get ids(): readonly string[] {
    return this.allIds.slice(this.head);
  }
}

const BUCKETS = 30;

/** Sliding windows keyed by actor (or any key): totals over the last `windowMs` of event time. */
export class SlidingWindows {
  private readonly keys = new Map<string, KeyWindow>();
  private readonly bucketMs: number;

  constructor(
    readonly windowMs: number,
    readonly maxIds = 100,
  ) {
    this.bucketMs = Math.max(1, Math.ceil(windowMs / BUCKETS));
  }

  /** Add one activity to a key's window and return the window's totals. */
  add(key: string, time: number, id: string, value = 1, tag?: string): WindowView {
    let w = this.keys.get(key);
    if (!w) this.keys.set(key, (w = { buckets: [], count: 0, sum: 0, tags: new Map(), tagsSweptAt: time, ids: [], idTimes: [], idsHead: 0, last: time }));
    const horizon = time - this.windowMs;
    while (w.buckets.length > 0 && w.buckets[0]!.start + this.bucketMs <= horizon) {
      const old = w.buckets.shift()!;
      w.count -= old.count;
      w.sum -= old.sum;
    }
    const start = time - (time % this.bucketMs);
    let bucket = w.buckets[w.buckets.length - 1];
    if (!bucket || bucket.start < start) w.buckets.push((bucket = { start, count: 0, sum: 0 }));
    bucket.count++;
    bucket.sum += value;
    w.count++;
    w.sum += value;
    w.last = Math.max(w.last, time);
    if (tag !== undefined) {
      w.tags.set(tag, time);
      if (time - w.tagsSweptAt >= this.bucketMs) {
        for (const [t, seen] of w.tags) if (seen <= horizon) w.tags.delete(t);
        w.tagsSweptAt = time;
      }
    }
    w.ids.push(id);
    w.idTimes.push(time);
    let head = w.idsHead;
    while (head < w.ids.length && (w.idTimes[head]! <= horizon || w.ids.length - head > this.maxIds)) head++;
    // Cut the dead prefix only once it outgrows the bound: one splice per maxIds adds, not one each.
    if (head > this.maxIds) {
      w.ids.splice(0, head);
      w.idTimes.splice(0, head);
      head = 0;
    }
    w.idsHead = head;
    return new View(w.count, w.sum, w.tags.size, w.buckets[0]?.start ?? time, w.ids, head);
  }

  /** A key's totals at `time` without adding to them (zeros for an unknown key). */
  peek(key: string, time: number): WindowView {
    const w = this.keys.get(key);
    if (!w) return { count: 0, sum: 0, distinct: 0, ids: [], first: time };
    const horizon = time - this.windowMs;
    let count = 0;
    let sum = 0;
    for (const b of w.buckets) {
      if (b.start + this.bucketMs <= horizon) continue;
      count += b.count;
      sum += b.sum;
    }
    let distinct = 0;
    for (const seen of w.tags.values()) if (seen > horizon) distinct++;
    return { count, sum, distinct, ids: w.ids.slice(w.idsHead), first: w.buckets[0]?.start ?? time };
  }

  /** Forget a key (after a burst fired, to count the next one afresh). */
  reset(key: string): void {
    this.keys.delete(key);
  }

  /** Drop keys idle for longer than the window. */
  sweep(now: number): void {
    for (const [key, w] of this.keys) if (w.last <= now - this.windowMs) this.keys.delete(key);
  }

  /** Keys currently held (for tests and memory checks). */
  get size(): number {
    return this.keys.size;
  }
}

/** Remembers keys for a period: `first` is true once per key per `ttlMs`. */
export class Latch {
  private readonly seen = new Map<string, number>();

  constructor(readonly ttlMs: number) {}

  /** True if the key was not latched within the last `ttlMs`; latches it. */
  first(key: string, time: number): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && time - at < this.ttlMs) return false;
    this.seen.set(key, time);
    return true;
  }

  sweep(now: number): void {
    for (const [key, at] of this.seen) if (now - at >= this.ttlMs) this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** A map whose entries expire `ttlMs` after they were last set. */
export class TimedMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(readonly ttlMs: number) {}

  get(key: string, now: number): V | undefined {
    const e = this.entries.get(key);
    if (!e || now - e.at >= this.ttlMs) return undefined;
    return e.value;
  }

  set(key: string, value: V, now: number): void {
    this.entries.set(key, { value, at: now });
  }

  sweep(now: number): void {
    for (const [key, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Sweepable {
  sweep(now: number): void;
}

/**
 * One engine's memory. Rules ask for their structures by name (`state.windows("discovery", 15 *
 * MINUTE)`); the same name gives the same structure, and the engine sweeps them all as event
 * time advances.
 */
export class SignalState {
  // One map per kind: a window and a latch may share a rule's name. Rules ask on every activity,
  // so the lookup builds no key string and no factory closure.
  private readonly windowParts = new Map<string, SlidingWindows>();
  private readonly latchParts = new Map<string, Latch>();
  private readonly timedParts = new Map<string, TimedMap<unknown>>();

  windows(name: string, windowMs: number, maxIds = 100): SlidingWindows {
    let part = this.windowParts.get(name);
    if (!part) this.windowParts.set(name, (part = new SlidingWindows(windowMs, maxIds)));
    return part;
  }

  latch(name: string, ttlMs: number): Latch {
    let part = this.latchParts.get(name);
    if (!part) this.latchParts.set(name, (part = new Latch(ttlMs)));
    return part;
  }

  timed<V>(name: string, ttlMs: number): TimedMap<V> {
    let part = this.timedParts.get(name);
    if (!part) this.timedParts.set(name, (part = new TimedMap<unknown>(ttlMs)));
    return part as TimedMap<V>;
  }

  /** Evict everything older than its period. */
  sweep(now: number): void {
    const kinds: ReadonlyArray<Map<string, Sweepable>> = [this.windowParts, this.latchParts, this.timedParts];
    for (const parts of kinds) for (const part of parts.values()) part.sweep(now);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
