/**
 * Benign behaviour: one principal's activity on one day, from its persona and habits. Each
 * (principal, day) has its own random stream, so days can be generated in any order or worker.
 */
import { scriptSessionName } from "../scenarios/names.ts";
import { DAY, HOUR, MINUTE, isoSeconds, localWeekday } from "./clock.ts";
import { anonymousOrigin, assumedRoleIdentity, iamUserIdentity, serviceOrigin, sessionKey } from "./identity.ts";
import { ALL_REGIONS } from "./networks.ts";
import { persona } from "./personas.ts";
import { Rng } from "./rng.ts";
import { Session, type RecordSink, type SessionOrigin } from "./session.ts";
import { userAgentForCall } from "./user-agents.ts";
import type { Habit, SimAccount, SimPrincipal, World } from "./world-types.ts";

/** The simulated period: [start, end) in ms; day 0 starts at `start`. */
export interface Period {
  start: number;
  end: number;
}

/** One draw from a habit. */
export function draw<T>(rng: Rng, h: Habit<T>): T {
  return rng.weighted(h.items, h.weights);
}

/** The principal's API habit on a day, including APIs adopted by then. */
function apisOn(p: SimPrincipal, day: number): Habit<string> {
  const adopted = p.adoptions.filter((a) => a.fromDay <= day);
  if (adopted.length === 0) return p.apis;
  const mean = p.apis.weights.reduce((a, b) => a + b, 0) / p.apis.weights.length;
  return { items: [...p.apis.items, ...adopted.map((a) => a.api)], weights: [...p.apis.weights, ...adopted.map(() => mean)] };
}

/** Instance-profile credentials rotate every six hours; the key in force at a time. */
export const CREDENTIAL_ROTATION = 6 * HOUR;

/**
 * The temporary key an instance role holds at `time`, from its own stream: the instance uses it,
 * and a thief who reads IMDS at that time uses the very same key.
 */
export function instanceCredential(seed: number, p: SimPrincipal, time: number): { accessKeyId: string; createdAt: number } {
  const block = Math.floor(time / CREDENTIAL_ROTATION);
  const rng = new Rng(seed, `credential/${p.key}/${block}`);
  return { accessKeyId: sessionKey(rng), createdAt: block * CREDENTIAL_ROTATION - rng.between(1, 30) * MINUTE };
}

/** How a role session was issued, when it matters for its `userIdentity`. */
export interface RoleSessionOptions {
  accessKeyId?: string;
  sessionName?: string;
  webIdentity?: boolean;
  ec2?: boolean;
  /** Set for service-linked roles: calls carry `invokedBy` and come from the service. */
  invokedBy?: string;
}

/** The assumed-role origin of a principal's session in `account` (its role there, for other accounts). */
export function roleOrigin(p: SimPrincipal, account: SimAccount, rng: Rng, at: number, sourceIp: string, o: RoleSessionOptions = {}): SessionOrigin {
  const role = account === p.account ? { name: p.roleName!, id: p.roleId! } : p.rolesIn[account.id]!;
  const sessionName = o.sessionName ?? p.sessionName!;
  const identity = assumedRoleIdentity({
    accountId: account.id,
    roleName: role.name,
    roleId: role.id,
    ...(role.name.startsWith("AWSReservedSSO") ? { rolePath: "/aws-reserved/sso.amazonaws.com/" } : o.invokedBy ? { rolePath: `/aws-service-role/${o.invokedBy}/` } : {}),
    sessionName,
    accessKeyId: o.accessKeyId ?? sessionKey(rng),
    createdAt: at,
    mfa: p.mfa,
    ...(o.webIdentity ? { webIdentityProvider: "token.actions.githubusercontent.com" } : {}),
    ...(o.ec2 ? { ec2RoleDelivery: true } : {}),
  });
  if (o.invokedBy) identity.invokedBy = o.invokedBy;
  return {
    identity,
    account,
    callerName: sessionName,
    callerArn: identity.arn as string,
    sourceIp,
    userAgent: draw(rng, p.userAgents),
    ...(o.invokedBy ? { invokedBy: o.invokedBy } : {}),
    errorRate: p.errorRate,
  };
}

