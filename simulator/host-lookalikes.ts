/**
 * Benign host activity that looks like an attacker's foothold, so that no host pattern the EC2
 * scenarios use is attack-only: connections by address with no lookup (NTP servers, the
 * organisation's package mirror and monitoring collector), lookups of customers' webhook
 * endpoints on any TLD, agents' heartbeats at a fixed period, installers and build tools run from
 * /tmp, `curl | sh` install scripts, `/dev/tcp` waits and metadata queries in deploy scripts, and
 * services on the ports miners and reverse shells use (Selenium Grid on 4444, adb on 5555…).
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

/** Observations of one instance drawn from `rng`: processes, lookups, connections (with their local port) and files. */
function hostEmitter(rng: Rng, accountId: string, instance: Instance, sink: HostSink) {
  const base = { accountId, instance };
  return {
    proc: (p: Omit<HostProcess, "pid">, parent?: string): HostProcess => ({ ...p, pid: rng.int(1000, 60000), ...(parent ? { parent: { pid: rng.int(300, 999), name: parent } } : {}) }),
    connect: (time: number, process: HostProcess, peerIp: string, peerPort: number, bytesOut: number, bytesIn: number, opts: { udp?: boolean; hostname?: string } = {}): number => {
      const uid = rng.uuid();
      const localPort = rng.int(32768, 60999);
      sink({ kind: "connect", time, ...base, uid, direction: "egress", peerIp, peerPort, localPort, protocol: opts.udp ? 17 : 6, bytesOut, bytesIn, process, ...(opts.hostname ? { hostname: opts.hostname } : {}) });
      return localPort;
    },
    lookup: (time: number, process: HostProcess, name: string): string => {
      const answers = resolveName(name);
      sink({ kind: "dns", time, ...base, uid: rng.uuid(), name, type: "A", answers, rcode: "NOERROR", srcPort: rng.int(32768, 60999), process });
      return answers[0]!;
    },
    run: (time: number, process: HostProcess) => sink({ kind: "process", time, ...base, uid: rng.uuid(), process }),
    write: (time: number, process: HostProcess, path: string) => sink({ kind: "file", time, ...base, uid: rng.uuid(), path, activity: "Create", process }),
  };
}

