/**
 * No hidden attack-only artifacts: apart from the declared tell-tales, what attacks use (networks,
 * tools, regions, event names) is also used by benign actors, attack calls fail like anyone's, and
 * role sessions can be chained to the STS call that issued them. A detector must learn behaviour,
 * not the generator.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Truth } from "../schema/truth.ts";
import { TELLTALE_SESSION_NAME_PREFIXES, TELLTALE_USER_AGENTS } from "../scenarios/telltales.ts";
import type { Intel } from "../schema/intel.ts";
import { ASN_RANGES, lookupIp } from "./networks.ts";
import { simulate } from "./run.ts";
import { readEventFiles, readJsonLines } from "./testing.ts";
import { buildWorld } from "./world.ts";

type Rec = Record<string, any>;

/** Event names only an attack may produce: the very actions a detector must flag. */
const ATTACK_ONLY_EVENT_NAMES = new Set(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]);

const family = (ua: string) => ua.replace(/ md\/command#.*$/, "").split(/[ /]/)[0]!;
const apiKey = (r: Rec) => `${String(r.eventSource).split(".")[0]}:${r.eventName}`;

let dir: string;
let truth: Truth;
let attack: Rec[];
let benign: Rec[];
let all: Rec[];
let attackIds: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seqlab-artifacts-"));
  await simulate({ config: { seed: 5, days: 10, historyDays: 5, accounts: 6, suite: "default", start: "2026-10-05" }, outDir: dir, workers: 2, command: "test" });
  truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
  attackIds = new Set(truth.campaigns.filter((c) => c.kind === "attack").flatMap((c) => c.stages.flatMap((s) => s.eventIds)));
  all = readEventFiles(dir).flatMap((f) => f.records);
  attack = all.filter((r) => attackIds.has(r.eventID));
  // Benign look-alike episodes are benign activity too: they exist to give attack moves a counterpart.
  benign = all.filter((r) => !attackIds.has(r.eventID));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("attack events carry nothing benign activity lacks", () => {
  it("has attack events to compare", () => {
    expect(attack.length).toBeGreaterThan(100);
  });

  it("uses only user-agent families benign actors use too, apart from the declared tell-tales", () => {
    const benignFamilies = new Set(benign.map((r) => family(r.userAgent)));
    const foreign = [...new Set(attack.filter((r) => !TELLTALE_USER_AGENTS.includes(r.userAgent)).map((r) => family(r.userAgent)))].filter((f) => !benignFamilies.has(f));
    expect(foreign).toEqual([]);
  });

  it("calls only regions benign actors call too", () => {
    const benignRegions = new Set(benign.map((r) => r.awsRegion));
    expect([...new Set(attack.map((r) => r.awsRegion))].filter((r) => !benignRegions.has(r))).toEqual([]);
  });

  it("makes only calls benign actors make too, except the declared attack-only actions", () => {
    const benignApis = new Set(benign.map(apiKey));
    const foreign = [...new Set(attack.map(apiKey))].filter((k) => !benignApis.has(k) && !ATTACK_ONLY_EVENT_NAMES.has(k));
    expect(foreign).toEqual([]);
  });

  it("uses only request and response fields benign events of the same call use too", () => {
    const fields = (r: Rec) => [...Object.keys(r.requestParameters ?? {}).map((k) => `req.${k}`), ...Object.keys(r.responseElements ?? {}).map((k) => `resp.${k}`)].map((f) => `${apiKey(r)} ${f}`);
    const benignFields = new Set(benign.flatMap(fields));
    const attackApisSeenBenign = new Set(benign.map(apiKey));
    const foreign = [...new Set(attack.filter((r) => attackApisSeenBenign.has(apiKey(r))).flatMap(fields))].filter((f) => !benignFields.has(f));
    expect(foreign).toEqual([]);
  });

  it("fails now and then, as benign callers do", () => {
    const share = attack.filter((r) => r.errorCode).length / attack.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.15);
  });
});

/**
 * A name's shape: digits, lowercase and uppercase letters become 9, a and A, runs collapse, and a
 * run mixing lowercase letters and digits (a hex suffix, a numbered handle) counts as digits, as
 * does a word of four or more hex letters (a hex suffix that drew no digit).
 */
const shape = (name: string) => name.replace(/(?<![a-z0-9])[a-f]{4,}(?![a-z0-9])/g, "9").replace(/[0-9]/g, "9").replace(/[a-z]/g, "a").replace(/[A-Z]/g, "A").replace(/(.)\1+/g, "$1").replace(/[a9]*9[a9]*/g, "9");

/** The names a request gives: its top-level string fields called `…Name` or `name`, by field. */
const namesIn = (r: Rec): [field: string, value: string][] => Object.entries(r.requestParameters ?? {}).filter((e): e is [string, string] => typeof e[1] === "string" && (/Name$/.test(e[0]) || e[0] === "name"));