/**
 * The STS call that issued a role session, made by `issuer`: its response carries the very key,
 * role id and session name the session then acts with, so a defender can chain them.
 */
function issueRoleSession(issuer: Session, api: string, time: number, session: SessionOrigin, roleName: string, roleId: string, extra: Record<string, unknown> = {}): void {
  const identity = session.identity as { accessKeyId: string; accountId: string };
  issuer.call(api, time, {
    account: session.account,
    args: { ...extra, targetAccountId: identity.accountId, roleName, roleId, roleSessionName: session.callerName, accessKeyId: identity.accessKeyId },
    error: false,
  });
}

const STACK_UPDATE_CALLS = ["lambda:UpdateFunctionConfiguration20150331v2", "ec2:CreateTags", "iam:GetRole", "ec2:DescribeSecurityGroups", "ecs:UpdateService", "logs:DescribeLogGroups", "iam:CreateRole", "iam:PutRolePolicy", "sns:CreateTopic", "s3:PutBucketVersioning"];

/**
 * Calls CloudFormation makes with the caller's own credentials while it applies a change set:
 * same identity plus `invokedBy`, source address and user agent set to the service.
 */
function stackUpdate(origin: SessionOrigin, time: number, rng: Rng, sink: RecordSink): void {
  const service = "cloudformation.amazonaws.com";
  const onBehalf = new Session({ ...origin, identity: { ...origin.identity, invokedBy: service }, invokedBy: service, errorRate: 0.01 }, rng, sink);
  let t = time;
  for (const api of rng.sample(STACK_UPDATE_CALLS, rng.int(2, 5))) onBehalf.call(api, (t += rng.between(2, 40) * 1000));
}

/**
 * A role session whose credentials an AWS service fetched (EC2 instance profiles, Lambda, ECS
 * tasks, service-linked roles): the service's AssumeRole is logged, then the session acts.
 */
function vendedSession(p: SimPrincipal, vendor: string, rng: Rng, sink: RecordSink, at: number, sourceIp: string, o: RoleSessionOptions = {}): Session {
  const origin = roleOrigin(p, p.account, rng, at, sourceIp, o);
  issueRoleSession(new Session(serviceOrigin(vendor, p.account, 0), rng, sink), "sts:AssumeRole", at, origin, p.roleName!, p.roleId!);
  return new Session(origin, rng, sink);
}

/** Make a habitual call; a change-set execution brings CloudFormation's own calls with it. */
function habitualCall(session: Session, api: string, time: number, rng: Rng, sink: RecordSink, region?: string, args?: Record<string, unknown>): void {
  session.call(api, time, { ...(region ? { region } : {}), ...(args ? { args } : {}) });
  if (api === "cloudformation:ExecuteChangeSet") stackUpdate(session.origin, time, rng, sink);
}

/** Calls spread over [from, from + duration): bursty, as people click and scripts loop. */
function burstTimes(rng: Rng, from: number, duration: number, count: number): number[] {
  const times: number[] = [];
  let t = from;
  const meanGap = duration / Math.max(1, count);
  for (let i = 0; i < count; i++) {
    t += rng.chance(0.7) ? rng.exponential(meanGap * 0.25) : rng.exponential(meanGap * 2.5);
    times.push(t);
  }
  return times;
}

function officeDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const localMidnight = period.start + day * DAY - p.utcOffset * HOUR;
  const weekday = localWeekday(localMidnight + 12 * HOUR, p.utcOffset);
  const weekend = weekday === 0 || weekday === 6;
  if (weekend ? !rng.chance(0.06) : rng.chance(0.07)) return;
  const total = Math.round(rng.logNormal(p.dailyEvents, 0.4) * (weekend ? 0.25 : 1));
  const sessions = 1 + Math.min(3, rng.poisson(0.8));
  const traveling = p.travel && day >= p.travel.fromDay && day < p.travel.toDay;
  const apis = apisOn(p, day);
  for (let s = 0; s < sessions; s++) {
    const startHour = rng.between(p.workStart - 0.5, p.workEnd - 1);
    const start = localMidnight + startHour * HOUR;
    const duration = rng.between(15, 150) * MINUTE;
    const account = p.otherAccounts.length > 0 && rng.chance(0.15) ? rng.pick(p.otherAccounts) : p.account;
    const sourceIp = traveling ? rng.pick(p.travel!.ips) : draw(rng, p.networks);
    const ua = draw(rng, p.userAgents);
    const console = ua.tooling === "console";
    let origin: SessionOrigin;
    if (p.identity === "iam-user") {
      const identity = console ? iamUserIdentity(p, sessionKey(rng), start) : iamUserIdentity(p, p.accessKeyId!);
      origin = { identity, account, callerName: p.inventory.name, callerArn: p.inventory.arn, sourceIp, userAgent: ua, fromConsole: console, errorRate: p.errorRate };
      if (console) {
        const login = new Session({ ...origin, identity: iamUserIdentity(p), fromConsole: false }, rng, sink);
        login.call("signin:ConsoleLogin", start - rng.between(5, 60) * 1000, { args: { mfa: p.mfa }, error: false });
      }
    } else {
      origin = { ...roleOrigin(p, account, rng, start, sourceIp), userAgent: ua, fromConsole: console };
      // Federated sign-ins report MFAUsed "No": MFA happened at the identity provider.
      if (console) new Session({ ...origin, fromConsole: false }, rng, sink).call("signin:ConsoleLogin", start - rng.between(5, 60) * 1000, { args: { mfa: false }, error: false });
    }
    const session = new Session(origin, rng, sink);
    const count = Math.max(1, Math.round(total / sessions));
    // An IAM user without administrator rights lists and manages only its own keys and policies
    // (AWS's "manage your own credentials" policy): its IAM user calls name itself.
    const args = p.identity === "iam-user" ? { userName: p.inventory.name } : undefined;
    for (const t of burstTimes(rng, start, duration, count)) habitualCall(session, draw(rng, apis), t, rng, sink, draw(rng, p.regions), args);
  }
}

function alwaysOnDay(world: World, p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const dayStart = period.start + day * DAY;
  const total = rng.logNormal(p.dailyEvents, 0.15);
  const weights = Array.from({ length: 24 }, (_, h) => 1 + 0.45 * Math.sin(((h - 8) / 24) * 2 * Math.PI));
  const sum = weights.reduce((a, b) => a + b, 0);
  let session: Session | undefined;
  for (let h = 0; h < 24; h++) {
    const hourStart = dayStart + h * HOUR;
    // Instance-profile and Lambda credentials rotate: a new session key every six hours.
    if (h % (CREDENTIAL_ROTATION / HOUR) === 0 || !session) {
      if (p.identity === "anonymous") {
        session = undefined;
      } else if (p.identity === "aws-service" && !p.roleName) {
        session = new Session(serviceOrigin(p.serviceName!, p.account, p.errorRate), rng, sink);
      } else if (p.identity === "aws-service") {
        session = vendedSession(p, p.serviceName!, rng, sink, hourStart - rng.between(1, 30) * MINUTE, p.serviceName!, { invokedBy: p.serviceName! });
      } else {
        const credential = instanceCredential(world.seed, p, hourStart);
        const vendor = p.instance ? "ec2.amazonaws.com" : "lambda.amazonaws.com";
        session = vendedSession(p, vendor, rng, sink, credential.createdAt, draw(rng, p.networks), { ec2: p.instance !== undefined, accessKeyId: credential.accessKeyId });
      }
    }
    const n = rng.poisson((total * weights[h]!) / sum);
    const region = p.instance?.region ?? p.account.homeRegion;
    if (p.identity === "anonymous") {
      publicReads(p, n, hourStart, rng, sink);
      continue;
    }
    for (let i = 0; i < n; i++) session!.call(draw(rng, p.apis), hourStart + rng.next() * HOUR, { region });
    // Now and then a dev or staging workload reads production configuration through its trusted role.
    if (p.otherAccounts.length > 0 && session && rng.chance(0.02)) crossAccountRead(p, session, hourStart + rng.next() * HOUR, rng, sink);
  }
}

