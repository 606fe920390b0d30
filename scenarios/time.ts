/** Time helpers for scenarios: durations in milliseconds and "the next time the clock reads h". */

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
