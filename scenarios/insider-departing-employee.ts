import { defineScenario } from "./define.ts";
import { personalBucketName } from "./names.ts";
import { nextLocalHour } from "./time.ts";

/**
 * A departing employee takes data with them: with their own SSO session, from their usual home or
 * office network and their usual tool, they read hundreds to thousands of objects from a sensitive
 * bucket they seldom use, late at night over one or two nights, then upload the files to a bucket
 * of their own outside the organisation. Nothing about identity, network or tooling is new; only
 * the volume, the bucket, the hour and the destination are.
 */
export default defineScenario({
  id: "insider-departing-employee",
  title: "Departing employee copies a sensitive bucket to a personal bucket at night",
  kind: "attack",
  description:
    "A prod data analyst or developer, signed in as usual through IAM Identity Center from a habitual address with a habitual user agent, optionally browses the bucket list and a sensitive bucket, reads it in bulk during one or two late-night sessions (UTC night, roughly late evening to early morning for the organisation's offices), then writes the files with PutObject to a personally owned bucket outside the organisation.",
  references: [
    "https://www.youtube.com/watch?v=uvtlU3sQ5fw (Black Hat USA 2023, Netskope: 'Insider Threats Packing Their Bags With Corporate Data', departing employees uploading to personal cloud instances)",
    "https://attack.mitre.org/techniques/T1537/ (MITRE ATT&CK T1537: Transfer Data to Cloud Account)",
    "https://attack.mitre.org/techniques/T1530/ (MITRE ATT&CK T1530: Data from Cloud Storage)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-s3.html (GuardDuty: Exfiltration:S3/AnomalousBehavior, unusual object reads by a known principal)",
  ],
  expectedSequenceType: "AttackSequence:S3/CompromisedData",
  maxDurationHours: 60,
  stages: [
    { id: "discovery", tactic: "TA0007", technique: "T1619", description: "browse the bucket list and the sensitive bucket's prefixes", optional: true },
    { id: "collection", tactic: "TA0009", technique: "T1530", description: "bulk GetObject from a sensitive bucket over one or two nights" },
    { id: "exfiltration", tactic: "TA0010", technique: "T1537", description: "PutObject of the files into a personal bucket outside the organisation" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: ["data-analyst", "developer"], accountKind: "prod" }));
    ctx.actor(victim.arn);
    const sensitive = ctx.buckets(victim.accountId).filter((b) => b.sensitive);
    if (sensitive.length === 0) throw new Error(`insider-departing-employee: account ${victim.accountId} has no sensitive bucket`);
    const target = rng.pick(sensitive);
    const handle = victim.name.split("@")[0]!.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const personal = personalBucketName(rng, handle);
    // A fresh sign-in each night, from home or the office as on any other day; most keep their
    // usual tool, some script the copy with a CLI freshly installed on a personal laptop.
    const tooling = rng.chance(0.7) ? "habitual" : "new-device";
    const session = () => ctx.as(victim, ctx.origin("habitual", victim), tooling);

    // Late at night in UTC, between 22:00 and 02:30.
    let t = nextLocalHour(ctx.start, (22 + rng.between(0, 4.5)) % 24) + rng.int(0, 59) * 1000;
    const nights = rng.chance(0.4) ? 2 : 1;
    const reads = Math.min(4000, Math.max(200, Math.round(rng.logNormal(900, 0.7))));
    let caller = session();

    if (rng.chance(0.6)) {
      ctx.stage("discovery", () => {
        caller.call("s3:ListBuckets", t);
        for (let i = rng.int(2, 8); i > 0; i--) caller.call("s3:ListObjects", (t += rng.between(3, 40) * 1000), { args: { bucketName: target.name } });
      });
      t += rng.between(20, 300) * 1000;
    }

    ctx.stage("collection", () => {
      for (let night = 0; night < nights; night++) {
        if (night > 0) {
          t = nextLocalHour(t, (22 + rng.between(0, 4.5)) % 24);
          caller = session();
        }
        // A scripted copy runs fast; browsing and clicking through folders is slower.
        const gapMs = rng.between(400, 4000);
        for (let i = Math.round(reads / nights); i > 0; i--) {
          if (rng.chance(0.02)) caller.call("s3:ListObjects", t, { args: { bucketName: target.name } });
          caller.call("s3:GetObject", (t += rng.exponential(gapMs) + 80), { args: { bucketName: target.name } });
        }
      }
    });

    // The upload follows at once or, after a single night of reading, the next night, from
    // whatever connection they use then.
    if (nights === 1 && rng.chance(0.4)) {
      t = nextLocalHour(t, (22 + rng.between(0, 4.5)) % 24);
      caller = session();
    } else {
      t += rng.between(60, 1800) * 1000;
    }
    ctx.stage("exfiltration", () => {
      const folder = rng.pick(["export", "backup", "work", "docs", "archive"]);
      const ext = rng.pick(["parquet", "csv", "json.gz"]);
      const uploads = Math.max(20, Math.round(reads * rng.between(0.3, 1)));
      const gapMs = rng.between(300, 2500);
      // Files stay under the CLI's 8 MB multipart threshold, so each upload is one PutObject.
      for (let i = 0; i < uploads; i++) {
        const key = `${folder}/${String(rng.int(0, 199_999)).padStart(6, "0")}.${ext}`;
        caller.call("s3:PutObject", (t += rng.exponential(gapMs) + 60), { args: { externalBucket: personal, externalRegion: target.region, key, bytes: Math.min(8_000_000, Math.round(rng.logNormal(400_000, 1.2))) } });
      }
    });
  },
});
