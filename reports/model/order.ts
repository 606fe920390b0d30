/**
 * Code-point string order, locale-free, so every sort gives the same page on every machine (the
 * same rule as eval's `compare`, which reports may not import at run time).
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
