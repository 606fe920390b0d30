/**
 * The common case read fast: a small, intact CloudTrail log file (`{"Records":[...]}`) parsed in
 * one `JSON.parse` call rather than cut and parsed record by record, which costs a byte scan and
 * a string per record on top. Taken only when the result is certain to be the record-by-record
 * reader's; anything unusual is left to that reader, which names the line of every problem.
 */
import type { Activity } from "../activity.ts";
import { isObj } from "./json-object.ts";
import { jsonActivity } from "./json-record.ts";
import { isRejection, MAX_VALUE_CHARS, valueBoundRejection } from "./reject.ts";
import { MAX_RECORD_BYTES } from "./splitters.ts";

/** `{"Records":[` at the start: the array the record-by-record reader would take is this one. */
const RECORDS_AT_START = /^[ \t\n\r]*\{[ \t\n\r]*"Records"[ \t\n\r]*:[ \t\n\r]*\[/;

/** Whether a UTF-16 code unit is JSON whitespace. */
const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The activities of a whole decompressed JSON document, in record order, or undefined when it
 * must be read record by record: it is larger than one record may be, is not exactly
 * `{"Records":[...]}` (another member, or `Records` named twice, where JSON.parse would keep the
 * last), is not valid JSON, or holds an element that is not an object, a value beyond the bounds,
 * or a record that is rejected.
 */
export function wholeDocumentActivities(bytes: Buffer): Activity[] | undefined {
  if (bytes.length > MAX_RECORD_BYTES) return undefined;
  const text = bytes.toString("utf8");
  const head = RECORDS_AT_START.exec(text);
  if (!head) return undefined;
  // Only the array is parsed, from its `[` to the `]` before the closing brace: it parses only
  // when the document is that one member, which spares a scan of the text for a second one.
  let end = text.length - 1;
  while (end > 0 && isJsonSpace(text.charCodeAt(end))) end--;
  if (text.charCodeAt(end) !== 0x7d) return undefined;
  end--;
  while (end > 0 && isJsonSpace(text.charCodeAt(end))) end--;
  if (text.charCodeAt(end) !== 0x5d) return undefined;
  let records: unknown[];
  try {
    // Starts with `[`: when it parses, it is an array.
    records = JSON.parse(text.slice(head[0].length - 1, end + 1)) as unknown[];
  } catch {
    return undefined;
  }
  const activities: Activity[] = [];
  for (const record of records) {
    if (!isObj(record) || (text.length > MAX_VALUE_CHARS && valueBoundRejection(record))) return undefined;
    const result = jsonActivity(record);
    if (isRejection(result)) return undefined;
    activities.push(result);
  }
  return activities;
}
