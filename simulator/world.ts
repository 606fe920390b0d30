/**
 * Builds the seeded world: an organisation of accounts with networks and resources, and the
 * principals that act in it with their personas and habits. Everything is drawn from named
 * streams of the root seed, so the same seed and size always build the same world.
 */
import { Faker, en, base } from "@faker-js/faker";
import type { Account, Inventory, Principal } from "../schema/inventory.ts";
import { personalBucketName } from "../scenarios/names.ts";
import { ASN_RANGES, lookupIp, randomIpIn, rangesOf } from "./networks.ts";
import { AWS_SERVICE_MIXES, persona, type Persona } from "./personas.ts";
import { Rng } from "./rng.ts";
import { accountId, ec2Id, iamId } from "./ids.ts";
import { makeUserAgentHabit, type UserAgentHabit } from "./user-agents.ts";
import type { Habit, Office, SimAccount, SimBucket, SimPrincipal, World } from "./world-types.ts";

/** Size of the world to build. */
export interface WorldSize {
  accounts: number;
  days: number;
}

const ACCOUNT_ORDER: Account["kind"][] = ["management", "prod", "dev", "security", "log-archive", "shared-services", "staging"];
const WORKLOAD_CYCLE: Account["kind"][] = ["prod", "staging", "dev"];
const WORKLOADS = ["payments", "web", "data", "ml", "mobile-api", "identity", "search", "analytics", "orders", "media", "ledger", "catalog"];
const OFFICES: Omit<Office, "egressIps">[] = [
  { city: "New York", country: "US", utcOffset: -5 },
  { city: "San Francisco", country: "US", utcOffset: -8 },
  { city: "London", country: "GB", utcOffset: 0 },
  { city: "Berlin", country: "DE", utcOffset: 1 },
  { city: "Bengaluru", country: "IN", utcOffset: 5.5 },
];
const TRAVEL_COUNTRIES = ["US", "GB", "DE", "FR", "IN", "JP", "BR"];

function habit<T>(items: T[], rng: Rng, skew = 1.1): Habit<T> {
  const order = rng.sample(items, items.length);
  return { items: order, weights: Rng.zipfWeights(order.length, skew) };
}

function accountKinds(n: number): Account["kind"][] {
  const kinds = ACCOUNT_ORDER.slice(0, Math.min(n, ACCOUNT_ORDER.length));
  for (let i = kinds.length; i < n; i++) kinds.push(WORKLOAD_CYCLE[(i - ACCOUNT_ORDER.length) % 3]!);
  return kinds;
}

