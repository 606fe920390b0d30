/**
 * Benign host activity that looks like an attacker's foothold, so that no host pattern the EC2
 * scenarios use is attack-only: connections by address with no lookup (NTP servers, the
 * organisation's package mirror and monitoring collector), lookups of customers' webhook
 * endpoints on any TLD, agents' heartbeats at a fixed period, installers and build tools run from
 * /tmp, `curl | sh` install scripts, `/dev/tcp` waits and metadata queries in deploy scripts.
 */
import type { Instance } from "../schema/inventory.ts";
import { DAY, HOUR } from "./clock.ts";
import { databaseIp, resolveName, type HostProcess, type HostSink } from "./host.ts";
import { randomIpIn, rangesOf } from "./networks.ts";
import { Rng } from "./rng.ts";
import type { SimAccount } from "./world-types.ts";

/** Addresses the whole organisation's instances reach by IP, and its customers' webhook endpoints. */
interface OrgPeers {
  mirror: string;
  collector: string;
  ntp: string[];
  webhooks: string[];
}

/** Customers host their webhook receivers anywhere: every TLD the EC2 scenarios resolve, and more. */
const WEBHOOK_TLDS = ["com", "io", "co", "dev", "app", "cloud", "xyz", "top", "online", "site", "pro", "stream", "org", "net", "shop", "tech"];
const BRANDS = ["northwind", "globex", "initech", "hooli", "vandelay", "wonka", "tyrell", "soylent", "aperture", "contoso", "fabrikam", "pied", "kestrel", "lumen"];
const ENDPOINTS = ["hooks", "api", "events", "notify", "webhook", "ingest", "sync", "cdn"];

function orgPeers(seed: number): OrgPeers {
  const rng = new Rng(seed, "host/peers");
  const hosting = () => randomIpIn(rng.pick(rangesOf("hosting")).cidr, rng);
  return {
    mirror: hosting(),
    collector: hosting(),
    ntp: [hosting(), hosting()],
    // Generated host names (`events-3fa9c.online`) as well as branded ones (`hooks.globex.xyz`).
    webhooks: WEBHOOK_TLDS.map((tld) => (rng.chance(0.4) ? `${rng.pick(ENDPOINTS)}-${rng.hex(5)}.${tld}` : `${rng.pick(ENDPOINTS)}.${rng.pick(BRANDS)}.${tld}`)),
  };
}

/** What runs on an instance all period long: a monitoring agent, chrony, the webhook dispatcher. */
interface InstanceProfile {
  /** Heartbeat period of the monitoring agent (ms), when the instance has one. */
  heartbeat?: number;
  heartbeatPhase: number;
  ntp?: string;
  webhooks: boolean;
}

function profileOf(seed: number, instance: Instance, peers: OrgPeers): InstanceProfile {
  const rng = new Rng(seed, `host/${instance.id}/profile`);
  return {
    ...(rng.chance(0.4) ? { heartbeat: rng.weighted([60, 300, 600], [0.15, 0.5, 0.35]) * 1000 } : {}),
    heartbeatPhase: rng.between(0, 60_000),
    ...(rng.chance(0.3) ? { ntp: rng.pick(peers.ntp) } : {}),
    webhooks: rng.chance(0.6),
  };
}

const AGENT: Omit<HostProcess, "pid"> = { name: "agent", path: "/opt/monitoring/bin/agent", cmdLine: "/opt/monitoring/bin/agent --config /etc/monitoring/agent.yaml", user: "root" };
const CHRONY: Omit<HostProcess, "pid"> = { name: "chronyd", path: "/usr/sbin/chronyd", cmdLine: "/usr/sbin/chronyd -F 2", user: "chrony" };
const APP: Omit<HostProcess, "pid"> = { name: "java", path: "/usr/lib/jvm/java-17-amazon-corretto/bin/java", cmdLine: "java -Xmx2g -jar /opt/app/service.jar", user: "app" };

