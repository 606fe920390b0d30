/** Counts kept over a sliding window: keys enter and leave, and a key whose count falls to zero is gone, so `size` is the number present. */

/** Add `by` (negative when leaving the window) to the key's count, dropping the key at zero. */
export function bump<K>(counts: Map<K, number>, key: K, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}
