/** Attribution (ATLAS-style): do a campaign's findings point at its own events, and at all of them? */
import type { Attribution } from "../report.ts";
import type { Outcome } from "../outcome.ts";
import { ratio } from "../stats.ts";

/**
 * Pooled over detected campaigns: precision is the share of the distinct events in a campaign's
 * raised findings that belong to it; recall the share of its events that its findings name.
 */
export function attribution(outcome: Outcome): Attribution {
  let matchedEvents = 0;
  let findingEvents = 0;
  let campaignEvents = 0;
  for (const [campaign, findings] of outcome.detected) {
    const named = new Set(findings.flatMap((c) => c.finding.seqlab.eventIds));
    for (const id of named) if (campaign.events.has(id)) matchedEvents++;
    findingEvents += named.size;
    campaignEvents += campaign.events.size;
  }
  return { precision: ratio(matchedEvents, findingEvents), recall: ratio(matchedEvents, campaignEvents), matchedEvents, findingEvents, campaignEvents };
}
