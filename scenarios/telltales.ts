/**
 * The only attack-only artifacts the simulator may emit: tell-tale traces real attackers sometimes
 * leave: pentest user agents, SDK default session names, and attacker addresses listed in the
 * intel feed. Together they mark at most half of attack instances (scenarios draw them with
 * {@link TELLTALE_RATE}, intel with {@link TELLTALE_INTEL_RATE}; a test checks the share), so a
 * detector cannot lean on them.
 */

/** User agents of penetration-testing distributions and offensive AWS tooling. */
export const TELLTALE_USER_AGENTS: readonly string[] = [
  "aws-cli/1.22.34 Python/3.9.11 Linux/5.15.0-kali3-amd64 botocore/1.24.21",
  "Boto3/1.24.59 Python/3.10.7 Linux/6.0.0-kali3-amd64 Botocore/1.27.59",
  "aws-cli/1.19.1 Python/3.9.2 Linux/5.10.0-parrot1-amd64 botocore/1.20.0",
  "Boto3/1.26.4 Python/3.11.2 Linux/6.1.0-kali7-amd64 Botocore/1.29.4 Pacu/1.5.1",
];

/** Role-session names SDKs pick when a script does not name its session: benign code names its own. */
export const TELLTALE_SESSION_NAME_PREFIXES: readonly string[] = ["botocore-session-", "aws-go-sdk-"];

/** The share of attack instances that use a tell-tale user agent or session name. */
export const TELLTALE_RATE = 0.25;

/** The chance that threat intel lists an attacker address (as a known-bad IP): a tell-tale too. */
export const TELLTALE_INTEL_RATE = 0.2;
