/** The one test every normaliser needs of parsed JSON: is this value a plain object? */

/** A parsed JSON object. */
export type Obj = Record<string, unknown>;

/** Whether a parsed JSON value is an object (not an array, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