function buildAccount(kind: Account["kind"], index: number, org: string, rng: Rng, regionsOfOrg: string[]): SimAccount {
  const id = accountId(rng);
  const workload = WORKLOADS[index % WORKLOADS.length]!;
  const name = ["prod", "staging", "dev"].includes(kind) ? `${org}-${kind}-${workload}` : `${org}-${kind}`;
  const homeRegion = regionsOfOrg[0]!;
  const regions = kind === "prod" ? regionsOfOrg.slice(0, 2) : [homeRegion];
  const vpcs = regions.map((region, i) => ({
    id: ec2Id("vpc", rng),
    region,
    cidr: `10.${(index * 4 + i) % 250}.0.0/16`,
    natGatewayIps: [randomIpIn(rng.pick(rangesOf("aws", region.startsWith("eu") ? "IE" : region.startsWith("ap") ? "IN" : "US")).cidr, rng)],
  }));
  const bucketKinds: [string, boolean, string[]][] =
    kind === "log-archive"
      ? [["cloudtrail-logs", true, ["AWSLogs/"]], ["backups", true, ["backup/daily/"]]]
      : kind === "security"
        ? [["findings-export", true, ["guardduty/"]], ["scanner-reports", false, ["reports/"]]]
        : kind === "management"
          ? [["billing-reports", true, ["cur/report-"]]]
          : [
              ["app-assets", false, ["static/", "images/"]],
              ["app-data", kind === "prod", ["data/customers/", "data/orders/", "exports/"]],
              ["app-logs", false, ["logs/app/"]],
              ["artifacts", false, ["builds/"]],
              ...(kind === "prod" ? ([["customer-pii", true, ["pii/records/", "pii/documents/"]], ["backups", true, ["backup/daily/"]]] as [string, boolean, string[]][]) : []),
            ];
  const buckets: SimBucket[] = bucketKinds.map(([suffix, sensitive, keyPrefixes]) => ({
    name: `${name}-${suffix}-${rng.hex(4)}`,
    region: homeRegion,
    accountId: id,
    sensitive,
    keyPrefixes,
    objectCount: rng.int(2_000, 200_000),
    tags: { "data-classification": sensitive ? "confidential" : "internal", owner: workload },
  }));
  const instances = ["prod", "staging", "dev", "shared-services", "security"].includes(kind)
    ? Array.from({ length: kind === "prod" ? rng.int(4, 7) : rng.int(2, 3) }, (_, i) => {
        const vpc = rng.pick(vpcs);
        return {
          id: ec2Id("i", rng),
          region: vpc.region,
          vpcId: vpc.id,
          subnetId: ec2Id("subnet", rng),
          networkInterfaceId: ec2Id("eni", rng),
          privateIp: vpc.cidr.replace(/\.0\.0\/16$/, `.${rng.int(1, 30)}.${rng.int(4, 250)}`),
          // Xen-generation types: their flow logs honour the 10-minute aggregation interval (Nitro's cap it at 1 minute).
          instanceType: rng.pick(["t2.large", "m4.xlarge", "c4.2xlarge", "r4.large"]),
          roleName: `${workload}-app-instance-role`,
          ...(i < 3 && kind !== "security" ? { autoScalingGroup: `${workload}-web-asg` } : {}),
        };
      })
    : [];
  const lambdas = kind === "management" || kind === "log-archive" ? [] : ["api-handler", "image-resize", "nightly-report", "event-router"].slice(0, rng.int(2, 4)).map((fn) => ({ name: `${workload}-${fn}`, region: homeRegion, roleName: `${workload}-${fn}-lambda-exec` }));
  return {
    id,
    name,
    kind,
    regions,
    homeRegion,
    vpcs,
    elasticIps: vpcs.flatMap((v) => v.natGatewayIps),
    buckets,
    instances,
    lambdas,
    kmsKeys: regions.map((region) => ({ id: rng.uuid(), region, alias: `alias/${workload}-data` })),
    secrets: ["db/primary", "api/stripe", "api/partner"].slice(0, kind === "prod" ? 3 : 1).map((s) => ({
      name: `${workload}/${s}`,
      region: homeRegion,
      arn: `arn:aws:secretsmanager:${homeRegion}:${id}:secret:${workload}/${s}-${rng.chars(6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")}`,
    })),
    trailName: kind === "management" ? `${org}-org-trail` : `${org}-account-trail`,
    logGroups: [`/aws/lambda/${workload}-api-handler`, `/ecs/${workload}-web`, `/app/${workload}`],
    roleNames: ["OrganizationAccountAccessRole", "AWSServiceRoleForConfig", "AWSServiceRoleForAutoScaling"],
    userNames: [],
    stackNames: [`${workload}-network`, `${workload}-app`, `${workload}-data`],
  };
}

/** How many principals of each persona an account of a kind gets. */
function personaCounts(kind: Account["kind"], humansPerAccount: number, rng: Rng): [string, number][] {
  const workload = kind === "prod" || kind === "staging" || kind === "dev";
  const h = humansPerAccount;
  return [
    ["developer", workload ? Math.round(h * (kind === "dev" ? 0.5 : 0.3)) : kind === "shared-services" ? 2 : 0],
    ["developer-iam-user", kind === "dev" || kind === "staging" ? Math.round(h * 0.35) : 0],
    ["dormant-user", workload ? rng.int(2, 4) : 0],
    ["public-visitor", kind === "prod" ? 1 : 0],
    ["platform-admin", workload || kind === "shared-services" ? 1 : rng.int(1, 2)],
    ["data-analyst", kind === "prod" || kind === "log-archive" ? Math.round(h * 0.25) : 0],
    ["finance", kind === "management" ? Math.max(2, Math.round(h * 0.5)) : 0],
    ["security-analyst", kind === "security" ? Math.max(2, Math.round(h * 0.5)) : 0],
    ["ci-deployer", workload || kind === "shared-services" ? 1 : 0],
    ["ec2-app", workload || kind === "shared-services" ? (kind === "prod" ? 3 : 2) : 0],
    ["lambda-fn", workload ? rng.int(2, 3) : kind === "security" ? 1 : 0],
    ["aws-service", Object.keys(AWS_SERVICE_MIXES).length],
    ["security-scanner", kind === "security" ? 1 : 0],
    ["backup-job", kind === "prod" ? 1 : 0],
  ];
}

