/**
 * User-agent families: the tool behind a call, without its versions, so behaviour models see
 * "aws-cli" rather than thousands of distinct version strings.
 */

/** Ordered rules: the first that matches the lower-cased user agent names the family. */
const RULES: readonly [family: string, test: (ua: string) => boolean][] = [
  // Penetration-testing distributions leave their kernel name in SDK user agents.
  ["kali", (ua) => ua.includes("kali")],
  ["parrot", (ua) => ua.includes("parrot")],
  ["pentoo", (ua) => ua.includes("pentoo")],
  ["terraform", (ua) => ua.includes("terraform")],
  ["cloudformation", (ua) => ua.startsWith("cloudformation.amazonaws.com") || ua.includes("aws cloudformation")],
  ["console", (ua) => ua === "aws internal" || ua.startsWith("signin.amazonaws.com") || ua.startsWith("console.amazonaws.com") || ua.includes("console.aws.amazon.com")],
  ["aws-cli", (ua) => ua.startsWith("aws-cli/")],
  ["boto3", (ua) => ua.startsWith("boto3/")],
  ["botocore", (ua) => ua.startsWith("botocore/")],
  ["aws-sdk-go", (ua) => ua.includes("aws-sdk-go")],
  ["aws-sdk-java", (ua) => ua.includes("aws-sdk-java")],
  ["aws-sdk-js", (ua) => ua.includes("aws-sdk-js") || ua.includes("aws-sdk-nodejs")],
  ["aws-internal", (ua) => /^[a-z0-9.-]+\.amazonaws\.com$/.test(ua) || ua.startsWith("aws internal")],
  ["python-requests", (ua) => ua.startsWith("python-requests/")],
  ["curl", (ua) => ua.startsWith("curl/")],
  ["browser", (ua) => ua.startsWith("mozilla/") || ua.startsWith("opera/")],
];

/** Distinct user agents are few in practice; the bound only guards against hostile input. */
const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

/**
 * The family of a user agent: `kali`, `parrot`, `pentoo` (tell-tales), `terraform`,
 * `cloudformation`, `console`, `aws-cli`, `boto3`, `botocore`, `aws-sdk-go`, `aws-sdk-java`,
 * `aws-sdk-js`, `aws-internal` (an AWS service calling), `python-requests`, `curl`, `browser`, or
 * `other`. Parsed once per distinct string.
 */
export function agentFamily(userAgent: string): string {
  let family = cache.get(userAgent);
  if (family === undefined) {
    const ua = userAgent.trim().toLowerCase();
    family = RULES.find(([, test]) => test(ua))?.[0] ?? "other";
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(userAgent, family);
  }
  return family;
}

/** Families of AWS's own software calling for someone (the console's backend, a service): no caller's device. */
const AWS_SIDE_FAMILIES = new Set(["console", "aws-internal", "cloudformation"]);
/** Per-call parts the AWS CLI appends to its user agent: v2's `md/command#s3.cp`, v1's `command/s3.cp`. */
const PER_CALL = / (?:md\/command#|command\/)\S+/g;
const installations = new Map<string, string | null>();

/**
 * The client installation behind a user agent — the tool, its versions and its platform, as on
 * every call it makes — or undefined for AWS's own software, which is no caller's device. The AWS
 * CLI's per-call command is cut, and the brackets CloudTrail sometimes puts around a browser's
 * string dropped, so one installation reads the same on every call. Parsed once per distinct string.
 */
export function clientInstallation(userAgent: string): string | undefined {
  let installation = installations.get(userAgent);
  if (installation === undefined) {
    const ua = userAgent.trim().replace(/^\[(.*)\]$/, "$1");
    installation = AWS_SIDE_FAMILIES.has(agentFamily(ua)) || ua.toLowerCase().includes("aws-internal/") ? null : ua.replace(PER_CALL, "");
    if (installations.size >= CACHE_LIMIT) installations.clear();
    installations.set(userAgent, installation);
  }
  return installation ?? undefined;
}

/** Families {@link agentFamily} names after a penetration-testing distribution. */
const PENTEST_FAMILIES = new Set(["kali", "parrot", "pentoo"]);
/** Penetration-testing distributions and offensive AWS tooling, as they show in a user agent. */
const OFFENSIVE_TOOLING = /kali|parrot|pentoo|blackarch|pacu|cloudfox|weirdaal|stratus-red-team/i;
const offensive = new Map<string, boolean>();

/**
 * Whether a call came from a penetration-testing distribution (Kali, Parrot, Pentoo, BlackArch)
 * or offensive AWS tooling (Pacu, CloudFox, WeirdAAL, Stratus Red Team), by its user-agent family
 * or string: the tell-tales behind GuardDuty's PenTest findings. Each string is tested once.
 */
export function isOffensiveTooling(family: string | undefined, userAgent: string | undefined): boolean {
  if (family !== undefined && PENTEST_FAMILIES.has(family)) return true;
  if (userAgent === undefined) return false;
  let hit = offensive.get(userAgent);
  if (hit === undefined) {
    hit = OFFENSIVE_TOOLING.test(userAgent);
    if (offensive.size >= CACHE_LIMIT) offensive.clear();
    offensive.set(userAgent, hit);
  }
  return hit;
}
