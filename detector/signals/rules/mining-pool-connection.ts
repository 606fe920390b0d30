import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";
import { isMinerCommand, isPublicIpv4, MINING_PORTS } from "../net.ts";
import { poolAnswers, rememberPoolAnswers } from "../pools.ts";
import { HOUR } from "../state.ts";

/**
 * Connections to an address a mining-pool domain resolved to, made by a miner's process (runtime
 * monitoring sees the command line, whatever pool it names), or to a Stratum port of a public
 * address the instance never contacted.
 */
export default defineSignal({
  id: "mining-pool-connection",
  type: "CryptoCurrency:EC2/BitcoinTool.B",
  foundational: true,
  sources: ["vpc-flow", "runtime", "route53-resolver"],
  severity: 8,
  tactic: "TA0040",
  technique: "T1496",
  observe(a, ctx) {
    const answers = poolAnswers(ctx);
    const kind = hostKind(a);
    if (kind === "dns") {
      rememberPoolAnswers(a, ctx.intel, answers);
      return undefined;
    }
    if ((kind !== "flow" && kind !== "network") || a.error) return undefined;
    const ip = a.host?.dstIp;
    if (!ip || !isPublicIpv4(ip)) return undefined;
    const pool = answers.get(ip, a.time);
    const port = a.host?.dstPort;
    const miner = kind === "network" && isMinerCommand(a.host?.cmdLine);
    const stratum = port !== undefined && MINING_PORTS.has(port) && !ctx.baseline.actor(a.actor)?.remotes?.has(ip);
    if (!pool && !miner && !stratum) return undefined;
    if (!ctx.state.latch("mining-pool-connection", HOUR).first(`${a.actor}|${ip}`, a.time)) return undefined;
    const why = pool ? `, an address of mining pool ${pool}` : miner ? `, from the miner ${a.host?.process ?? "process"}` : ", a Stratum mining port on an address it never contacted";
    return {
      severity: pool || miner ? 8 : 5,
      indicators: [indicator("CRYPTOMINING_IP", [ip]), ...(pool ? [indicator("CRYPTOMINING_DOMAIN", [pool])] : []), ...attackIndicators("TA0040", "T1496")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} connected to ${ip}:${port ?? "?"}${why}.`,
    };
  },
});