/** Name of the audit role the security scanner assumes in every account. */
export const SCANNER_TARGET_ROLE = "SecurityAudit-Scanner";

/** Name of the read-only role production accounts let dev and staging workloads use. */
export const CROSS_ACCOUNT_READONLY_ROLE = "cross-account-readonly";

/** Name of the role workload accounts let the shared-services pipeline deploy with. */
export const CROSS_ACCOUNT_DEPLOY_ROLE = "cross-account-deploy";

function humanNetworks(office: Office, p: Persona, rng: Rng, torExits: string[]): Habit<string> {
  const home = randomIpIn(rng.pick(rangesOf("isp", office.country)).cidr, rng);
  const ips = [rng.pick(office.egressIps), home];
  const weights = [rng.between(3, 8), rng.between(1, 4)];
  if (rng.chance(0.4)) {
    ips.push(randomIpIn(rng.pick(rangesOf("mobile", office.country)).cidr, rng));
    weights.push(0.4);
  }
  // Some developers work through a VPN or from a VPS jump box: the same hosting ASNs attackers use.
  if (p.id.startsWith("developer") && rng.chance(0.25)) {
    ips.push(randomIpIn(rng.pick([...rangesOf("vpn"), ...rangesOf("hosting")]).cidr, rng));
    weights.push(rng.between(0.5, 3));
  }
  // A few privacy-minded people use Tor now and then.
  if (rng.chance(0.04)) {
    ips.push(rng.pick(torExits));
    weights.push(0.15);
  }
  return { items: ips, weights };
}

/** Visitors of a public bucket: many residential and mobile addresses, a few hosting ones. */
function publicVisitorNetworks(rng: Rng): Habit<string> {
  const items = Array.from({ length: 300 }, () => randomIpIn(rng.pick([...rangesOf("isp"), ...rangesOf("mobile"), ...rangesOf("isp"), ...rangesOf("hosting")]).cidr, rng));
  return { items, weights: Rng.zipfWeights(items.length, 0.8) };
}

/** An instance leaves through its own VPC's NAT gateway; other VPC-hosted roles through the home VPC's. */
function natNetworks(account: SimAccount, vpcId: string | undefined): Habit<string> {
  const vpc = account.vpcs.find((v) => v.id === vpcId) ?? account.vpcs[0];
  const items = vpc ? vpc.natGatewayIps : ["AWS Internal"];
  return { items, weights: items.map(() => 1) };
}

/** What building a principal needs from the world being built. */
interface Builder {
  offices: Office[];
  browsers: string[];
  domain: string;
  days: number;
  torExits: string[];
  faker: Faker;
  /** One role (name suffix and unique id) per account and base name, shared by all who use it. */
  sharedRole: (account: SimAccount, baseName: string) => { name: string; id: string };
}

