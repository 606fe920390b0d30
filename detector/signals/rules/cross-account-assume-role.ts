import { defineSignal } from "../define.ts";
import { attackIndicators, failed, field, indicator } from "../helpers.ts";
import { DAY } from "../state.ts";

/** A role assumed in another account by an actor that never acted in that account in history: weak lateral-movement evidence. */
export default defineSignal({
  id: "cross-account-assume-role",
  type: "LateralMovement:IAMUser/NewCrossAccountRole",
  foundational: false,
  sources: ["cloudtrail"],
  actions: ["sts:AssumeRole"],
  severity: 3,
  tactic: "TA0008",
  technique: "T1550.001",
  observe(a, ctx) {
    if (failed(a)) return undefined;
    const roleArn = String(field(a.request, "roleArn") ?? "");
    const target = roleArn.split(":")[4] ?? a.account;
    if (!target || target === a.actorAccount) return undefined;
    const profile = ctx.baseline.actor(a.actor);
    if (profile?.accounts?.has(target)) return undefined;
    if (!ctx.state.latch("cross-account-assume-role", DAY).first(`${a.actor}|${roleArn}`, a.time)) return undefined;
    return {
      indicators: [indicator("UNUSUAL_API_FOR_ACCOUNT", [`sts:AssumeRole ${roleArn}`]), ...attackIndicators("TA0008", "T1550.001")],
      evidence: `${a.actor} (account ${a.actorAccount}) assumed ${roleArn} in account ${target}, an account it never acted in during history${profile ? "" : " (the actor itself is new)"}.`,
    };
  },
});
