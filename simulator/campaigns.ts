/**
 * Runs scenarios in the world: plans when each instance starts, gives it a {@link ScenarioContext}
 * and records every event it produces in truth, by construction.
 */
import type { Campaign } from "../schema/truth.ts";
import type { ActorRef, Caller, OriginKind, PrincipalQuery, ScenarioContext, ScenarioDefinition, ToolingKind } from "../scenarios/define.ts";
import { scenarioById } from "../scenarios/registry.ts";
import type { Suite } from "../scenarios/suites.ts";
import { TELLTALE_USER_AGENTS } from "../scenarios/telltales.ts";
import { draw, instanceCredential, roleOrigin, type Period } from "./benign.ts";
import { foothold } from "./campaign-host.ts";
import { HOUR, isoSeconds } from "./clock.ts";
import type { HostEvent, HostSink } from "./host.ts";
import { iamId } from "./ids.ts";
import { anonymousOrigin, assumedRoleIdentity, federatedUserIdentity, iamUserIdentity, sessionKey } from "./identity.ts";
import { randomIpIn, rangesOf, type NetworkUsage } from "./networks.ts";
import { Rng } from "./rng.ts";
import { Session, type EmittedRecord, type RecordSink, type SessionOrigin } from "./session.ts";
import { sharedOrigin } from "./shared-origins.ts";
import { makeUserAgentHabit, type Tooling } from "./user-agents.ts";
import { accountById, type SimPrincipal, type World } from "./world-types.ts";
import { inventoryOf } from "./world.ts";

/** The networks each origin kind may share with benign actors (suites with `sharedInfrastructure`). */
const SHARED_USAGES: Partial<Record<OriginKind, NetworkUsage[]>> = { vps: ["hosting"], vpn: ["vpn"], residential: ["isp", "mobile"] };

/** How far apart two campaigns on the same identity must be (a detector's correlation window). */
const ACTOR_SPACING = 24 * HOUR;

/** Attackers' calls fail too (guessing at permissions, quotas); benign personas fail 0.5-8%. */
const CAMPAIGN_ERROR_RATE = 0.04;

/** The simulated period split into history (training) and evaluation. */
export interface SplitPeriod extends Period {
  evaluationStart: number;
}

/** One planned scenario instance. */
export interface CampaignPlan {
  id: string;
  scenario: ScenarioDefinition;
  start: number;
  /** Its suite's {@link Suite.sharedInfrastructure} (0 when absent). */
  sharedInfrastructure?: number;
}

/**
 * The fewest days a suite fits in: every instance must fit, whole, in the period it starts in
 * (history is the first half of the days). Returns the days and the scenario that needs them.
 */
export function minimumDays(suite: Suite): { days: number; scenarioId: string } {
  let best = { days: 2, scenarioId: "" };
  for (const entry of suite.entries) {
    const hours = scenarioById(entry.scenarioId).maxDurationHours;
    const halfDays = Math.ceil(hours / 24);
    const days = entry.history > 0 ? 2 * halfDays : Math.max(2, halfDays + 1);
    if (entry.history + entry.evaluation > 0 && days > best.days) best = { days, scenarioId: entry.scenarioId };
  }
  return best;
}

/** Plan every instance of a suite: start times drawn inside their period so each fits before its end. */
export function planCampaigns(seed: number, suite: Suite, period: SplitPeriod): CampaignPlan[] {
  const plans: CampaignPlan[] = [];
  let n = 0;
  for (const entry of suite.entries) {
    const scenario = scenarioById(entry.scenarioId);
    for (const [segment, count, from, to] of [
      ["h", entry.history, period.start, period.evaluationStart],
      ["e", entry.evaluation, period.evaluationStart, period.end],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const id = `c${String(++n).padStart(3, "0")}-${segment}-${scenario.id}`;
        const rng = new Rng(seed, `plan/${id}`);
        if (to - from < scenario.maxDurationHours * HOUR) {
          throw new Error(`scenario ${scenario.id} needs ${scenario.maxDurationHours} h inside the ${segment === "h" ? "history" : "evaluation"} period, which has ${(to - from) / HOUR} h; simulate more days`);
        }
        const latest = to - scenario.maxDurationHours * HOUR;
        plans.push({ id, scenario, start: Math.floor(rng.between(from, latest) / 1000) * 1000, sharedInfrastructure: suite.sharedInfrastructure });
      }
    }
  }
  return plans;
}

