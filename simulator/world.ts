/**
 * Builds the seeded world: an organisation of accounts with networks and resources, and the
 * principals that act in it with their personas and habits. Everything is drawn from named
 * streams of the root seed, so the same seed and size always build the same world.
 */
import { Faker, en, base } from "@faker-js/faker";
import type { Account, Principal } from "../schema/inventory.ts";
import { ASN_RANGES, randomIpIn, rangesOf } from "./networks.ts";
import { PERSONAS, persona, type Persona } from "./personas.ts";
import { Rng } from "./rng.ts";
import { accountId, ec2Id, iamId } from "./ids.ts";
import { makeUserAgentHabit } from "./user-agents.ts";
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
          privateIp: vpc.cidr.replace(/\.0\.0\/16$/, `.${rng.int(1, 30)}.${rng.int(4, 250)}`),
          instanceType: rng.pick(["t3.large", "m6i.xlarge", "c6i.2xlarge", "r6i.large"]),
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
    ["platform-admin", workload || kind === "shared-services" ? 1 : rng.int(1, 2)],
    ["data-analyst", kind === "prod" || kind === "log-archive" ? Math.round(h * 0.25) : 0],
    ["finance", kind === "management" ? Math.max(2, Math.round(h * 0.5)) : 0],
    ["security-analyst", kind === "security" ? Math.max(2, Math.round(h * 0.5)) : 0],
    ["ci-deployer", workload || kind === "shared-services" ? 1 : 0],
    ["ec2-app", workload || kind === "shared-services" ? (kind === "prod" ? 3 : 2) : 0],
    ["lambda-fn", workload ? rng.int(2, 3) : kind === "security" ? 1 : 0],
    ["aws-service", 3],
    ["security-scanner", kind === "security" ? 1 : 0],
    ["backup-job", kind === "prod" ? 1 : 0],
  ];
}

const AWS_SERVICES = ["config.amazonaws.com", "cloudformation.amazonaws.com", "autoscaling.amazonaws.com", "s3.amazonaws.com"];

function humanNetworks(office: Office, p: Persona, rng: Rng): Habit<string> {
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
  return { items: ips, weights };
}

/** An instance leaves through its own VPC's NAT gateway; other VPC-hosted roles through the home VPC's. */
function natNetworks(account: SimAccount, vpcId: string | undefined): Habit<string> {
  const vpc = account.vpcs.find((v) => v.id === vpcId) ?? account.vpcs[0];
  const items = vpc ? vpc.natGatewayIps : ["AWS Internal"];
  return { items, weights: items.map(() => 1) };
}

