/** Why a record could not become an activity. */

/** A record that could not become an activity: the reason class and the reason with its values. */
export interface Rejection {
  /** The reason class, the key of `IngestStats.rejectsByReason` (`broken JSON`, `cloudtrail eventTime`, ...). */
  kind: string;
  /** The full reason, with the offending field and value. */
  detail: string;
}

/** A {@link Rejection}. */
export function rejection(kind: string, detail: string = kind): Rejection {
  return { kind, detail };
}

/** Whether a normaliser's result is a {@link Rejection}. */
export function isRejection(value: object): value is Rejection {
  return "kind" in value && "detail" in value;
}

/** Longest string value a record may hold (64 KiB); longer ones are absurd for audit logs. */
export const MAX_VALUE_CHARS = 64 * 1024;

/**
 * The path of the first string value (or key) longer than `limit` in a parsed value, or undefined.
 * Called only on records whose text is longer than the limit, so the walk is rare.
 */
export function longValuePath(value: unknown, limit: number = MAX_VALUE_CHARS, path = ""): string | undefined {
  if (typeof value === "string") return value.length > limit ? path || "(record)" : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = longValuePath(value[i], limit, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (k.length > limit) return at.slice(0, 80);
    const found = longValuePath(v, limit, at);
    if (found) return found;
  }
  return undefined;
}