function buildPrincipal(b: Builder, account: SimAccount, p: Persona, index: number, rng: Rng): SimPrincipal {
  const key = `${account.id}/${p.id}/${index}`;
  const office = rng.pick(b.offices);
  const human = p.schedule === "office" || p.schedule === "dormant";
  const first = b.faker.person.firstName().toLowerCase().replace(/[^a-z]/g, "");
  const last = b.faker.person.lastName().toLowerCase().replace(/[^a-z]/g, "");
  const email = `${first}.${last}${index}@${b.domain}`;
  const toolings = [...new Set([0, 1].map(() => rng.weighted(p.tooling.map((t) => t[0]), p.tooling.map((t) => t[1]))))];
  const userAgents: Habit<UserAgentHabit> = {
    items: toolings.map((t) => makeUserAgentHabit(t, rng, b.browsers)),
    weights: toolings.map((_, i) => (i === 0 ? 4 : 1)),
  };
  const serviceName = p.identity === "aws-service" ? Object.keys(AWS_SERVICE_MIXES)[index % Object.keys(AWS_SERVICE_MIXES).length]! : undefined;
  const mix = serviceName ? AWS_SERVICE_MIXES[serviceName]!.apis : p.apis;
  const apiPool = rng.sample(mix, Math.max(1, Math.round(mix.length * p.habitShare)));
  const apis: Habit<string> = {
    items: apiPool.map((a) => a[0]),
    // The persona weight times a personal preference: heavy-tailed and different per principal.
    weights: apiPool.map((a) => a[1] * rng.logNormal(1, 0.8)),
  };
  const adoptions = p.later.length > 0 && rng.chance(0.5) ? [{ api: rng.pick(p.later), fromDay: rng.int(2, Math.max(2, b.days - 2)) }] : [];
  const inventoryBase = { accountId: account.id, mfa: false, consoleAccess: false, accessKeyIds: [] as string[], trustedPrincipals: [] as string[], tags: {} as Record<string, string> };
  const team = account.name.split("-").slice(-1)[0]!;
  let identity: Pick<SimPrincipal, "inventory" | "mfa"> & Partial<SimPrincipal>;
  switch (p.identity) {
    case "iam-user": {
      const name = p.schedule === "dormant" ? `${first}.${last}-contractor` : `${first}.${last}`;
      const accessKeyId = iamId("AKIA", rng);
      const mfa = p.schedule !== "dormant" && rng.chance(0.6);
      identity = {
        userId: iamId("AIDA", rng),
        accessKeyId,
        mfa,
        inventory: { ...inventoryBase, arn: `arn:aws:iam::${account.id}:user/${name}`, name, type: "IAMUser", accessKeyIds: [accessKeyId], mfa, consoleAccess: rng.chance(0.5), tags: { team } },
      };
      account.userNames.push(name);
      break;
    }
    case "sso": {
      const role = b.sharedRole(account, p.roleName!);
      identity = {
        roleName: role.name,
        roleId: role.id,
        sessionName: email,
        mfa: true,
        inventory: { ...inventoryBase, arn: `arn:aws:sts::${account.id}:assumed-role/${role.name}/${email}`, name: email, type: "SSOUser", mfa: true, consoleAccess: true },
      };
      break;
    }
    case "anonymous":
      identity = { mfa: false, inventory: { ...inventoryBase, arn: "anonymous", name: "anonymous", type: "AWSService" } };
      break;
    case "aws-service": {
      const linked = AWS_SERVICE_MIXES[serviceName!]!;
      const role = linked.linkedRole ? b.sharedRole(account, linked.linkedRole) : undefined;
      identity = {
        serviceName,
        mfa: false,
        ...(role ? { roleName: role.name, roleId: role.id, sessionName: linked.sessionName } : {}),
        inventory: { ...inventoryBase, arn: role ? `arn:aws:iam::${account.id}:role/aws-service-role/${serviceName}/${role.name}` : serviceName!, name: role?.name ?? serviceName!, type: role ? "Role" : "AWSService", trustedPrincipals: role ? [serviceName!] : [] },
      };
      break;
    }
    default: {
      const instance = p.id === "ec2-app" ? rng.pick(account.instances) : undefined;
      const lambda = p.id === "lambda-fn" ? account.lambdas[index % Math.max(1, account.lambdas.length)] : undefined;
      const baseName = instance?.roleName ?? lambda?.roleName ?? `${team}-${p.roleName}`;
      const role = b.sharedRole(account, baseName);
      const trusted =
        p.identity === "web-identity-role" ? [`arn:aws:iam::${account.id}:oidc-provider/token.actions.githubusercontent.com`]
        : instance || p.id === "security-scanner" ? ["ec2.amazonaws.com"]
        : lambda ? ["lambda.amazonaws.com"]
        : ["ecs-tasks.amazonaws.com"];
      identity = {
        roleName: role.name,
        roleId: role.id,
        sessionName: instance?.id ?? lambda?.name ?? p.id,
        ...(instance ? { instance } : {}),
        mfa: false,
        inventory: { ...inventoryBase, arn: `arn:aws:iam::${account.id}:role/${role.name}`, name: role.name, type: "Role", trustedPrincipals: trusted },
      };
      if (!account.roleNames.includes(role.name)) account.roleNames.push(role.name);
    }
  }
  const networks: Habit<string> =
    p.network === "human" ? humanNetworks(office, p, rng, b.torExits)
    : p.network === "vpc-nat" ? natNetworks(account, identity.instance?.vpcId)
    : p.network === "aws-public" ? { items: Array.from({ length: 12 }, () => randomIpIn(rng.pick(rangesOf("aws", "US")).cidr, rng)), weights: Array(12).fill(1) }
    : p.network === "internet" ? publicVisitorNetworks(rng)
    : p.network === "ci-runners" ? { items: Array.from({ length: 40 }, () => randomIpIn(rangesOf("hosting").find((r) => r.asn === 8075)!.cidr, rng)), weights: Array(40).fill(1) }
    : { items: [serviceName!], weights: [1] };
  const travel =
    human && rng.chance(0.08)
      ? (() => {
          const country = rng.pick(TRAVEL_COUNTRIES.filter((c) => c !== office.country));
          const fromDay = rng.int(0, Math.max(0, b.days - 3));
          return { fromDay, toDay: fromDay + rng.int(2, 5), ips: [randomIpIn(rng.pick(rangesOf("isp", country)).cidr, rng), randomIpIn(rng.pick(rangesOf("mobile", country)).cidr, rng)] };
        })()
      : undefined;
  return {
    key,
    persona: p.id,
    identity: p.identity,
    account,
    otherAccounts: [],
    rolesIn: {},
    ...identity,
    utcOffset: human ? office.utcOffset : 0,
    workStart: human ? rng.int(7, 10) : 0,
    workEnd: human ? rng.int(16, 19) : 24,
    dailyEvents: p.dailyEvents > 0 ? Math.max(5, rng.logNormal(p.dailyEvents, p.spread)) : 0,
    errorRate: p.errorRate * rng.between(0.5, 1.5),
    networks,
    userAgents,
    regions: habit(account.regions, rng, 2),
    apis,
    adoptions,
    ...(travel ? { travel } : {}),
  };
}