/** One instance's look-alike activity on day `day` of the period. */
export function generateLookalikeHostDay(seed: number, account: SimAccount, instance: Instance, day: number, periodStart: number, sink: HostSink): void {
  const rng = new Rng(seed, `host/${instance.id}/day/${day}/lookalikes`);
  const peers = orgPeers(seed);
  const profile = profileOf(seed, instance, peers);
  const dayStart = periodStart + day * DAY;
  const base = { accountId: account.id, instance };
  const proc = (p: Omit<HostProcess, "pid">, parent?: string): HostProcess => ({ ...p, pid: rng.int(1000, 60000), ...(parent ? { parent: { pid: rng.int(300, 999), name: parent } } : {}) });
  const connect = (time: number, process: HostProcess, peerIp: string, peerPort: number, bytesOut: number, bytesIn: number, opts: { udp?: boolean; hostname?: string } = {}) =>
    sink({ kind: "connect", time, ...base, uid: rng.uuid(), direction: "egress", peerIp, peerPort, localPort: rng.int(32768, 60999), protocol: opts.udp ? 17 : 6, bytesOut, bytesIn, process, ...(opts.hostname ? { hostname: opts.hostname } : {}) });
  const lookup = (time: number, process: HostProcess, name: string) => {
    const answers = resolveName(name);
    sink({ kind: "dns", time, ...base, uid: rng.uuid(), name, type: "A", answers, rcode: "NOERROR", srcPort: rng.int(32768, 60999), process });
    return answers[0]!;
  };
  const run = (time: number, process: HostProcess) => sink({ kind: "process", time, ...base, uid: rng.uuid(), process });
  const write = (time: number, process: HostProcess, path: string) => sink({ kind: "file", time, ...base, uid: rng.uuid(), path, activity: "Create", process });

  // The agent posts metrics to the collector, configured by address, at a fixed period with a little jitter.
  if (profile.heartbeat) {
    const agent = proc(AGENT, "systemd");
    for (let t = dayStart + profile.heartbeatPhase; t < dayStart + DAY; t += profile.heartbeat * rng.between(0.95, 1.05)) {
      connect(t, agent, peers.collector, 8443, rng.int(1_500, 4_000), rng.int(300, 800));
    }
  }
  // chrony polls a server given by address every 1024 s.
  if (profile.ntp) {
    const chrony = proc(CHRONY, "systemd");
    for (let t = dayStart + rng.between(0, 1024_000); t < dayStart + DAY; t += 1024_000) connect(t, chrony, profile.ntp, 123, 90, 90, { udp: true });
  }
  // Webhook deliveries to customers' endpoints, resolved as they are sent.
  if (profile.webhooks) {
    const app = proc(APP, "systemd");
    for (let h = 0; h < 24; h++) {
      for (let i = rng.poisson(1); i > 0; i--) {
        const time = dayStart + h * HOUR + rng.next() * HOUR;
        const name = rng.pick(peers.webhooks);
        connect(time + 20, app, lookup(time, app, name), 443, rng.int(800, 6_000), rng.int(200, 1_200), { hostname: name });
      }
    }
  }
  // Now and then, in working hours, a deploy or an install.
  const at = () => dayStart + rng.between(8, 18) * HOUR;
  if (rng.chance(0.15)) deploy(at());
  if (rng.chance(0.1)) install(at());

  /** A deploy script: waits for the database over /dev/tcp, asks IMDS who it is, runs migrations from /tmp. */
  function deploy(t: number): void {
    const script = proc({ name: "bash", path: "/usr/bin/bash", cmdLine: "bash /opt/deploy/release.sh", user: "root" }, "ssm-document-worker");
    run(t, script);
    const db = databaseIp(account, instance);
    run(t + 500, proc({ name: "bash", path: "/usr/bin/bash", cmdLine: `bash -c until echo > /dev/tcp/${db}/5432; do sleep 1; done`, user: "root" }, "bash"));
    connect(t + 600, script, db, 5432, 60, 60);
    const token = proc({ name: "curl", path: "/usr/bin/curl", cmdLine: "curl -s -X PUT http://169.254.169.254/latest/api/token -H X-aws-ec2-metadata-token-ttl-seconds: 21600", user: "root" }, "bash");
    run(t + 1_000, token);
    connect(t + 1_100, token, "169.254.169.254", 80, 300, 200);
    const query = proc({ name: "curl", path: "/usr/bin/curl", cmdLine: `curl -s http://169.254.169.254/latest/meta-data/${rng.pick(["instance-id", "placement/region", "local-ipv4"])}`, user: "root" }, "bash");
    run(t + 1_500, query);
    connect(t + 1_600, query, "169.254.169.254", 80, 300, 200);
    // Migration tools run from a temporary build or the npx cache (HOME=/tmp in the deploy user's environment).
    const tool = rng.chance(0.5)
      ? { path: `/tmp/.npm/_npx/${rng.hex(16)}/node_modules/.bin/prisma`, args: "migrate deploy", registry: "registry.npmjs.org" }
      : { path: `/tmp/go-build${rng.int(100_000_000, 999_999_999)}/b001/exe/migrate`, args: "-path db/migrations up", registry: "proxy.golang.org" };
    const migrate = proc({ name: tool.path.split("/").pop()!, path: tool.path, cmdLine: `${tool.path} ${tool.args}`, user: "app" }, "bash");
    connect(t + 3_000, migrate, lookup(t + 2_900, migrate, tool.registry), 443, rng.int(2_000, 8_000), rng.int(200_000, 20_000_000), { hostname: tool.registry });
    run(t + 9_000, migrate);
    connect(t + 9_500, migrate, db, 5432, rng.int(2_000, 20_000), rng.int(1_000, 10_000));
  }

  /** An install script piped to a shell, fetched by name or from the mirror by address, or an installer unpacked in /tmp. */
  function install(t: number): void {
    const kind = rng.pick(["docker", "agent", "mirror", "awscli"] as const);
    const shell = proc({ name: "bash", path: "/usr/bin/bash", cmdLine: "bash -c /var/lib/cloud/instance/scripts/part-001", user: "root" }, "cloud-init");
    if (kind === "awscli") {
      const curl = proc({ name: "curl", path: "/usr/bin/curl", cmdLine: "curl -fsSL https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip -o /tmp/awscliv2.zip", user: "root" }, "bash");
      run(t, curl);
      connect(t + 100, curl, lookup(t + 50, curl, "awscli.amazonaws.com"), 443, 900, rng.int(50_000_000, 60_000_000), { hostname: "awscli.amazonaws.com" });
      write(t + 4_000, curl, "/tmp/awscliv2.zip");
      run(t + 5_000, proc({ name: "unzip", path: "/usr/bin/unzip", cmdLine: "unzip -q /tmp/awscliv2.zip -d /tmp", user: "root" }, "bash"));
      run(t + 9_000, proc({ name: "install", path: "/tmp/aws/install", cmdLine: "/tmp/aws/install --update", user: "root" }, "bash"));
      return;
    }
    const [cmdLine, host] =
      kind === "docker" ? ["sh -c curl -fsSL https://get.docker.com | sh", "get.docker.com"]
      : kind === "agent" ? ["bash -c curl -sSL https://install.datadoghq.com/scripts/install_script_agent7.sh | bash", "install.datadoghq.com"]
      : [`sh -c curl -fsSL http://${peers.mirror}/bootstrap/node-exporter.sh | sh`, undefined];
    const piped = proc({ name: cmdLine.split(" ")[0]!, path: `/usr/bin/${cmdLine.split(" ")[0]!}`, cmdLine, user: "root" }, "bash");
    run(t, shell);
    run(t + 200, piped);
    const curl = proc({ name: "curl", path: "/usr/bin/curl", cmdLine: cmdLine.replace(/^(ba)?sh -c /, "").replace(/ \| (ba)?sh$/, ""), user: "root" }, piped.name);
    if (host) connect(t + 400, curl, lookup(t + 300, curl, host), 443, 600, rng.int(20_000, 80_000), { hostname: host });
    else connect(t + 400, curl, peers.mirror, 80, 300, rng.int(20_000, 80_000));
    // Install scripts check the platform, as attackers' first commands do.
    run(t + 1_000, proc({ name: "uname", path: "/usr/bin/uname", cmdLine: rng.pick(["uname -m", "uname -a"]), user: "root" }, piped.name));
    run(t + 1_200, proc({ name: "cat", path: "/usr/bin/cat", cmdLine: "cat /etc/os-release", user: "root" }, piped.name));
    if (kind === "mirror") {
      const dir = "/tmp/node_exporter-1.8.2.linux-amd64";
      write(t + 2_000, curl, `${dir}.tar.gz`);
      run(t + 3_000, proc({ name: "chmod", path: "/usr/bin/chmod", cmdLine: `chmod +x ${dir}/node_exporter`, user: "root" }, piped.name));
      run(t + 3_500, proc({ name: "node_exporter", path: `${dir}/node_exporter`, cmdLine: `${dir}/node_exporter --version`, user: "root" }, piped.name));
    }
  }
}