describe("names attacks give", () => {
  it("have shapes benign requests give the same field, apart from tell-tale session names", () => {
    const benignShapes = new Set(benign.flatMap((r) => namesIn(r).map(([field, value]) => `${field} ${shape(value)}`)));
    const attackNames = attack.flatMap(namesIn).filter(([, value]) => !TELLTALE_SESSION_NAME_PREFIXES.some((p) => value.startsWith(p)));
    expect(attackNames.length).toBeGreaterThan(100);
    const foreign = [...new Set(attackNames.filter(([field, value]) => !benignShapes.has(`${field} ${shape(value)}`)).map(([field, value]) => `${field}=${value}`))];
    expect(foreign).toEqual([]);
  });

  it("reduces names to shapes", () => {
    expect(shape("svc-1a2b3")).toBe("a-9");
    expect(shape("S3BackupReplication")).toBe("A9AaAa");
    expect(shape("jane-doe3-backup-4f1c")).toBe("a-9-a-9");
    expect(shape("jane-doe3-backup-defa")).toBe("a-9-a-9");
  });
});

describe("declared tell-tales", () => {
  it("mark at most half of attack instances", () => {
    const intel = JSON.parse(readFileSync(join(dir, "intel.json"), "utf8")) as Intel;
    const bad = new Set(intel.knownBadIps.map((x) => x.ip));
    const byId = new Map(all.map((r) => [r.eventID as string, r]));
    const attacks = truth.campaigns.filter((c) => c.kind === "attack");
    const marked = attacks.filter((c) =>
      c.stages.some((st) =>
        st.eventIds.some((id) => {
          const r = byId.get(id);
          if (!r) return false;
          const session = String(r.userIdentity?.arn ?? "").split("/").pop() ?? "";
          return TELLTALE_USER_AGENTS.includes(r.userAgent) || bad.has(r.sourceIPAddress) || TELLTALE_SESSION_NAME_PREFIXES.some((p) => session.startsWith(p));
        }),
      ),
    );
    expect(attacks.length).toBeGreaterThan(20);
    expect(marked.length / attacks.length).toBeLessThanOrEqual(0.5);
    expect(marked.length).toBeGreaterThan(0);
  });
});