/**
 * Attackers and benign people share the internet: make sure every network in the ASN table (VPS
 * hosting, VPN exits, Tor, ISPs and carriers abroad) is somebody's habit, so a network is never
 * attack-only by construction.
 */
function coverSharedNetworks(principals: SimPrincipal[], rng: Rng, torExits: string[]): void {
  const humans = principals.filter((p) => p.persona.startsWith("developer") && p.persona !== "dormant-user");
  if (humans.length === 0) return;
  const used = new Set(principals.flatMap((p) => p.networks.items).map((ip) => lookupIp(ip)?.asn));
  for (const range of ASN_RANGES) {
    // Attackers' usual origins get two regular benign users each, whatever the habits drawn so far.
    const attackerOrigin = range.usage === "hosting" || range.usage === "vpn" || range.usage === "tor";
    if (range.usage === "business" || range.usage === "aws" || (!attackerOrigin && used.has(range.asn))) continue;
    for (const p of rng.sample(humans, 2)) {
      const sameAsnTor = torExits.filter((ip) => lookupIp(ip)?.cidr === range.cidr);
      p.networks.items.push(range.usage === "tor" && sameAsnTor.length > 0 ? rng.pick(sameAsnTor) : randomIpIn(range.cidr, rng));
      p.networks.weights.push(rng.between(0.4, 1.2));
    }
    used.add(range.asn);
  }
}

/**
 * A third of the developers keep a sandbox bucket in their dev or staging account, named the ways
 * people name their own buckets (as an insider's personal bucket is), one way after another.
 */
function addSandboxBuckets(principals: SimPrincipal[], rng: Rng): void {
  const developers = principals.filter((p) => p.persona === "developer" && (p.account.kind === "dev" || p.account.kind === "staging"));
  developers
    .filter((_, i) => i % 3 === 0)
    .forEach((p, style) => {
      const handle = p.inventory.name.split("@")[0]!.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      const name = personalBucketName(rng, handle, style);
      p.account.buckets.push({ name, region: p.account.homeRegion, accountId: p.account.id, sensitive: false, keyPrefixes: ["scratch/", "notebooks/"], objectCount: rng.int(50, 5_000), tags: { "data-classification": "internal", owner: handle } });
    });
}

