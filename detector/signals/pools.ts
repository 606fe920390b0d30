/**
 * Shared memory of mining-pool DNS answers: the addresses a pool domain resolved to, so a later
 * connection to one of them is recognised as a pool connection whichever rule saw the query.
 */
import type { Activity } from "../activity.ts";
import type { IntelIndex } from "../intel.ts";
import type { TimedMap } from "./state.ts";
import type { SignalContext } from "./define.ts";
import { DAY } from "./state.ts";

/** IP → the pool domain that answered it, for a day. */
export function poolAnswers(ctx: SignalContext): TimedMap<string> {
  return ctx.state.timed<string>("mining-pool-answers", DAY);
}

/** If the activity is a DNS answer for a mining-pool domain, remember its addresses; returns the domain. */
export function rememberPoolAnswers(a: Activity, intel: IntelIndex, answers: TimedMap<string>): string | undefined {
  const domain = a.host?.domain;
  if (!domain || !intel.isMiningDomain(domain)) return undefined;
  for (const ip of a.host?.answers ?? []) answers.set(ip, domain, a.time);
  return domain;
}