/** One instance's look-alike activity on day `day` of the period. */
export function generateLookalikeHostDay(seed: number, account: SimAccount, instance: Instance, day: number, periodStart: number, sink: HostSink): void {
  const rng = new Rng(seed, `host/${instance.id}/day/${day}/lookalikes`);
  const peers = orgPeers(seed);
  const profile = profileOf(seed, instance, peers);
  const dayStart = periodStart + day * DAY;
  const { proc, connect, lookup, run, write } = hostEmitter(rng, account.id, instance, sink);

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
  oddPortDay(seed, account, instance, day, dayStart, sink);

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

/** A service the estate runs on a port miners and reverse shells use too. */
interface OddPortService {
  port: number;
  /** What listens on the instance of the VPC that hosts it. */
  server: Omit<HostProcess, "pid">;
  /** What connects to it at `host`, an address or a name, and the parent that runs it. */
  client(host: string): Omit<HostProcess, "pid">;
  launchedBy: string;
  /** The same service outside the estate, reached by name; else a partner's host. */
  external?: string;
  /** Typical bytes sent and received by one connection. */
  bytes: [sent: number, received: number];
}

const ODD_PORT_SERVICES: readonly OddPortService[] = [
  // Post-deploy smoke tests drive a remote browser: the team's Selenium Grid hub, or Sauce Labs' WebDriver endpoint, both on 4444.
  {
    port: 4444,
    server: { name: "java", path: "/usr/bin/java", cmdLine: "java -jar /opt/selenium/selenium-server-4.21.0.jar hub", user: "selenium" },
    client: (host) => ({ name: "python3", path: "/usr/bin/python3", cmdLine: `python3 -m pytest tests/smoke --driver Remote --selenium-host ${host} --selenium-port 4444`, user: "app" }),
    launchedBy: "bash",
    external: "ondemand.saucelabs.com",
    bytes: [15_000, 250_000],
  },
  // A Node API left on its framework's default port (AdonisJS serves on 3333): a team's or a partner's staging.
  {
    port: 3333,
    server: { name: "node", path: "/usr/bin/node", cmdLine: "node build/server.js", user: "app" },
    client: () => APP,
    launchedBy: "systemd",
    bytes: [3_000, 20_000],
  },
  // Android builds are installed on an emulator or a device farm's phones over adb's TCP port.
  {
    port: 5555,
    server: { name: "qemu-system-x86_64", path: "/opt/android-sdk/emulator/qemu/linux-x86_64/qemu-system-x86_64", cmdLine: "/opt/android-sdk/emulator/qemu/linux-x86_64/qemu-system-x86_64 -avd ci-pixel -no-window", user: "ci" },
    client: (host) => ({ name: "adb", path: "/opt/android-sdk/platform-tools/adb", cmdLine: `adb -s ${host}:5555 install -r app/build/outputs/apk/release/app-release.apk`, user: "ci" }),
    launchedBy: "bash",
    bytes: [2_000_000, 20_000],
  },
  // supervisord's HTTP interface on its documented port, queried by ops scripts.
  {
    port: 9001,
    server: { name: "supervisord", path: "/usr/bin/supervisord", cmdLine: "/usr/bin/supervisord -c /etc/supervisord.conf", user: "root" },
    client: (host) => ({ name: "supervisorctl", path: "/usr/bin/supervisorctl", cmdLine: `supervisorctl -s http://${host}:9001 status`, user: "root" }),
    launchedBy: "bash",
    bytes: [400, 2_000],
  },
  // An in-house pricing engine, or a partner's market-data gateway, on the port its owners chose.
  {
    port: 14444,
    server: { name: "java", path: "/usr/lib/jvm/java-17-amazon-corretto/bin/java", cmdLine: "java -Xmx4g -jar /opt/pricing/engine.jar --port 14444", user: "app" },
    client: () => APP,
    launchedBy: "systemd",
    bytes: [2_000, 60_000],
  },
];

/** Partners' staging and sandbox hosts, by name; the estate's integrations reach them on whatever port they serve. */
function partnerHosts(seed: number): string[] {
  const rng = new Rng(seed, "host/partners");
  return Array.from({ length: 6 }, () => `${rng.pick(["staging", "sandbox", "uat", "dev-api"])}.${rng.pick(BRANDS)}.${rng.pick(WEBHOOK_TLDS)}`);
}

/**
 * An instance's use of one odd-port service, on some days: a few sessions in working hours, each
 * a handful of connections to a peer instance of its VPC by address (whose flow logs show the
 * other side) or to the service outside by name. Instances of an account take the services in
 * turn, so a few accounts use them all.
 */
function oddPortDay(seed: number, account: SimAccount, instance: Instance, day: number, dayStart: number, sink: HostSink): void {
  const offset = new Rng(seed, `host/${account.id}/odd-ports`).int(0, ODD_PORT_SERVICES.length - 1);
  const service = ODD_PORT_SERVICES[(account.instances.indexOf(instance) + offset) % ODD_PORT_SERVICES.length]!;
  const setup = new Rng(seed, `host/${instance.id}/odd-ports`);
  const vpcPeers = account.instances.filter((i) => i.vpcId === instance.vpcId && i.id !== instance.id);
  const peer = vpcPeers.length > 0 ? setup.pick(vpcPeers) : undefined;
  const external = service.external ?? setup.pick(partnerHosts(seed));

  const rng = new Rng(seed, `host/${instance.id}/day/${day}/odd-ports`);
  if (!rng.chance(0.4)) return;
  const { proc, connect, lookup, run } = hostEmitter(rng, account.id, instance, sink);
  const bytes = (typical: number) => Math.round(rng.logNormal(typical, 0.6));
  for (let s = 1 + Math.min(2, rng.poisson(0.7)); s > 0; s--) {
    let t = dayStart + rng.between(7, 20) * HOUR;
    const inside = peer && rng.chance(0.5) ? peer : undefined;
    const client = proc(service.client(inside ? inside.privateIp : external), service.launchedBy);
    run(t, client);
    const ip = inside ? inside.privateIp : lookup(t + 50, client, external);
    const server: HostProcess = { ...service.server, pid: rng.int(1000, 60000) };
    for (let n = rng.int(2, 6); n > 0; n--, t += rng.between(2, 90) * 1000) {
      const sent = bytes(service.bytes[0]);
      const received = bytes(service.bytes[1]);
      const localPort = connect(t + 100, client, ip, service.port, sent, received, inside ? {} : { hostname: external });
      if (inside) sink({ kind: "connect", time: t + 100, accountId: account.id, instance: inside, uid: rng.uuid(), direction: "ingress", peerIp: instance.privateIp, peerPort: localPort, localPort: service.port, protocol: 6, bytesOut: received, bytesIn: sent, process: server });
    }
  }
}
