/**
 * What happens on an EC2 instance, as observations from which the network and host telemetry is
 * derived: DNS lookups, connections and processes. Benign instances resolve and call AWS
 * endpoints and partner APIs, serve traffic from their load balancer, talk to their database and
 * run their cron jobs; every (instance, day) has its own random stream. Activity that resembles
 * an attacker's foothold lives in host-lookalikes.ts.
 */
import type { Instance } from "../schema/inventory.ts";
import { DAY, HOUR } from "./clock.ts";
import { cidrRange, numberToIp, rangesOf } from "./networks.ts";
import { Rng } from "./rng.ts";
import type { SimAccount, World } from "./world-types.ts";

/** A process on the host. */
export interface HostProcess {
  pid: number;
  name: string;
  path: string;
  cmdLine: string;
  user: string;
  parent?: { pid: number; name: string };
}

/** One observation on a host; `uid` is the OCSF uid of the runtime event it becomes. */
export type HostEvent =
  | { kind: "dns"; time: number; accountId: string; instance: Instance; uid: string; name: string; type: "A" | "AAAA" | "TXT"; answers: string[]; rcode: "NOERROR" | "NXDOMAIN"; srcPort: number; process: HostProcess }
  | { kind: "connect"; time: number; accountId: string; instance: Instance; uid: string; direction: "egress" | "ingress"; peerIp: string; peerPort: number; localPort: number; protocol: 6 | 17; bytesOut: number; bytesIn: number; process: HostProcess; hostname?: string; rejected?: boolean }
  | { kind: "process"; time: number; accountId: string; instance: Instance; uid: string; process: HostProcess }
  | { kind: "file"; time: number; accountId: string; instance: Instance; uid: string; path: string; activity: "Create" | "Update" | "Delete"; process: HostProcess };

/** Where observations go. */
export type HostSink = (e: HostEvent) => void;

/**
 * A stable answer for a name: AWS endpoints resolve into AWS space, other names into hosting
 * space, always the same addresses for the same name (as a resolver would, within TTLs).
 */
export function resolveName(name: string): string[] {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  const pool = name.endsWith(".amazonaws.com") ? rangesOf("aws", "US") : rangesOf("hosting");
  const range = pool[h % pool.length]!;
  const { first, size } = cidrRange(range.cidr);
  return [numberToIp(first + 1 + (h % Math.max(1, size - 2)))];
}

const SYSTEM: Omit<HostProcess, "pid">[] = [
  { name: "amazon-ssm-agent", path: "/usr/bin/amazon-ssm-agent", cmdLine: "/usr/bin/amazon-ssm-agent", user: "root" },
  { name: "java", path: "/usr/lib/jvm/java-17-amazon-corretto/bin/java", cmdLine: "java -Xmx2g -jar /opt/app/service.jar", user: "app" },
];
const CRON: Omit<HostProcess, "pid">[] = [
  { name: "python3", path: "/usr/bin/python3", cmdLine: "/usr/bin/python3 /opt/jobs/export_report.py --since 1h", user: "app" },
  { name: "logrotate", path: "/usr/sbin/logrotate", cmdLine: "/usr/sbin/logrotate /etc/logrotate.conf", user: "root" },
  { name: "dnf", path: "/usr/bin/dnf", cmdLine: "/usr/bin/dnf -q check-update", user: "root" },
  { name: "aws", path: "/usr/local/bin/aws", cmdLine: "aws s3 sync /var/log/app s3://logs/app/ --quiet", user: "app" },
];
const SHELLS: Omit<HostProcess, "pid">[] = [
  { name: "curl", path: "/usr/bin/curl", cmdLine: "curl -fsS http://localhost:8080/health", user: "app", parent: { pid: 812, name: "crond" } },
  { name: "bash", path: "/usr/bin/bash", cmdLine: "bash /opt/deploy/pull_release.sh", user: "root", parent: { pid: 1, name: "systemd" } },
  { name: "sh", path: "/usr/bin/sh", cmdLine: "sh -c /var/lib/amazon/ssm/i-instance/document/orchestration/run-command/_script.sh", user: "root", parent: { pid: 2201, name: "ssm-document-worker" } },
  { name: "crontab", path: "/usr/bin/crontab", cmdLine: "crontab /opt/deploy/app.cron", user: "app", parent: { pid: 1, name: "bash" } },
];
const PARTNERS = ["api.stripe.com", "hooks.slack.com", "api.github.com", "sentry.io", "api.datadoghq.com"];

