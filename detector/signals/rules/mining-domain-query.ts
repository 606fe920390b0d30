import { defineSignal } from "../define.ts";
import { attackIndicators, indicator } from "../helpers.ts";
import { poolAnswers, rememberPoolAnswers } from "../pools.ts";
import { HOUR } from "../state.ts";

/** An instance resolving a cryptocurrency mining-pool domain listed by threat intel. */
export default defineSignal({
  id: "mining-domain-query",
  type: "CryptoCurrency:EC2/BitcoinTool.B!DNS",
  foundational: true,
  sources: ["route53-resolver", "runtime"],
  severity: 8,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    const domain = rememberPoolAnswers(a, ctx.intel, poolAnswers(ctx));
    if (!domain || !ctx.state.latch("mining-domain-query", HOUR).first(`${a.actor}|${domain}`, a.time)) return undefined;
    return {
      indicators: [indicator("CRYPTOMINING_DOMAIN", [domain]), ...(a.host?.process ? [indicator("CRYPTOMINING_PROCESS", [a.host.process])] : []), ...attackIndicators("TA0040", "T1496")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} resolved ${domain}, a mining-pool domain${a.host?.process ? ` (process ${a.host.process})` : ""}.`,
    };
  },
});