/** Build the world for a seed and size. */
export function buildWorld(seed: number, size: WorldSize): World {
  const root = new Rng(seed, "world");
  const faker = new Faker({ locale: [en, base] });
  faker.seed(root.fork("faker").int(1, 2 ** 31 - 1));
  const orgWord = faker.company.name().split(/[^A-Za-z]/)[0]!.toLowerCase() || "acme";
  const org = orgWord.slice(0, 12);
  const domain = `${org}.example.com`;
  const orgRng = root.fork("org");
  const regionsOfOrg = orgRng.pick([["us-east-1", "us-west-2"], ["us-east-1", "eu-west-1"], ["eu-west-1", "eu-central-1"], ["us-west-2", "us-east-1"]]);
  const offices: Office[] = orgRng.sample(OFFICES, 3).map((o) => ({
    ...o,
    egressIps: [randomIpIn(orgRng.pick(rangesOf("business", o.country)).cidr, orgRng), randomIpIn(orgRng.pick(rangesOf("business", o.country)).cidr, orgRng)],
  }));
  // Browser strings cost ~20 µs each from Faker: build the pool once.
  const browsers = Array.from({ length: 60 }, () => faker.internet.userAgent()).filter((ua) => /Chrome|Firefox|Safari|Edg/.test(ua));
  const tor = ASN_RANGES.filter((r) => r.usage === "tor");
  const torRng = root.fork("tor");
  const torExits = Array.from({ length: 40 }, () => randomIpIn(torRng.pick(tor).cidr, torRng));
  const accounts = accountKinds(size.accounts).map((kind, i) => buildAccount(kind, i, org, root.fork(`account/${i}`), regionsOfOrg));
  const roles = new Map<string, { name: string; id: string }>();
  const sharedRole = (account: SimAccount, baseName: string) => {
    const k = `${account.id}/${baseName}`;
    let role = roles.get(k);
    if (!role) {
      // Drawn from the role's own stream, so it does not depend on who asks first.
      const rng = root.fork(`role/${k}`);
      role = { name: baseName.startsWith("AWSReservedSSO") ? `${baseName}_${rng.hex(16)}` : baseName, id: iamId("AROA", rng) };
      roles.set(k, role);
    }
    return role;
  };
  const builder: Builder = { offices, browsers, domain, days: size.days, torExits, faker, sharedRole };
  const humansPerAccount = 20;
  const principals: SimPrincipal[] = [];
  for (const account of accounts) {
    const rng = root.fork(`principals/${account.id}`);
    for (const [personaId, count] of personaCounts(account.kind, humansPerAccount, rng)) {
      for (let i = 0; i < count; i++) principals.push(buildPrincipal(builder, account, persona(personaId), i, rng.fork(`${personaId}/${i}`)));
    }
  }
  coverSharedNetworks(principals, root.fork("coverage"), torExits);
  addSandboxBuckets(principals, root.fork("sandboxes"));
  // SSO users also work in a second account now and then; the scanner sweeps every account
  // through an audit role there that trusts the scanner's own role.
  const linkRng = root.fork("links");
  const extraRoles: Principal[] = [];
  for (const p of principals) {
    if (p.identity === "sso" && accounts.length > 1 && linkRng.chance(0.5)) p.otherAccounts = [linkRng.pick(accounts.filter((a) => a !== p.account))];
    if (p.persona === "security-scanner") {
      p.otherAccounts = accounts.filter((a) => a !== p.account);
      for (const a of p.otherAccounts) {
        const role = sharedRole(a, SCANNER_TARGET_ROLE);
        extraRoles.push({ arn: `arn:aws:iam::${a.id}:role/${role.name}`, accountId: a.id, name: role.name, type: "Role", accessKeyIds: [], mfa: false, consoleAccess: false, trustedPrincipals: [p.inventory.arn], tags: {} });
      }
    }
    // The shared-services pipeline deploys into workload accounts through a role each one trusts it with.
    if (p.persona === "ci-deployer" && p.account.kind === "shared-services") {
      p.otherAccounts = accounts.filter((a) => a.kind === "prod" || a.kind === "staging" || a.kind === "dev");
      for (const a of p.otherAccounts) {
        const role = sharedRole(a, CROSS_ACCOUNT_DEPLOY_ROLE);
        if (!a.roleNames.includes(role.name)) a.roleNames.push(role.name);
        extraRoles.push({ arn: `arn:aws:iam::${a.id}:role/${role.name}`, accountId: a.id, name: role.name, type: "Role", accessKeyIds: [], mfa: false, consoleAccess: false, trustedPrincipals: [p.inventory.arn], tags: {} });
      }
    }
    for (const a of p.otherAccounts) {
      p.rolesIn[a.id] = p.identity === "sso" ? sharedRole(a, persona(p.persona).roleName!) : sharedRole(a, p.persona === "ci-deployer" ? CROSS_ACCOUNT_DEPLOY_ROLE : SCANNER_TARGET_ROLE);
    }
  }
  // Dev and staging workloads read production configuration through a role each prod account
  // trusts them with (a common, if debatable, pattern): the path a pivot from dev to prod takes.
  const prodAccounts = accounts.filter((a) => a.kind === "prod");
  const lowerWorkloads = principals.filter((p) => (p.persona === "ec2-app" || p.persona === "lambda-fn") && (p.account.kind === "dev" || p.account.kind === "staging"));
  for (const a of prodAccounts) {
    if (lowerWorkloads.length === 0) break;
    const role = sharedRole(a, CROSS_ACCOUNT_READONLY_ROLE);
    if (!a.roleNames.includes(role.name)) a.roleNames.push(role.name);
    extraRoles.push({ arn: `arn:aws:iam::${a.id}:role/${role.name}`, accountId: a.id, name: role.name, type: "Role", accessKeyIds: [], mfa: false, consoleAccess: false, trustedPrincipals: [...new Set(lowerWorkloads.map((p) => p.inventory.arn))].sort(), tags: {} });
  }
  for (const p of lowerWorkloads) {
    p.otherAccounts = prodAccounts;
    for (const a of prodAccounts) p.rolesIn[a.id] = sharedRole(a, CROSS_ACCOUNT_READONLY_ROLE);
  }
  for (const [k, role] of roles) {
    const accountId = k.split("/")[0]!;
    if (role.name.startsWith("AWSReservedSSO")) {
      extraRoles.push({ arn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${role.name}`, accountId, name: role.name, type: "Role", accessKeyIds: [], mfa: false, consoleAccess: false, trustedPrincipals: [`arn:aws:iam::${accountId}:saml-provider/AWSSSO_${role.name.slice(-16)}_DO_NOT_DELETE`], tags: {} });
    }
  }
  return { seed, orgName: org, organizationId: `o-${root.fork("orgid").chars(10, "abcdefghijklmnopqrstuvwxyz0123456789")}`, domain, accounts, principals, offices, browsers, torExits, extraRoles };
}

/** The inventory a defender would see: accounts, principals and resources, without personas. */
export function inventoryOf(world: World): Inventory {
  return {
    organizationId: world.organizationId,
    managementAccountId: world.accounts[0]!.id,
    accounts: world.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      regions: a.regions,
      vpcs: a.vpcs,
      elasticIps: a.elasticIps,
      buckets: a.buckets.map((b) => ({ name: b.name, region: b.region, tags: b.tags })),
      instances: a.instances,
      lambdas: a.lambdas,
      kmsKeys: a.kmsKeys,
      secrets: a.secrets,
    })),
    // Anonymous visitors are no IAM principal: an inventory does not list them.
    principals: dedupeByArn([...world.principals.filter((p) => p.identity !== "anonymous").map((p) => p.inventory), ...world.extraRoles]),
  };
}

function dedupeByArn(principals: Principal[]): Principal[] {
  const seen = new Map<string, Principal>();
  for (const p of principals) if (!seen.has(`${p.accountId} ${p.arn}`)) seen.set(`${p.accountId} ${p.arn}`, p);
  return [...seen.values()];
}
