/**
 * Cross-account role chain: an identity of one account assumes a role in another and that role
 * then acts in the sequence — the pivot that GuardDuty's per-account view splits in two. A pivot
 * made from somewhere else (habits.ts `fromElsewhere`) weighs half again, up to the marker's cap:
 * stolen credentials reaching into the next account, where a deploy pipeline or a person at their
 * desk assumes the same roles every day. That the credentials were used from elsewhere at all is
 * credential-outside-network's judgement; this one is that they were used to pivot.
 */
import { fromElsewhere } from "../habits.ts";
import { defineMarker } from "../marker.ts";
import { accountOfArn, shortName, succeeded } from "./calls.ts";
import { listOf, plural } from "./evidence.ts";

interface Hop {
  from: string;
  fromAccount: string;
  role: string;
  toAccount: string;
  time: number;
  actions: number;
  /** Some hop of it was assumed from somewhere else (habits.ts `fromElsewhere`). */
  fromElsewhere: boolean;
}

/** The role ARN an `AssumeRole` named, as actor keys spell it. */
function assumedRole(request: Record<string, unknown> | undefined): string | undefined {
  const arn = request?.["roleArn"];
  return typeof arn === "string" ? arn : undefined;
}

export default defineMarker({
  id: "cross-account-role-chain",
  title: "Role chain across accounts",
  weight: 2.5,
  indicatorKeys: ["CROSS_ACCOUNT_ROLE_CHAIN"],
  evaluate(candidate, ctx) {
    if (candidate.accounts.size < 2) return undefined;
    const hops = new Map<string, Hop>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (a.action === "sts:AssumeRole" && succeeded(a)) {
        const role = assumedRole(a.request);
        const toAccount = role && accountOfArn(role);
        if (!role || !toAccount || toAccount === a.actorAccount) continue;
        const seen = hops.get(role);
        // The first hop dates the chain; any hop from elsewhere marks it (a thief's after the owner's).
        if (seen) seen.fromElsewhere ||= fromElsewhere(a, ctx.baseline, ctx.intel);
        else hops.set(role, { from: a.actor, fromAccount: a.actorAccount, role, toAccount, time: s.time, actions: 0, fromElsewhere: fromElsewhere(a, ctx.baseline, ctx.intel) });
        continue;
      }
      const hop = hops.get(a.actor);
      if (hop && s.time >= hop.time) hop.actions++;
    }
    const used = [...hops.values()].filter((h) => h.actions > 0);
    if (used.length === 0) return undefined;
    const accounts = new Set(used.flatMap((h) => [h.fromAccount, h.toAccount]));
    const lines = used.map((h) => `${shortName(h.from)} (${h.fromAccount}) assumed ${shortName(h.role)} in ${h.toAccount}${h.fromElsewhere ? " from somewhere else" : ""}, which then raised ${plural(h.actions, "signal")}`);
    const elsewhere = used.some((h) => h.fromElsewhere);
    return {
      indicators: [{ key: "CROSS_ACCOUNT_ROLE_CHAIN", values: [...accounts], title: "Accounts linked by assumed roles" }],
      evidence: listOf(lines, 3, "; "),
      // A chain through three or more accounts is rarer still.
      weight: 2.5 * Math.min(2, 1 + 0.5 * (accounts.size - 2)) * (elsewhere ? 1.5 : 1),
    };
  },
});
