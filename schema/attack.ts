/**
 * The MITRE ATT&CK (Enterprise, cloud matrix) tactics and techniques seqlab uses: one table, so
 * scenarios, the detector and reports agree on ids, names and kill-chain order.
 */

/** An ATT&CK tactic with its position in the kill chain (0 = earliest). */
export interface Tactic {
  id: string;
  name: string;
  order: number;
}

/** An ATT&CK technique or sub-technique and the tactics it serves. */
export interface Technique {
  id: string;
  name: string;
  tactics: readonly string[];
}

/** Enterprise tactics in kill-chain order. */
export const TACTICS: readonly Tactic[] = [
  ["TA0043", "Reconnaissance"],
  ["TA0042", "Resource Development"],
  ["TA0001", "Initial Access"],
  ["TA0002", "Execution"],
  ["TA0003", "Persistence"],
  ["TA0004", "Privilege Escalation"],
  ["TA0005", "Defense Evasion"],
  ["TA0006", "Credential Access"],
  ["TA0007", "Discovery"],
  ["TA0008", "Lateral Movement"],
  ["TA0009", "Collection"],
  ["TA0011", "Command and Control"],
  ["TA0010", "Exfiltration"],
  ["TA0040", "Impact"],
].map(([id, name], order) => ({ id: id!, name: name!, order }));

/** Techniques used by scenarios and detector markers. */
export const TECHNIQUES: readonly Technique[] = [
  { id: "T1059.004", name: "Command and Scripting Interpreter: Unix Shell", tactics: ["TA0002"] },
  { id: "T1053.003", name: "Scheduled Task/Job: Cron", tactics: ["TA0002", "TA0003", "TA0004"] },
  { id: "T1071.001", name: "Application Layer Protocol: Web Protocols", tactics: ["TA0011"] },
  { id: "T1078.004", name: "Valid Accounts: Cloud Accounts", tactics: ["TA0001", "TA0003", "TA0004", "TA0005"] },
  { id: "T1087.004", name: "Account Discovery: Cloud Account", tactics: ["TA0007"] },
  { id: "T1069.003", name: "Permission Groups Discovery: Cloud Groups", tactics: ["TA0007"] },
  { id: "T1580", name: "Cloud Infrastructure Discovery", tactics: ["TA0007"] },
  { id: "T1526", name: "Cloud Service Discovery", tactics: ["TA0007"] },
  { id: "T1619", name: "Cloud Storage Object Discovery", tactics: ["TA0007"] },
  { id: "T1098.001", name: "Account Manipulation: Additional Cloud Credentials", tactics: ["TA0003", "TA0004"] },
  { id: "T1098.003", name: "Account Manipulation: Additional Cloud Roles", tactics: ["TA0003", "TA0004"] },
  { id: "T1136.003", name: "Create Account: Cloud Account", tactics: ["TA0003"] },
  { id: "T1562.008", name: "Impair Defenses: Disable or Modify Cloud Logs", tactics: ["TA0005"] },
  { id: "T1562.001", name: "Impair Defenses: Disable or Modify Tools", tactics: ["TA0005"] },
  { id: "T1552.005", name: "Unsecured Credentials: Cloud Instance Metadata API", tactics: ["TA0006"] },
  { id: "T1528", name: "Steal Application Access Token", tactics: ["TA0006"] },
  { id: "T1555.006", name: "Credentials from Password Stores: Cloud Secrets Management Stores", tactics: ["TA0006"] },
  { id: "T1530", name: "Data from Cloud Storage", tactics: ["TA0009"] },
  { id: "T1537", name: "Transfer Data to Cloud Account", tactics: ["TA0010"] },
  { id: "T1567", name: "Exfiltration Over Web Service", tactics: ["TA0010"] },
  { id: "T1496", name: "Resource Hijacking", tactics: ["TA0040"] },
  { id: "T1485", name: "Data Destruction", tactics: ["TA0040"] },
  { id: "T1486", name: "Data Encrypted for Impact", tactics: ["TA0040"] },
  { id: "T1531", name: "Account Access Removal", tactics: ["TA0040"] },
  { id: "T1578.002", name: "Modify Cloud Compute Infrastructure: Create Cloud Instance", tactics: ["TA0005"] },
  { id: "T1578.001", name: "Modify Cloud Compute Infrastructure: Create Snapshot", tactics: ["TA0005"] },
  { id: "T1535", name: "Unused/Unsupported Cloud Regions", tactics: ["TA0005"] },
  { id: "T1562.007", name: "Impair Defenses: Disable or Modify Cloud Firewall", tactics: ["TA0005"] },
  { id: "T1550.001", name: "Use Alternate Authentication Material: Application Access Token", tactics: ["TA0005", "TA0008"] },
];

const tacticById = new Map(TACTICS.map((t) => [t.id, t]));
const techniqueById = new Map(TECHNIQUES.map((t) => [t.id, t]));

/** The tactic with this id, or undefined. */
export function tactic(id: string): Tactic | undefined {
  return tacticById.get(id);
}

/** The technique with this id, or undefined. */
export function technique(id: string): Technique | undefined {
  return techniqueById.get(id);
}

/** Kill-chain position of a tactic id; throws on an unknown id so typos surface early. */
export function tacticOrder(id: string): number {
  const t = tacticById.get(id);
  if (!t) throw new Error(`unknown ATT&CK tactic id "${id}"; known: ${TACTICS.map((x) => x.id).join(", ")}`);
  return t.order;
}