function actorRef(p: SimPrincipal): ActorRef {
  return {
    key: p.key,
    arn: p.inventory.arn,
    accountId: p.account.id,
    name: p.inventory.name,
    persona: p.persona,
    ...(p.accessKeyId ? { accessKeyId: p.accessKeyId } : {}),
    ...(p.instance ? { instanceId: p.instance.id } : {}),
    ...(p.roleName ? { roleName: p.roleName } : {}),
    utcOffset: p.utcOffset,
    tooling: p.userAgents.items[0]!.tooling,
  };
}

function matches<T>(value: T, wanted: T | T[] | undefined): boolean {
  return wanted === undefined || (Array.isArray(wanted) ? wanted.includes(value) : wanted === value);
}

/**
 * The identity a `ConsoleLogin` records for a console session's identity: no key; an IAM user's
 * sign-in has no session context either, a federated user's keeps its issuer.
 */
function signInIdentity(identity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(identity).filter(([k]) => k !== "accessKeyId" && !(k === "sessionContext" && identity.type === "IAMUser")));
}

/** Run one campaign; its records go to `sink`, and its truth entry is returned. `busy` names identities another campaign is already using around this one's time. */
export function runCampaign(world: World, plan: CampaignPlan, period: Period, sink: RecordSink, hostSink: HostSink = () => {}, busy: (arn: string) => boolean = () => false): Campaign {
  const rng = new Rng(world.seed, `campaign/${plan.id}`);
  const stages = new Map<string, { ids: string[]; start: number; end: number }>();
  const accounts = new Set<string>();
  const actors = new Set<string>();
  let current: string | undefined;
  const byKey = new Map(world.principals.map((p) => [p.key, p]));
  const inventory = inventoryOf(world);

  const record: RecordSink = (r: EmittedRecord) => {
    if (current === undefined) throw new Error(`scenario ${plan.scenario.id}: a call was made outside ctx.stage(...)`);
    // The planner relies on this bound to fit instances in their period.
    if (r.time > plan.start + plan.scenario.maxDurationHours * HOUR) {
      throw new Error(`scenario ${plan.scenario.id} (${plan.id}) ran past its maxDurationHours (${plan.scenario.maxDurationHours} h); bound its waits or raise the limit`);
    }
    if (r.time < period.start || r.time >= period.end) return;
    const stage = stages.get(current) ?? { ids: [], start: r.time, end: r.time };
    stage.ids.push(r.eventId);
    stage.start = Math.min(stage.start, r.time);
    stage.end = Math.max(stage.end, r.time);
    stages.set(current, stage);
    accounts.add(r.accountId);
    sink(r);
  };

  function userAgentFor(tooling: ToolingKind, victim: SimPrincipal | undefined) {
    if (tooling === "pentest") return rng.pick(TELLTALE_USER_AGENTS);
    if (tooling === "habitual" && victim) return victim.userAgents.items[0]!;
    if (tooling === "new-device") return makeUserAgentHabit(victim?.userAgents.items[0]?.tooling === "console" ? "cli" : (victim?.userAgents.items[0]?.tooling ?? "cli"), rng, world.browsers);
    return makeUserAgentHabit(tooling as Tooling, rng, world.browsers);
  }

  const origins = new WeakMap<Caller, SessionOrigin>();
  const pendingHost: { event: HostEvent; stage: string }[] = [];
  function caller(origin: SessionOrigin): Caller {
    const session = new Session({ ...origin, errorRate: CAMPAIGN_ERROR_RATE }, rng, record);
    // The sign-in comes before the console session exists: it carries no session key and no console flag.
    const signIn = origin.fromConsole ? new Session({ ...origin, identity: signInIdentity(origin.identity), fromConsole: false, errorRate: CAMPAIGN_ERROR_RATE }, rng, record) : undefined;
    const made: Caller = {
      call(api, time, opts = {}) {
        const account = opts.account ? accountById(world, opts.account) : undefined;
        return (api === "signin:ConsoleLogin" && signIn ? signIn : session).call(api, time, {
          ...(opts.region ? { region: opts.region } : {}),
          ...(account ? { account } : {}),
          ...(opts.args ? { args: opts.args } : {}),
          ...(opts.error !== undefined ? { error: opts.error } : {}),
        }).eventId;
      },
    };
    origins.set(made, origin);
    return made;
  }

  /** The world's IAM user behind a victim; other principals have no password or federation tokens. */
  function iamUser(victim: ActorRef, what: string): SimPrincipal {
    const p = byKey.get(victim.key);
    if (!p || p.identity !== "iam-user") throw new Error(`scenario ${plan.scenario.id}: ${what} needs an IAM user, got ${victim.arn} (${victim.persona})`);
    return p;
  }

  const ctx: ScenarioContext = {
    rng,
    inventory,
    start: plan.start,
    principals(q: PrincipalQuery) {
      const found = world.principals.filter(
        (p) =>
          matches(p.persona, q.persona) &&
          matches(p.account.kind, q.accountKind) &&
          (!q.withAccessKey || p.accessKeyId !== undefined) &&
          (!q.withInstance || p.instance !== undefined),
      );
      if (found.length === 0) {
        throw new Error(`scenario ${plan.scenario.id}: no principal matches ${JSON.stringify(q)}; the world is too small for it (try more --accounts)`);
      }
      // Two campaigns on one identity within a day would be one story to any detector and an
      // ambiguous one to score; keep them apart unless the world has no one else.
      const free = found.filter((p) => !busy(p.inventory.arn) && !(p.roleName && busy(`arn:aws:iam::${p.account.id}:role/${p.roleName}`)));
      return (free.length > 0 ? free : found).map(actorRef);
    },
    habitualCalls(principal) {
      const p = byKey.get(principal.key);
      if (!p) throw new Error(`scenario ${plan.scenario.id}: unknown principal ${principal.key}`);
      return p.apis.items.map((api, i) => [api, p.apis.weights[i]!]);
    },
    buckets(accountId) {
      return accountById(world, accountId).buckets.map((b) => ({ name: b.name, region: b.region, tags: b.tags, sensitive: b.sensitive }));
    },
    origin(kind: OriginKind, victim?: ActorRef) {
      const usages = SHARED_USAGES[kind];
      const share = plan.sharedInfrastructure ?? 0;
      // Only attackers hide in benign infrastructure; suites without it make no extra draw.
      if (usages && plan.scenario.kind === "attack" && share > 0 && rng.chance(share)) {
        const shared = sharedOrigin(world, usages, rng, victim?.key);
        if (shared) return shared;
      }
      switch (kind) {
        case "habitual": {
          const p = victim && byKey.get(victim.key);
          if (!p) throw new Error(`scenario ${plan.scenario.id}: origin("habitual") needs a victim`);
          return draw(rng, p.networks);
        }
        case "victim-vpc": {
          const account = victim && accountById(world, victim.accountId);
          if (!account) throw new Error(`scenario ${plan.scenario.id}: origin("victim-vpc") needs a victim`);
          return rng.pick(account.elasticIps);
        }
        case "tor":
          return rng.pick(world.torExits);
        case "vps":
          return randomIpIn(rng.pick(rangesOf("hosting")).cidr, rng);
        case "vpn":
          return randomIpIn(rng.pick(rangesOf("vpn")).cidr, rng);
        case "residential":
          return randomIpIn(rng.pick([...rangesOf("isp"), ...rangesOf("mobile")]).cidr, rng);
        case "aws":
          return randomIpIn(rng.pick(rangesOf("aws")).cidr, rng);
      }
    },
    as(victim, sourceIp, tooling, at = plan.start) {
      const p = byKey.get(victim.key);
      if (!p) throw new Error(`scenario ${plan.scenario.id}: unknown principal ${victim.key}`);
      const userAgent = userAgentFor(tooling, p);
      actors.add(p.inventory.arn);
      if (p.identity === "iam-user") {
        return caller({ identity: iamUserIdentity(p, p.accessKeyId!), account: p.account, callerName: p.inventory.name, callerArn: p.inventory.arn, sourceIp, userAgent, errorRate: 0 });
      }
      // Stolen instance credentials are the very key the instance holds at that time.
      // A pipeline run federates right before it acts; other sessions may be up to an hour old.
      const credential = p.instance ? instanceCredential(world.seed, p, at) : { accessKeyId: sessionKey(rng), createdAt: at - (p.identity === "web-identity-role" ? rng.between(2, 30) * 1000 : rng.between(1, 60) * 60_000) };
      // Sessions named and federated as the principal's benign ones are (benign.ts: ciDay, nightlyDay).
      const habitual =
        p.identity === "web-identity-role" ? { webIdentity: true, sessionName: `GitHubActions-${rng.int(100000, 999999)}` }
        : p.persona === "backup-job" ? { sessionName: `backup-${isoSeconds(at).slice(0, 10)}` }
        : p.persona === "security-scanner" ? { ec2: true }
        : {};
      const origin = roleOrigin(p, p.account, rng, credential.createdAt, sourceIp, { ec2: p.instance !== undefined, accessKeyId: credential.accessKeyId, ...habitual });
      // A browser's calls carry the console-session flag, as benign console sessions' do.
      return caller({ ...origin, userAgent, ...(typeof userAgent !== "string" && userAgent.tooling === "console" ? { fromConsole: true } : {}) });
    },
    newAccessKeyId(kind = "long-term") {
      return kind === "temporary" ? sessionKey(rng) : iamId("AKIA", rng);
    },
    asCreatedUser(accountId, userName, accessKeyId, sourceIp, tooling) {
      const account = accountById(world, accountId);
      const arn = `arn:aws:iam::${accountId}:user/${userName}`;
      actors.add(arn);
      // A new key of an existing user keeps that user's id; a new user gets one.
      const existing = world.principals.find((p) => p.identity === "iam-user" && p.account === account && p.inventory.name === userName);
      const user = existing ?? { userId: iamId("AIDA", rng), mfa: false, inventory: { arn, accountId, name: userName, type: "IAMUser" as const, accessKeyIds: [accessKeyId], mfa: false, consoleAccess: false, trustedPrincipals: [], tags: {} } };
      return caller({ identity: iamUserIdentity(user, accessKeyId), account, callerName: userName, callerArn: arn, sourceIp, userAgent: userAgentFor(tooling, existing), errorRate: 0 });
    },
    consoleLogin(victim, time, sourceIp) {
      const p = iamUser(victim, "consoleLogin");
      actors.add(p.inventory.arn);
      const made = caller({ identity: iamUserIdentity(p, sessionKey(rng), time), account: p.account, callerName: p.inventory.name, callerArn: p.inventory.arn, sourceIp, userAgent: userAgentFor("console", p), fromConsole: true, errorRate: 0 });
      made.call("signin:ConsoleLogin", time, { args: { mfa: p.mfa }, error: false });
      return made;
    },
    asFederatedUser(issuer, name, accessKeyId, createdAt, sourceIp, tooling) {
      const p = iamUser(issuer, "asFederatedUser");
      const identity = federatedUserIdentity(p, name, accessKeyId, createdAt);
      actors.add(p.inventory.arn);
      actors.add(identity.arn as string);
      const sameTool = typeof tooling === "string" ? undefined : origins.get(tooling);
      if (typeof tooling !== "string" && !sameTool) throw new Error(`scenario ${plan.scenario.id}: asFederatedUser takes the tool of a caller made by this context`);
      const userAgent = sameTool ? sameTool.userAgent : userAgentFor(tooling as ToolingKind, p);
      return caller({ identity, account: p.account, callerName: name, callerArn: identity.arn as string, sourceIp, userAgent, fromConsole: tooling === "console" || sameTool?.fromConsole === true, errorRate: 0 });
    },
    assumeRole(from, time, accountId, roleName, sessionName) {
      const source = origins.get(from);
      if (!source) throw new Error(`scenario ${plan.scenario.id}: assumeRole needs a caller made by this context`);
      const account = accountById(world, accountId);
      // The role's own id, whether a principal acts through it at home or others assume it there.
      const known = world.principals.find((p) => p.account === account && p.roleName === roleName);
      const trusted = world.principals.map((p) => p.rolesIn[accountId]).find((r) => r?.name === roleName);
      const roleId = known?.roleId ?? trusted?.id ?? iamId("AROA", rng);
      const accessKeyId = sessionKey(rng);
      const identity = assumedRoleIdentity({ accountId, roleName, roleId, sessionName, accessKeyId, createdAt: time, mfa: false });
      // The session acts at once with the issued key, so this AssumeRole succeeded.
      from.call("sts:AssumeRole", time, { account: accountId, args: { targetAccountId: accountId, roleName, roleId, roleSessionName: sessionName, accessKeyId }, error: false });
      actors.add(`arn:aws:iam::${accountId}:role/${roleName}`);
      return caller({ ...source, identity, account, callerName: sessionName, callerArn: identity.arn as string });
    },
    stage(id, body) {
      if (!plan.scenario.stages.some((s) => s.id === id)) {
        throw new Error(`scenario ${plan.scenario.id}: stage "${id}" is not declared; declared: ${plan.scenario.stages.map((s) => s.id).join(", ")}`);
      }
      const previous = current;
      current = id;
      body();
      current = previous;
    },
    actor(arn) {
      actors.add(arn);
    },
    anonymous(sourceIp, tooling) {
      actors.add("anonymous");
      return caller(anonymousOrigin(world.accounts[0]!, sourceIp, userAgentFor(tooling, undefined), CAMPAIGN_ERROR_RATE));
    },
    instances(q) {
      return world.accounts
        .filter((a) => matches(a.kind, q.accountKind))
        .flatMap((a) => a.instances.filter((i) => !q.inAutoScalingGroup || i.autoScalingGroup !== undefined).map((i) => ({ id: i.id, accountId: a.id, region: i.region, privateIp: i.privateIp, roleName: i.roleName, ...(i.autoScalingGroup ? { autoScalingGroup: i.autoScalingGroup } : {}) })));
    },
    onHost(ref) {
      const account = accountById(world, ref.accountId);
      const instance = account.instances.find((i) => i.id === ref.id);
      if (!instance) throw new Error(`scenario ${plan.scenario.id}: no instance ${ref.id} in account ${ref.accountId}`);
      const actor = foothold(instance, account.id, rng, (e) => {
        if (current === undefined) throw new Error(`scenario ${plan.scenario.id}: host activity outside ctx.stage(...)`);
        if (e.time < period.start || e.time >= period.end) return;
        pendingHost.push({ event: e, stage: current });
      });
      // Record ids as the methods return them, under the stage that was current.
      const recorded = <A extends unknown[], R>(f: (...args: A) => R, ids: (r: R) => string[]) => (...args: A): R => {
        const before = pendingHost.length;
        const result = f(...args);
        const kept = pendingHost.splice(before);
        if (kept.length > 0) {
          const st = stages.get(kept[0]!.stage) ?? { ids: [], start: kept[0]!.event.time, end: kept[0]!.event.time };
          for (const id of ids(result)) if (!st.ids.includes(id)) st.ids.push(id);
          for (const k of kept) {
            st.start = Math.min(st.start, k.event.time);
            st.end = Math.max(st.end, k.event.time);
            hostSink(k.event);
          }
          stages.set(kept[0]!.stage, st);
          accounts.add(account.id);
        }
        return result;
      };
      return {
        run: recorded(actor.run, (ids) => ids),
        write: recorded(actor.write, (ids) => ids),
        resolve: recorded(actor.resolve, (r) => r.ids),
        connect: recorded(actor.connect, (ids) => ids),
      };
    },
  };

  plan.scenario.run(ctx);
  const declared = new Map(plan.scenario.stages.map((s) => [s.id, s]));
  const truthStages = [...stages.entries()].map(([id, s]) => ({
    id,
    tactic: declared.get(id)!.tactic,
    technique: declared.get(id)!.technique,
    start: isoSeconds(s.start),
    end: isoSeconds(s.end),
    eventIds: s.ids,
  }));
  if (truthStages.length === 0) throw new Error(`scenario ${plan.scenario.id} (${plan.id}) produced no event inside the period`);
  const start = Math.min(...[...stages.values()].map((s) => s.start));
  const end = Math.max(...[...stages.values()].map((s) => s.end));
  return {
    id: plan.id,
    scenarioId: plan.scenario.id,
    kind: plan.scenario.kind,
    accounts: [...accounts].sort(),
    actors: [...actors].sort(),
    start: isoSeconds(start),
    end: isoSeconds(end),
    expectedSequenceType: plan.scenario.expectedSequenceType,
    stages: truthStages,
  };
}

/** Identities the `earlier` campaigns use less than {@link ACTOR_SPACING} from where `plan` may run. */
export function busyAround(earlier: readonly Campaign[], plan: CampaignPlan): (arn: string) => boolean {
  const from = plan.start - ACTOR_SPACING;
  const to = plan.start + plan.scenario.maxDurationHours * HOUR + ACTOR_SPACING;
  return (arn) => earlier.some((c) => c.actors.includes(arn) && Date.parse(c.start) < to && Date.parse(c.end) > from);
}

/** Run every planned campaign; returns their records (in memory: campaigns are small) and truth. */
export function runCampaigns(world: World, plans: CampaignPlan[], period: Period): { records: EmittedRecord[]; hostEvents: HostEvent[]; campaigns: Campaign[] } {
  const records: EmittedRecord[] = [];
  const hostEvents: HostEvent[] = [];
  const campaigns: Campaign[] = [];
  for (const plan of plans) campaigns.push(runCampaign(world, plan, period, (r) => records.push(r), (e) => hostEvents.push(e), busyAround(campaigns, plan)));
  return { records, hostEvents, campaigns };
}