function buildPrincipal(
  world: { offices: Office[]; browsers: string[]; org: string; domain: string; days: number },
  account: SimAccount,
  p: Persona,
  index: number,
  rng: Rng,
  faker: Faker,
): SimPrincipal {
  const key = `${account.id}/${p.id}/${index}`;
  const office = rng.pick(world.offices);
  const human = p.schedule === "office";
  const first = faker.person.firstName().toLowerCase().replace(/[^a-z]/g, "");
  const last = faker.person.lastName().toLowerCase().replace(/[^a-z]/g, "");
  const email = `${first}.${last}${index}@${world.domain}`;
  const tooling = rng.weighted(p.tooling.map((t) => t[0]), p.tooling.map((t) => t[1]));
  const toolings = [...new Set([tooling, rng.weighted(p.tooling.map((t) => t[0]), p.tooling.map((t) => t[1]))])];
  const userAgents: Habit<ReturnType<typeof makeUserAgentHabit>> = {
    items: toolings.map((t) => makeUserAgentHabit(t, rng, world.browsers)),
    weights: toolings.map((_, i) => (i === 0 ? 4 : 1)),
  };
  const apiPool = rng.sample(p.apis, Math.max(1, Math.round(p.apis.length * p.habitShare)));
  const apis: Habit<string> = {
    items: apiPool.map((a) => a[0]),
    // The persona weight times a personal preference: heavy-tailed and different per principal.
    weights: apiPool.map((a) => a[1] * rng.logNormal(1, 0.8)),
  };
  const adoptions = p.later.length > 0 && rng.chance(0.5) ? [{ api: rng.pick(p.later), fromDay: rng.int(2, Math.max(2, world.days - 2)) }] : [];
  const regions = habit(account.regions, rng, 2);
  let identity: Partial<SimPrincipal> & Pick<SimPrincipal, "inventory">;
  const roleName = p.roleName?.startsWith("AWSReservedSSO") ? `${p.roleName}_${rng.hex(16)}` : p.roleName ? `${account.name.split("-").slice(-1)[0]}-${p.roleName}-${index}` : undefined;
  const baseInventory = { accountId: account.id, mfa: false, consoleAccess: false, accessKeyIds: [] as string[], trustedPrincipals: [] as string[], tags: {} as Record<string, string> };
  switch (p.identity) {
    case "iam-user": {
      const name = `${first}.${last}`;
      const accessKeyId = iamId("AKIA", rng);
      const mfa = rng.chance(0.6);
      identity = {
        userId: iamId("AIDA", rng),
        accessKeyId,
        mfa,
        inventory: { ...baseInventory, arn: `arn:aws:iam::${account.id}:user/${name}`, name, type: "IAMUser", accessKeyIds: [accessKeyId], mfa, consoleAccess: rng.chance(0.5), tags: { team: account.name.split("-").slice(-1)[0]! } },
      };
      account.userNames.push(name);
      break;
    }
    case "sso":
      identity = {
        roleName,
        roleId: iamId("AROA", rng),
        sessionName: email,
        mfa: true,
        inventory: { ...baseInventory, arn: `arn:aws:sts::${account.id}:assumed-role/${roleName}/${email}`, name: email, type: "SSOUser", mfa: true, consoleAccess: true },
      };
      break;
    case "aws-service": {
      const serviceName = AWS_SERVICES[index % AWS_SERVICES.length]!;
      identity = { serviceName, mfa: false, inventory: { ...baseInventory, arn: serviceName, name: serviceName, type: "AWSService" } };
      break;
    }
    default: {
      const instance = p.id === "ec2-app" ? rng.pick(account.instances) : undefined;
      const lambda = p.id === "lambda-fn" ? account.lambdas[index % Math.max(1, account.lambdas.length)] : undefined;
      const name = instance?.roleName ?? lambda?.roleName ?? roleName!;
      const trusted =
        p.identity === "web-identity-role" ? [`arn:aws:iam::${account.id}:oidc-provider/token.actions.githubusercontent.com`]
        : instance ? ["ec2.amazonaws.com"]
        : lambda ? ["lambda.amazonaws.com"]
        : [];
      identity = {
        roleName: name,
        roleId: iamId("AROA", rng),
        sessionName: instance?.id ?? lambda?.name ?? "session",
        ...(instance ? { instance } : {}),
        mfa: false,
        inventory: { ...baseInventory, arn: `arn:aws:iam::${account.id}:role/${name}`, name, type: "Role", trustedPrincipals: trusted },
      };
      account.roleNames.push(name);
    }
  }
  const networks: Habit<string> =
    p.network === "human" ? humanNetworks(office, p, rng)
    : p.network === "vpc-nat" ? natNetworks(account, identity.instance?.vpcId)
    : p.network === "aws-public" ? { items: Array.from({ length: 12 }, () => randomIpIn(rng.pick(rangesOf("aws", "US")).cidr, rng)), weights: Array(12).fill(1) }
    : p.network === "ci-runners" ? { items: Array.from({ length: 40 }, () => randomIpIn(rangesOf("hosting").find((r) => r.asn === 8075)!.cidr, rng)), weights: Array(40).fill(1) }
    : { items: [identity.serviceName ?? "AWS Internal"], weights: [1] };
  const travel =
    human && rng.chance(0.08)
      ? (() => {
          const country = rng.pick(TRAVEL_COUNTRIES.filter((c) => c !== office.country));
          const fromDay = rng.int(0, Math.max(0, world.days - 3));
          return { fromDay, toDay: fromDay + rng.int(2, 5), ips: [randomIpIn(rng.pick(rangesOf("isp", country)).cidr, rng), randomIpIn(rng.pick(rangesOf("mobile", country)).cidr, rng)] };
        })()
      : undefined;
  return {
    key,
    persona: p.id,
    identity: p.identity,
    account,
    otherAccounts: [],
    mfa: identity.mfa ?? false,
    ...identity,
    utcOffset: human ? office.utcOffset : 0,
    workStart: human ? rng.int(7, 10) : 0,
    workEnd: human ? rng.int(16, 19) : 24,
    dailyEvents: Math.max(5, rng.logNormal(p.dailyEvents, p.spread)),
    errorRate: p.errorRate * rng.between(0.5, 1.5),
    networks,
    userAgents,
    regions,
    apis,
    adoptions,
    ...(travel ? { travel } : {}),
  } as SimPrincipal;
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
  const accounts = accountKinds(size.accounts).map((kind, i) => buildAccount(kind, i, org, root.fork(`account/${i}`), regionsOfOrg));
  const humansPerAccount = 20;
  const principals: SimPrincipal[] = [];
  for (const account of accounts) {
    const rng = root.fork(`principals/${account.id}`);
    for (const [personaId, count] of personaCounts(account.kind, humansPerAccount, rng)) {
      for (let i = 0; i < count; i++) {
        principals.push(buildPrincipal({ offices, browsers, org, domain, days: size.days }, account, persona(personaId), i, rng.fork(`${personaId}/${i}`), faker));
      }
    }
  }
  // SSO users also work in a second account now and then; the scanner sweeps every account.
  const linkRng = root.fork("links");
  for (const p of principals) {
    if (p.identity === "sso" && accounts.length > 1 && linkRng.chance(0.5)) p.otherAccounts = [linkRng.pick(accounts.filter((a) => a !== p.account))];
    if (p.persona === "security-scanner") p.otherAccounts = accounts.filter((a) => a !== p.account);
  }
  const tor = ASN_RANGES.filter((r) => r.usage === "tor");
  const torRng = root.fork("tor");
  const torExits = Array.from({ length: 40 }, () => randomIpIn(torRng.pick(tor).cidr, torRng));
  return { seed, orgName: org, organizationId: `o-${root.fork("orgid").chars(10, "abcdefghijklmnopqrstuvwxyz0123456789")}`, domain, accounts, principals, offices, browsers, torExits };
}

/** The inventory a defender would see: accounts, principals and resources, without personas. */
export function inventoryOf(world: World): { organizationId: string; managementAccountId: string; accounts: Account[]; principals: Principal[] } {
  return {
    organizationId: world.organizationId,
    managementAccountId: world.accounts[0]!.id,
    accounts: world.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      regions: a.regions,
      vpcs: a.vpcs,
      buckets: a.buckets.map((b) => ({ name: b.name, region: b.region, tags: b.tags })),
      instances: a.instances,
      lambdas: a.lambdas,
      kmsKeys: a.kmsKeys,
      secrets: a.secrets,
    })),
    principals: dedupeByArn(world.principals.map((p) => p.inventory)),
  };
}

function dedupeByArn(principals: Principal[]): Principal[] {
  const seen = new Map<string, Principal>();
  for (const p of principals) if (!seen.has(`${p.accountId} ${p.arn}`)) seen.set(`${p.accountId} ${p.arn}`, p);
  return [...seen.values()];
}
