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

/** Answers of `isMiningDomain` per feed, by queried name: instances ask for the same few names all day. */
const verdicts = new WeakMap<IntelIndex, Map<string, boolean>>();
/** Names remembered per feed; past this the memory starts afresh (it only saves work). */
const VERDICTS_KEPT = 50_000;

/** `intel.isMiningDomain(domain)`, remembered per name. */
export function isPoolDomain(intel: IntelIndex, domain: string): boolean {
  let known = verdicts.get(intel);
  if (!known) verdicts.set(intel, (known = new Map()));
  let verdict = known.get(domain);
  if (verdict === undefined) {
    if (known.size >= VERDICTS_KEPT) known.clear();
    known.set(domain, (verdict = intel.isMiningDomain(domain)));
  }
  return verdict;
}

/** If the activity is a DNS answer for a mining-pool domain, remember its addresses; returns the domain. */
export function rememberPoolAnswers(a: Activity, intel: IntelIndex, answers: TimedMap<string>): string | undefined {
  const domain = a.host?.domain;
  if (!domain || !isPoolDomain(intel, domain)) return undefined;
  for (const ip of a.host?.answers ?? []) answers.set(ip, domain, a.time);
  return domain;
}
