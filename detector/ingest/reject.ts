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

/** Deepest nesting of objects and arrays a walked record may have: deeper is absurd for audit logs, and would overflow the walk's stack. */
export const MAX_DEPTH = 200;

/**
 * Why a parsed record breaks the bounds on its values, naming the path: a string value or key
 * longer than {@link MAX_VALUE_CHARS}, or objects and arrays nested deeper than {@link MAX_DEPTH}.
 * Undefined when it keeps them. The walk builds the path only on a hit, so a clean record costs
 * one pass over its values.
 */
export function valueBoundRejection(record: unknown): Rejection | undefined {
  const hit = boundSteps(record, 0);
  if (!hit) return undefined;
  let path = "";
  for (const step of hit.steps) path = typeof step === "number" ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  if (hit.kind === "deep") return rejection("nesting too deep", `${path.slice(0, 80)} nests objects and arrays deeper than ${MAX_DEPTH} levels`);
  return rejection("value too long", `value of ${hit.kind === "key" ? path.slice(0, 80) : path || "(record)"} is longer than ${MAX_VALUE_CHARS} characters`);
}

/** The keys and indices down to the first bound broken, outermost first. */
function boundSteps(value: unknown, depth: number): { steps: (string | number)[]; kind: "value" | "key" | "deep" } | undefined {
  if (typeof value === "string") return value.length > MAX_VALUE_CHARS ? { steps: [], kind: "value" } : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (depth >= MAX_DEPTH) return { steps: [], kind: "deep" };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = boundSteps(value[i], depth + 1);
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
    if (k.length > MAX_VALUE_CHARS) return { steps: [k], kind: "key" };
    const hit = boundSteps((value as Record<string, unknown>)[k], depth + 1);
    if (hit) {
      hit.steps.unshift(k);
      return hit;
    }
  }
  return undefined;
}
