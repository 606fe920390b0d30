import { CREDENTIAL_READ_ACTIONS, credentialStoreRead } from "../../credential-stores.ts";
import { fromElsewhere } from "../../habits.ts";
import { defineSignal } from "../define.ts";
import { apiScore, attackIndicators, elsewhereOrScore, failed, indicator, originScore } from "../helpers.ts";
import { HOUR, MINUTE } from "../state.ts";

const BURST = 5;

/**
 * Secret values, decrypted parameters or instance passwords read by an actor for whom that is
 * unusual, or from somewhere else (habits.ts `fromElsewhere`: where a model that knows its peers
 * read secrets sees nothing new, the reader's own history says it never sat there); stronger in
 * bursts.
 */
export default defineSignal({
  id: "credential-access-anomalous",
  type: "CredentialAccess:IAMUser/AnomalousBehavior",
  foundational: true,
  sources: ["cloudtrail"],
  actions: CREDENTIAL_READ_ACTIONS,
  severity: 5,
  tactic: "TA0006",
  technique: "T1555.006",
  observe(a, ctx) {
    if (credentialStoreRead(a) === undefined) return undefined;
    if (failed(a)) return undefined;
    const window = ctx.state.windows("credential-access/reads", 15 * MINUTE).add(a.actor, a.time, a.id, 1, a.resources[0] ?? a.action);
    const api = apiScore(ctx, a);
    const score = Math.max(api, originScore(ctx, a));
    const unusual = score >= ctx.anomalyThreshold;
    const elsewhere = !unusual && fromElsewhere(a, ctx.baseline, ctx.intel);
    if (!unusual && !elsewhere) return undefined;
    const burst = window.count >= BURST || a.action === "secretsmanager:BatchGetSecretValue";
    // Once when it turns unusual, once more when it becomes a burst.
    const latch = ctx.state.latch(burst ? "credential-access/burst" : "credential-access/first", HOUR);
    if (!latch.first(a.actor, a.time)) return undefined;
    return {
      severity: burst ? 7 : 5,
      anomaly: score,
      activityIds: window.ids,
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...(api >= ctx.anomalyThreshold ? [indicator("UNUSUAL_API_FOR_ACCOUNT", [a.action])] : []), ...attackIndicators("TA0006", "T1555.006")],
      evidence: `${a.actor} called ${a.action} (${window.count} credential reads of ${window.distinct} items in 15 minutes), ${elsewhere ? "" : "unusual for it "}${elsewhereOrScore(a, elsewhere, score)}.`,
    };
  },
});
