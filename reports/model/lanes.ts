/**
 * The ATT&CK tactic lane of a sequence signal. seqlab signals carry an ATTACK_TACTIC indicator
 * (tactic names or ids); foreign GuardDuty findings may not, so the finding type's threat purpose
 * (`Discovery:IAMUser/...`) is the fallback.
 */
import { TACTICS, tactic as tacticById, type Tactic } from "../../schema/attack.ts";
import type { SequenceSignal } from "../../schema/finding.ts";

const byName = new Map(TACTICS.map((t) => [t.name.toLowerCase(), t]));

/** GuardDuty threat purposes (the part of a finding type before `:`) and the tactic they mean. */
const THREAT_PURPOSES: Record<string, string> = {
  Recon: "TA0043",
  InitialAccess: "TA0001",
  UnauthorizedAccess: "TA0001",
  Execution: "TA0002",
  Persistence: "TA0003",
  PrivilegeEscalation: "TA0004",
  DefenseEvasion: "TA0005",
  Stealth: "TA0005",
  CredentialAccess: "TA0006",
  Discovery: "TA0007",
  LateralMovement: "TA0008",
  Collection: "TA0009",
  Backdoor: "TA0011",
  Trojan: "TA0011",
  Exfiltration: "TA0010",
  Impact: "TA0040",
  CryptoCurrency: "TA0040",
};

/** A tactic from an id (`TA0007`) or a name (`Discovery`), or undefined. */
export function resolveTactic(value: string): Tactic | undefined {
  return tacticById(value) ?? byName.get(value.trim().toLowerCase());
}

/** The signal's tactic: its first resolvable ATTACK_TACTIC value, else its type's threat purpose, else null. */
export function signalTactic(signal: Pick<SequenceSignal, "name" | "signalIndicators">): Tactic | null {
  for (const i of signal.signalIndicators ?? []) {
    if (i.key !== "ATTACK_TACTIC") continue;
    for (const v of i.values ?? []) {
      const t = resolveTactic(v);
      if (t) return t;
    }
  }
  const purpose = THREAT_PURPOSES[signal.name.slice(0, signal.name.indexOf(":"))];
  return purpose ? tacticById(purpose)! : null;
}