describe("shared infrastructure", () => {
  it("gives every hosting, VPN and Tor network at least two benign regulars, for any seed", () => {
    for (const seed of [1, 2, 3]) {
      const world = buildWorld(seed, { accounts: 6, days: 6 });
      const users = new Map<string, number>();
      for (const p of world.principals) for (const asn of new Set(p.networks.items.map((ip) => lookupIp(ip)?.cidr))) if (asn) users.set(asn, (users.get(asn) ?? 0) + 1);
      for (const r of ASN_RANGES.filter((x) => x.usage === "hosting" || x.usage === "vpn" || x.usage === "tor")) {
        expect(users.get(r.cidr) ?? 0, `${r.org} ${r.cidr} (seed ${seed})`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe("role sessions chain to the call that issued them", () => {
  it("issues, in an STS response of the run, the keys of nearly every non-SSO role session", () => {
    const issued = new Set(all.map((r) => r.responseElements?.credentials?.accessKeyId).filter(Boolean));
    const sessions = new Map<string, string>();
    for (const r of all) {
      const id = r.userIdentity;
      if (id?.type === "AssumedRole" && !String(id.arn).includes("AWSReservedSSO")) sessions.set(id.accessKeyId, id.arn);
    }
    const unissued = [...sessions.keys()].filter((k) => !issued.has(k));
    // Only sessions issued just before the period starts may lack their STS event.
    expect(unissued.length / sessions.size).toBeLessThan(0.05);
  });

  it("answers AssumeRole with the role id and session name the session then acts as", () => {
    const byKey = new Map(all.filter((r) => r.userIdentity?.type === "AssumedRole").map((r) => [r.userIdentity.accessKeyId, r.userIdentity]));
    let checked = 0;
    for (const r of all.filter((x) => x.eventName === "AssumeRole" && x.responseElements?.credentials)) {
      const used = byKey.get(r.responseElements.credentials.accessKeyId);
      if (!used) continue;
      expect(r.responseElements.assumedRoleUser.arn).toBe(used.arn);
      expect(r.responseElements.assumedRoleUser.assumedRoleId).toBe(used.principalId);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

/** The top-level domain of a host name. */
const tld = (name: string) => name.replace(/\.$/, "").split(".").pop()!;
const isPublic = (ip: string) => lookupIp(ip) !== undefined;

/**
 * Host patterns the EC2 scenarios leave (ec2-instance-group-cryptomining,
 * ec2-reverse-shell-imds-theft), each as the runtime events of one instance, in time order, that
 * show it.
 */
const HOST_PATTERNS: Record<string, (events: Rec[], resolved: Set<string>) => Rec[]> = {
  "outbound connection to an address no lookup gave": (events, resolved) => events.filter((e) => e.class_uid === 4001 && e.connection_info.direction === "Outbound" && isPublic(e.dst_endpoint.ip) && !e.dst_endpoint.hostname && !resolved.has(e.dst_endpoint.ip)),
  "lookup outside .com, .net and .org": (events) => events.filter((e) => e.class_uid === 4003 && !["com", "net", "org"].includes(tld(e.query.hostname))),
  "periodic connections to one peer for over an hour": (events) => {
    const byPeer = new Map<string, Rec[]>();
    for (const e of events.filter((x) => x.class_uid === 4001 && x.connection_info.direction === "Outbound")) {
      const key = `${e.dst_endpoint.ip}:${e.dst_endpoint.port}`;
      const group = byPeer.get(key) ?? [];
      group.push(e);
      byPeer.set(key, group);
    }
    return [...byPeer.values()].filter((group) => {
      if (group.length < 8 || group.at(-1)!.time - group[0]!.time < 3_600_000) return false;
      const gaps = group.slice(1).map((e, i) => e.time - group[i]!.time);
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
      return sd / mean < 0.3;
    }).flat();
  },
  "process run from /tmp": (events) => events.filter((e) => e.class_uid === 1007 && e.process.file.path.startsWith("/tmp/")),
  "process run from a hidden directory in /tmp": (events) => events.filter((e) => e.class_uid === 1007 && /^\/tmp\/\.[^/]+\//.test(e.process.file.path)),
  "file written to /tmp": (events) => events.filter((e) => e.class_uid === 1001 && e.file.path.startsWith("/tmp/")),
  "curl piped to a shell": (events) => events.filter((e) => e.class_uid === 1007 && /curl [^|]*\| *(ba)?sh\b/.test(e.process.cmd_line)),
  "bash with /dev/tcp": (events) => events.filter((e) => e.class_uid === 1007 && e.process.cmd_line.includes("/dev/tcp/")),
  "curl to the instance metadata service": (events) => events.filter((e) => e.class_uid === 1007 && /^curl .*169\.254\.169\.254/.test(e.process.cmd_line)),
  "system discovery commands": (events) => events.filter((e) => e.class_uid === 1007 && /^(id|uname( -[am])?|cat \/etc\/os-release)$/.test(e.process.cmd_line)),
};

describe("attack host patterns have benign counterparts", () => {
  let runtime: Rec[];
  let attackMatches: Map<string, Rec[]>;
  let benignMatches: Map<string, Rec[]>;

  beforeAll(() => {
    runtime = readJsonLines(dir, "runtime/");
    // Addresses a lookup by the instance returned, from its VPC's resolver logs.
    const answered = new Map<string, Set<string>>();
    for (const q of readJsonLines(dir, "/vpcdnsquerylogs/")) {
      const set = answered.get(q.srcids.instance) ?? new Set<string>();
      for (const a of q.answers) set.add(a.Rdata);
      answered.set(q.srcids.instance, set);
    }
    const byInstance = new Map<string, Rec[]>();
    for (const e of runtime) {
      const events = byInstance.get(e.device.instance_uid) ?? [];
      events.push(e);
      byInstance.set(e.device.instance_uid, events);
    }
    for (const events of byInstance.values()) events.sort((a, b) => a.time - b.time);
    attackMatches = new Map();
    benignMatches = new Map();
    for (const [name, pattern] of Object.entries(HOST_PATTERNS)) {
      const matched = [...byInstance.entries()].flatMap(([id, events]) => pattern(events, answered.get(id) ?? new Set()));
      attackMatches.set(name, matched.filter((e) => attackIds.has(e.metadata.uid)));
      benignMatches.set(name, matched.filter((e) => !attackIds.has(e.metadata.uid)));
    }
  }, 60_000);

  it.each(Object.keys(HOST_PATTERNS))("%s: in attack and in benign host telemetry", (name) => {
    expect(attackMatches.get(name)!.length, "attack").toBeGreaterThan(0);
    expect(benignMatches.get(name)!.length, "benign").toBeGreaterThan(0);
  });

  it("resolves every TLD attacks resolve in benign lookups too", () => {
    const benignTlds = new Set(benignMatches.get("lookup outside .com, .net and .org")!.map((e) => tld(e.query.hostname)));
    const attackTlds = new Set(attackMatches.get("lookup outside .com, .net and .org")!.map((e) => tld(e.query.hostname)));
    expect([...attackTlds].filter((t) => !benignTlds.has(t))).toEqual([]);
  });

  it("connects out on every port attacks connect to in benign connections too", () => {
    const outbound = runtime.filter((e) => e.class_uid === 4001 && e.connection_info.direction === "Outbound");
    const ports = (events: Rec[]) => new Set(events.map((e) => e.dst_endpoint.port as number));
    const benignPorts = ports(outbound.filter((e) => !attackIds.has(e.metadata.uid)));
    const attackPorts = ports(outbound.filter((e) => attackIds.has(e.metadata.uid)));
    // Mining pools' Stratum ports and a reverse shell's at least, besides 80 and 443.
    expect(attackPorts.size).toBeGreaterThan(3);
    expect([...attackPorts].filter((p) => !benignPorts.has(p))).toEqual([]);
  });
});
