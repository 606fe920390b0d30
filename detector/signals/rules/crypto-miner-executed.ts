import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";

/** Miner command lines, whatever the binary is called: pool URLs and miner-only options. */
const MINER = /stratum\d?\+(tcp|ssl|tls):\/\/|--donate-level|\s-a\s+(rx\/0|cn\/|randomx|ethash|kawpow)|--coin[= ](monero|xmr)|\bxmrig\b|--randomx/i;

/** A cryptocurrency miner started on an instance. */
export default defineSignal({
  id: "crypto-miner-executed",
  type: "Impact:Runtime/CryptoMinerExecuted",
  foundational: true,
  sources: ["runtime"],
  severity: 8,
  tactic: "TA0040",
  technique: "T1496",
  observe(a) {
    const cmd = a.host?.cmdLine;
    if (!cmd || hostKind(a) !== "process" || !MINER.test(cmd)) return undefined;
    return {
      indicators: [indicator("CRYPTOMINING_PROCESS", [a.host?.process ?? "?"]), ...attackIndicators("TA0040", "T1496")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} started a cryptocurrency miner: ${cmd.slice(0, 200)}.`,
    };
  },
});
