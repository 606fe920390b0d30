import { defineSignal } from "../define.ts";
import { attackIndicators, failed, indicator } from "../helpers.ts";
import { DAY } from "../state.ts";
import { settledPerson } from "../../habits.ts";
import { personOf } from "../../peers.ts";

/** Object reads within a day from one bucket that make a bulk read. */
const MIN_OBJECTS = 100;
/** Days of history an actor needs before a bucket can be unfamiliar to it. */
const MIN_ACTIVE_DAYS = 3;

/**
 * Weak: an actor with a settled history reads many objects within a day from a bucket it never
 * read objects from in history — collection from storage it does not work with (an insider
 * packing a sensitive bucket, stolen credentials harvesting data). For a person in a shared role
 * (an Identity Center permission set) the question is asked of the person once their own history
 * is settled: the team may read the bucket every day while this person never did. New projects do
 * this too, so it only feeds correlation.
 */
export default defineSignal({
  id: "s3-bulk-read-unfamiliar-bucket",
  type: "Collection:S3/BulkReadFromUnfamiliarBucket",
  foundational: false,
  sources: ["cloudtrail"],
  actions: ["s3:GetObject"],
  severity: 3,
  tactic: "TA0009",
  technique: "T1530",
  observe(a, ctx) {
    const bucket = a.resources[0];
    if (!bucket || failed(a)) return undefined;
    const person = personOf(a);
    const own = settledPerson(a, ctx.baseline);
    const { who, profile } = own ? { who: a.session!, profile: own } : { who: a.actor, profile: ctx.baseline.actor(a.actor) };
    if (!profile || profile.activeDays < MIN_ACTIVE_DAYS || profile.objectBuckets?.has(bucket)) return undefined;
    const key = `${person ?? a.actor}\n${bucket}`;
    const w = ctx.state.windows("s3-bulk-read-unfamiliar-bucket", DAY).add(key, a.time, a.id);
    if (w.count < MIN_OBJECTS || !ctx.state.latch("s3-bulk-read-unfamiliar-bucket", DAY).first(key, a.time)) return undefined;
    return {
      activityIds: w.ids,
      indicators: [indicator("SENSITIVE_DATA", [bucket]), ...attackIndicators("TA0009", "T1530")],
      evidence: `${who === a.actor ? a.actor : `${who} (a session of ${a.actor})`} read ${w.count} objects in 24 hours from bucket ${bucket}, which ${who === a.actor ? "it" : "they"} read no object from in ${profile.activeDays} days of history.`,
    };
  },
});
