/** Errors the CLI reports as a usage problem: one clear message, exit code 2, nothing written. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parse an integer option within [min, max] or throw a {@link UsageError} naming the option. */
export function intOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  if (value < min || value > max) throw new UsageError(`--${name} must be from ${min} to ${max}, got ${value}`);
  return value;
}
