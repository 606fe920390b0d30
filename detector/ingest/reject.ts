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
 * The walk builds the path only on a hit, so a clean document costs a pass over its values.
 */
export function longValuePath(value: unknown, limit: number = MAX_VALUE_CHARS): string | undefined {
  const hit = longValueSteps(value, limit);
  if (!hit) return undefined;
  let path = "";
  for (const step of hit.steps) path = typeof step === "number" ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  return hit.longKey ? path.slice(0, 80) : path || "(record)";
}

/** The keys and indices down to the first value (or key) longer than `limit`, outermost first. */
function longValueSteps(value: unknown, limit: number): { steps: (string | number)[]; longKey: boolean } | undefined {
  if (typeof value === "string") return value.length > limit ? { steps: [], longKey: false } : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = longValueSteps(value[i], limit);
      if (hit) {
        hit.steps.unshift(i);
        return hit;
      }
    }
    return undefined;
  }
  // for-in rather than Object.keys: no array per object, half the cost on parsed JSON (no
  // inherited enumerable keys there).
  for (const k in value) {
    if (k.length > limit) return { steps: [k], longKey: true };
    const hit = longValueSteps((value as Record<string, unknown>)[k], limit);
    if (hit) {
      hit.steps.unshift(k);
      return hit;
    }
  }
  return undefined;
}
