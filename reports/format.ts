/** Number and time formatting for the page: locale-free, so the page is byte-identical on every machine. */

/** A ratio or measure with `digits` decimals, or "–" when undefined. */
export function num(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** An integer with thin thousands separators: 1234567 → "1 234 567". */
export function int(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** Minutes as a readable duration: "45 min", "3.2 h", "1.5 d". */
export function duration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "–";
  const sign = minutes < 0 ? "−" : "";
  const m = Math.abs(minutes);
  if (m < 90) return `${sign}${m.toFixed(0)} min`;
  if (m < 48 * 60) return `${sign}${(m / 60).toFixed(1)} h`;
  return `${sign}${(m / 1440).toFixed(1)} d`;
}

/** An ISO time as "2026-10-12 14:03:05Z" (UTC, to the second). */
export function utc(iso: string | number): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "Z");
}

/** A mean with its confidence interval: "0.82 [0.75, 0.90]", or the bare value without one. */
export function withCi(mean: number | null, low: number | null, high: number | null, digits = 2): string {
  if (mean === null) return "–";
  return low === null || high === null ? num(mean, digits) : `${num(mean, digits)} [${num(low, digits)}, ${num(high, digits)}]`;
}