/** Assume the read-only role of a production account from `session`, then read a few settings there. */
function crossAccountRead(p: SimPrincipal, session: Session, time: number, rng: Rng, sink: RecordSink): void {
  const target = rng.pick(p.otherAccounts);
  const role = p.rolesIn[target.id]!;
  const origin = roleOrigin(p, target, rng, time, session.origin.sourceIp);
  issueRoleSession(session, "sts:AssumeRole", time, origin, role.name, role.id);
  const reader = new Session(origin, rng, sink);
  let t = time;
  for (let i = rng.int(2, 6); i > 0; i--) reader.call(rng.pick(["ssm:GetParameter", "s3:GetObject", "secretsmanager:DescribeSecret", "s3:ListObjects"]), (t += rng.between(1, 20) * 1000));
}

/** Anonymous reads of the account's public assets bucket: each visitor a few objects, then gone. */
function publicReads(p: SimPrincipal, n: number, hourStart: number, rng: Rng, sink: RecordSink): void {
  const bucket = p.account.buckets.find((b) => b.name.includes("-app-assets-"));
  if (!bucket) return;
  for (let left = n; left > 0; ) {
    const ua = draw(rng, p.userAgents);
    const visitor = new Session(anonymousOrigin(p.account, draw(rng, p.networks), ua, p.errorRate), rng, sink);
    const t = hourStart + rng.next() * HOUR;
    const views = Math.min(left, 1 + rng.poisson(3));
    for (let i = 0; i < views; i++) visitor.call(draw(rng, p.apis), t + i * rng.between(0.2, 3) * 1000, { args: { bucket } });
    left -= views;
  }
}

function ciDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const dayStart = period.start + day * DAY;
  const weekday = localWeekday(dayStart, 0);
  const runs = weekday === 0 || weekday === 6 ? rng.poisson(0.3) : 1 + rng.poisson(3);
  for (let r = 0; r < runs; r++) {
    const start = dayStart + rng.between(7, 20) * HOUR;
    // GitHub-hosted runners get a fresh address from the provider's pool on every run.
    const sourceIp = rng.pick(p.networks.items);
    const ua = draw(rng, p.userAgents);
    const subject = `repo:${p.account.name.split("-").slice(-1)[0]}/service:ref:refs/heads/main`;
    const webIdentityUser = {
      type: "WebIdentityUser",
      principalId: `token.actions.githubusercontent.com:sts.amazonaws.com:${subject}`,
      userName: subject,
      identityProvider: "token.actions.githubusercontent.com",
    };
    const origin = { ...roleOrigin(p, p.account, rng, start, sourceIp, { webIdentity: true, sessionName: `GitHubActions-${rng.int(100000, 999999)}` }), userAgent: ua };
    const runner = new Session({ identity: webIdentityUser, account: p.account, callerName: subject, callerArn: subject, sourceIp, userAgent: userAgentForCall(ua, "sts", "AssumeRoleWithWebIdentity"), errorRate: 0 }, rng, sink);
    issueRoleSession(runner, "sts:AssumeRoleWithWebIdentity", start, origin, p.roleName!, p.roleId!, { subject });
    let session = new Session(origin, rng, sink);
    // A central pipeline hops into the workload account it deploys to.
    if (p.otherAccounts.length > 0) {
      const target = rng.pick(p.otherAccounts);
      // The workflow names the hop's session, or leaves the runner's.
      const hop = { ...roleOrigin(p, target, rng, start + 3000, sourceIp, { sessionName: rng.chance(0.5) ? scriptSessionName(rng) : origin.callerName }), userAgent: ua };
      issueRoleSession(session, "sts:AssumeRole", start + 3000, hop, p.rolesIn[target.id]!.name, p.rolesIn[target.id]!.id);
      session = new Session(hop, rng, sink);
    }
    for (const t of burstTimes(rng, start + 5000, rng.between(4, 15) * MINUTE, Math.round(rng.logNormal(p.dailyEvents / 4, 0.3)))) {
      habitualCall(session, draw(rng, p.apis), t, rng, sink);
    }
  }
}

function sweepDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  let t = period.start + day * DAY + 2 * HOUR + rng.between(0, 20) * MINUTE;
  const sourceIp = draw(rng, p.networks);
  const base = vendedSession(p, "ec2.amazonaws.com", rng, sink, t - rng.between(10, 50) * MINUTE, sourceIp, { ec2: true });
  for (const account of [p.account, ...p.otherAccounts]) {
    let session = base;
    if (account !== p.account) {
      const origin = roleOrigin(p, account, rng, t, sourceIp, { sessionName: "cspm-scan" });
      issueRoleSession(base, "sts:AssumeRole", t, origin, p.rolesIn[account.id]!.name, p.rolesIn[account.id]!.id);
      session = new Session(origin, rng, sink);
    }
    const times = burstTimes(rng, t, rng.between(6, 14) * MINUTE, Math.round(rng.logNormal(p.dailyEvents, 0.2)));
    // A CSPM sweep covers every region, not just those the account uses.
    for (const time of times) session.call(draw(rng, p.apis), time, { region: rng.pick(ALL_REGIONS) });
    t = (times[times.length - 1] ?? t) + rng.between(5, 60) * 1000;
  }
}

function nightlyDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const start = period.start + day * DAY + 1 * HOUR + rng.between(0, 30) * MINUTE;
  const session = vendedSession(p, "ecs-tasks.amazonaws.com", rng, sink, start - rng.between(1, 5) * MINUTE, draw(rng, p.networks), { sessionName: `backup-${isoSeconds(start).slice(0, 10)}` });
  const sources = p.account.buckets.filter((b) => b.sensitive && !b.name.includes("-backups-"));
  const target = p.account.buckets.find((b) => b.name.includes("-backups-")) ?? p.account.buckets[0]!;
  let t = start;
  const perBucket = Math.round(rng.logNormal(p.dailyEvents, 0.1) / Math.max(1, sources.length) / 2);
  for (const bucket of sources) {
    session.call("s3:ListObjects", t, { args: { bucket } });
    for (const time of burstTimes(rng, t, 20 * MINUTE, perBucket)) {
      const key = `${rng.pick(bucket.keyPrefixes)}${rng.hex(12)}.parquet`;
      session.call("s3:GetObject", time, { args: { bucket, key }, error: false });
      session.call("s3:PutObject", time + rng.between(200, 2000), { args: { bucket: target, key: `backup/daily/${bucket.name}/${key}` } });
      t = time;
    }
  }
}

/** Generate one principal's benign activity on day `day` of the period into `sink`. */
export function generateBenignDay(world: World, p: SimPrincipal, day: number, period: Period, sink: RecordSink): void {
  const rng = new Rng(world.seed, `benign/${p.key}/day/${day}`);
  // Sessions that run past the period's edges are cut, as a log export would cut them.
  const clipped: RecordSink = (r) => {
    if (r.time >= period.start && r.time < period.end) sink(r);
  };
  switch (persona(p.persona).schedule) {
    case "office":
      return officeDay(p, day, period, rng, clipped);
    case "always":
      return alwaysOnDay(world, p, day, period, rng, clipped);
    case "ci":
      return ciDay(p, day, period, rng, clipped);
    case "daily-sweep":
      return sweepDay(p, day, period, rng, clipped);
    case "nightly":
      return nightlyDay(p, day, period, rng, clipped);
    case "dormant":
      return;
  }
}
