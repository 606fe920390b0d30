/**
 * One parsed JSON record as an activity: a runtime event, a Resolver query log record, a
 * lookup-events entry or a CloudTrail record, told apart by their fields.
 */
import type { Activity } from "../activity.ts";
import { cloudTrailActivity } from "./cloudtrail.ts";
import { MAX_VALUE_CHARS, rejection, valueBoundRejection, type Rejection } from "./reject.ts";
import { resolverActivity } from "./route53.ts";
import { runtimeActivity } from "./runtime.ts";
import { isObj } from "./json-object.ts";

/**
 * A parsed JSON record as an activity: a runtime event (`class_uid`), a Resolver query log
 * record (`query_name`), a lookup-events entry (`CloudTrailEvent` holds the record as a string) or
 * a CloudTrail record. Values are not checked against their bounds: see {@link checkedJsonActivity}.
 */
export function jsonActivity(value: unknown): Activity | Rejection {
  if (isObj(value)) {
    if ("class_uid" in value) return runtimeActivity(value);
    if ("query_name" in value) return resolverActivity(value);
    if ("CloudTrailEvent" in value) {
      const inner = value.CloudTrailEvent;
      if (typeof inner !== "string") return rejection("lookup-events CloudTrailEvent", `lookup-events entry: CloudTrailEvent is ${typeof inner}, expected the record as a JSON string`);
      let record: unknown;
      try {
        record = JSON.parse(inner);
      } catch (e) {
        return rejection("lookup-events CloudTrailEvent", `lookup-events entry: CloudTrailEvent is not JSON (${(e as Error).message})`);
      }
      return checkedJsonActivity(record, inner.length);
    }
  }
  return cloudTrailActivity(value);
}

/**
 * {@link jsonActivity} after the bounds on values (see {@link valueBoundRejection}), parsed from a
 * text of `textLength` characters: only a text longer than the length bound can hold a value that
 * breaks it, so only such a record is walked.
 */
export function checkedJsonActivity(value: unknown, textLength: number): Activity | Rejection {
  return (textLength > MAX_VALUE_CHARS && valueBoundRejection(value)) || jsonActivity(value);
}
