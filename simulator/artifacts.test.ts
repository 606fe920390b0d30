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
import { readEventFiles } from "./testing.ts";
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seqlab-artifacts-"));
  await simulate({ config: { seed: 5, days: 10, historyDays: 5, accounts: 6, suite: "default", start: "2026-10-05" }, outDir: dir, workers: 2, command: "test" });
  truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
  const attackIds = new Set(truth.campaigns.filter((c) => c.kind === "attack").flatMap((c) => c.stages.flatMap((s) => s.eventIds)));
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
