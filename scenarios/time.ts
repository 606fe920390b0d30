/**
 * Time helpers for scenarios: durations in milliseconds, "the next time the clock reads h", and a
 * step clock for the pace of a campaign's calls.
 */
import type { ScenarioRng } from "./define.ts";

/** One minute, hour and day in milliseconds. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The first time at or after `from` when a clock `utcOffset` hours from UTC reads `hour`
 * (fractional hours allowed); `utcOffset` 0 gives UTC.
 */
export function nextLocalHour(from: number, hour: number, utcOffset = 0): number {
  const candidate = Math.floor((from + utcOffset * HOUR) / DAY) * DAY + (hour - utcOffset) * HOUR;
  return candidate >= from ? candidate : candidate + DAY;
}

/** A scenario's clock: the time of its next call, moved on by short steps and longer pauses. */
export interface StepClock {
  /** The current time (ms); set it directly for waits of another shape (the next day, a deadline). */
  now: number;
  /** Move on by an exponential gap of `meanSeconds` plus the clock's minimum step; returns the new time. */
  step(meanSeconds: number): number;
  /** Move on by a uniform wait of `loSeconds` to `hiSeconds`; returns the new time. */
  pause(loSeconds: number, hiSeconds: number): number;
}

/**
 * A clock starting at `start` whose steps are never shorter than `minStepMs`: scripted calls
 * follow each other quickly but not instantly. `step` and `pause` may be destructured.
 */
export function stepClock(rng: ScenarioRng, start: number, minStepMs = 1000): StepClock {
  const clock: StepClock = {
    now: start,
    step: (meanSeconds) => (clock.now += rng.exponential(meanSeconds) * 1000 + minStepMs),
    pause: (loSeconds, hiSeconds) => (clock.now += rng.between(loSeconds, hiSeconds) * 1000),
  };
  return clock;
}
