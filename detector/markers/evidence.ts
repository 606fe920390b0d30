/** Formatting for marker evidence: short lists, byte counts, counts. */

/** Up to `max` values joined by `separator`, with "(+N more)" for the rest. */
export function listOf(values: Iterable<string>, max = 6, separator = ", "): string {
  const all = [...values];
  const head = all.slice(0, max).join(separator);
  return all.length > max ? `${head} (+${all.length - max} more)` : head;
}

/** Bytes as a readable size (`5.2 GB`). */
export function bytesText(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) [v, i] = [v / 1000, i + 1];
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** `1 call` / `3 calls`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
