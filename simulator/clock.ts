/** Simulated time: milliseconds since the epoch, formatted as CloudTrail formats it. */

/** One minute, hour and day in milliseconds. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const dayPrefixes = new Map<number, string>();

/** `2026-11-02T09:14:03Z`: CloudTrail's eventTime, second precision, UTC. */
export function isoSeconds(ms: number): string {
  // Called for every record: format the time of day by arithmetic, and each date only once.
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY) / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}Z`;
}

/** Parse a `YYYY-MM-DD` date as UTC midnight; throws with the offending text when malformed. */
export function parseDay(text: string): number {
  const ms = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls impossible dates forward (02-30 → 03-02): require the date to survive a round trip.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new Error(`expected a real calendar date like 2026-11-02, got "${text}"`);
  }
  return ms;
}

/** Day of week for a UTC time shifted by `utcOffsetHours` (0 = Sunday). */
export function localWeekday(ms: number, utcOffsetHours: number): number {
  return new Date(ms + utcOffsetHours * HOUR).getUTCDay();
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The Java-style date some services put in responseElements, e.g. IAM's
 * `Sep 27, 2022 5:09:18 PM` and STS's `Sep 27, 2022, 6:09:18 PM` (`yearComma`).
 */
export function javaDate(ms: number, yearComma = false): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const time = `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, "0")}:${String(d.getUTCSeconds()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}${yearComma ? "," : ""} ${time}`;
}

/** The wall clock, for the manifest's timings only: nothing simulated may depend on it. */
export function wallClockIso(): string {
  return new Date().toISOString();
}
