import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";
import { isMinerCommand } from "../net.ts";

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
    if (!cmd || hostKind(a) !== "process" || !isMinerCommand(cmd)) return undefined;
    return {
      indicators: [indicator("CRYPTOMINING_PROCESS", [a.host?.process ?? "?"]), ...attackIndicators("TA0040", "T1496")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} started a cryptocurrency miner: ${cmd.slice(0, 200)}.`,
    };
  },
});
