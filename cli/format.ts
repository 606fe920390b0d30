/** Small formatting helpers for readable terminal summaries. */

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Bytes as KiB/MiB/GiB with one decimal. */
export function bytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) [n, i] = [n / 1024, i + 1];
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Rows as an aligned text table; numbers right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? count(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  return cells
    .map((r, ri) =>
      r
        .map((c, i) => (ri > 0 && typeof rows[ri - 1]![i] === "number" ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A ratio or measure with `digits` decimals, or "–" when it is undefined. */
export function ratioText(x: number | null, digits = 2): string {
  return x === null ? "–" : x.toFixed(digits);
}