/** The database an instance's application talks to, inside its VPC. */
export function databaseIp(account: SimAccount, instance: Instance): string {
  const vpcCidr = account.vpcs.find((v) => v.id === instance.vpcId)?.cidr ?? "10.0.0.0/16";
  return numberToIp(cidrRange(vpcCidr).first + 256 * 100 + 25);
}

function awsEndpoints(region: string): string[] {
  return ["s3", "sts", "kms", "ssm", "logs", "monitoring", "secretsmanager"].map((s) => `${s}.${region}.amazonaws.com`);
}

/** One instance's benign host activity on day `day` of the period. */
export function generateHostDay(world: World, account: SimAccount, instance: Instance, day: number, periodStart: number, sink: HostSink): void {
  const rng = new Rng(world.seed, `host/${instance.id}/day/${day}`);
  const dayStart = periodStart + day * DAY;
  const pidOf = (p: Omit<HostProcess, "pid">, salt: number) => ({ ...p, pid: 1000 + ((salt * 7919 + p.name.length * 131) % 60000) });
  const app = pidOf(SYSTEM[1]!, 1);
  const agent = pidOf(SYSTEM[0]!, 2);
  const names = [...awsEndpoints(instance.region), ...rng.sample(PARTNERS, rng.int(1, 3)), `amazonlinux-2-repos-${instance.region}.s3.dualstack.${instance.region}.amazonaws.com`];
  const vpcCidr = account.vpcs.find((v) => v.id === instance.vpcId)?.cidr ?? "10.0.0.0/16";
  const { first } = cidrRange(vpcCidr);
  const lb = [numberToIp(first + 256 * 200 + 10), numberToIp(first + 256 * 201 + 10)];
  const db = databaseIp(account, instance);
  for (let h = 0; h < 24; h++) {
    const hourStart = dayStart + h * HOUR;
    const load = 1 + 0.6 * Math.sin(((h - 8) / 24) * 2 * Math.PI);
    // Lookups follow cache expiry: each endpoint a few times an hour.
    for (const name of names) {
      const lookups = name.includes("amazonaws") ? rng.poisson(2 * load) : rng.poisson(0.5 * load);
      for (let i = 0; i < lookups; i++) {
        const time = hourStart + rng.next() * HOUR;
        const process = name.includes("repos") ? pidOf(CRON[2]!, h) : name.startsWith("ssm.") ? agent : app;
        const answers = resolveName(name);
        sink({ kind: "dns", time, accountId: account.id, instance, uid: rng.uuid(), name, type: "A", answers, rcode: "NOERROR", srcPort: rng.int(32768, 60999), process });
        sink({ kind: "connect", time: time + 20, accountId: account.id, instance, uid: rng.uuid(), direction: "egress", peerIp: answers[0]!, peerPort: 443, localPort: rng.int(32768, 60999), protocol: 6, bytesOut: Math.round(rng.logNormal(6_000, 1)), bytesIn: Math.round(rng.logNormal(20_000, 1.2)), process, hostname: name });
      }
    }
    if (rng.chance(0.02)) {
      const bogus = `${rng.hex(8)}.internal.example.com`;
      sink({ kind: "dns", time: hourStart + rng.next() * HOUR, accountId: account.id, instance, uid: rng.uuid(), name: bogus, type: "A", answers: [], rcode: "NXDOMAIN", srcPort: rng.int(32768, 60999), process: app });
    }
    // Requests from the load balancer and queries to the database, aggregated per client port.
    for (let i = rng.poisson(6 * load); i > 0; i--) {
      sink({ kind: "connect", time: hourStart + rng.next() * HOUR, accountId: account.id, instance, uid: rng.uuid(), direction: "ingress", peerIp: rng.pick(lb), peerPort: rng.int(1024, 65535), localPort: 8080, protocol: 6, bytesOut: Math.round(rng.logNormal(80_000, 1)), bytesIn: Math.round(rng.logNormal(9_000, 0.8)), process: app });
    }
    for (let i = rng.poisson(3 * load); i > 0; i--) {
      sink({ kind: "connect", time: hourStart + rng.next() * HOUR, accountId: account.id, instance, uid: rng.uuid(), direction: "egress", peerIp: db, peerPort: 5432, localPort: rng.int(32768, 60999), protocol: 6, bytesOut: Math.round(rng.logNormal(4_000, 0.8)), bytesIn: Math.round(rng.logNormal(30_000, 1)), process: app });
    }
    // Internet background noise: scans of the instance that its security group drops.
    if (rng.chance(0.3)) {
      const scanner = rangesOf(rng.pick(["hosting", "isp"] as const));
      const ip = numberToIp(cidrRange(rng.pick(scanner).cidr).first + rng.int(1, 60000));
      sink({ kind: "connect", time: hourStart + rng.next() * HOUR, accountId: account.id, instance, uid: rng.uuid(), direction: "ingress", peerIp: ip, peerPort: rng.int(1024, 65535), localPort: rng.pick([22, 3389, 23, 445]), protocol: 6, bytesOut: 0, bytesIn: 60, process: app, rejected: true });
    }
    for (const job of CRON) {
      if (job.name === "dnf" ? h === 4 : job.name === "logrotate" ? h === 3 : rng.chance(0.9)) {
        const time = hourStart + rng.between(0, 120) * 1000;
        const process = { ...pidOf(job, h * 10 + job.name.length), parent: { pid: 812, name: "crond" } };
        sink({ kind: "process", time, accountId: account.id, instance, uid: rng.uuid(), process });
        const written = job.name === "logrotate" ? `/var/log/app/service.log-${h}.gz` : job.name === "dnf" ? "/var/cache/dnf/amazonlinux.solv" : job.name === "python3" ? `/opt/jobs/out/report-${h}.csv` : undefined;
        if (written) sink({ kind: "file", time: time + 500, accountId: account.id, instance, uid: rng.uuid(), path: written, activity: job.name === "dnf" ? "Update" : "Create", process });
      }
    }
    // Health checks, now and then a deploy script or an SSM Run Command shell, and the SDK
    // refreshing role credentials from the instance metadata service.
    if (rng.chance(0.8)) sink({ kind: "process", time: hourStart + rng.between(0, 3600) * 1000, accountId: account.id, instance, uid: rng.uuid(), process: pidOf(SHELLS[0]!, h) });
    if (rng.chance(0.03)) {
      const shell = rng.pick(SHELLS.slice(1));
      const time = hourStart + rng.between(0, 3600) * 1000;
      sink({ kind: "process", time, accountId: account.id, instance, uid: rng.uuid(), process: pidOf(shell, h + 7) });
      if (shell.name === "crontab") sink({ kind: "file", time: time + 300, accountId: account.id, instance, uid: rng.uuid(), path: "/var/spool/cron/app", activity: "Update", process: pidOf(shell, h + 7) });
    }
    if (rng.chance(0.9)) {
      sink({ kind: "connect", time: hourStart + rng.between(0, 3600) * 1000, accountId: account.id, instance, uid: rng.uuid(), direction: "egress", peerIp: "169.254.169.254", peerPort: 80, localPort: rng.int(32768, 60999), protocol: 6, bytesOut: 420, bytesIn: 1400, process: app });
    }
  }
}
