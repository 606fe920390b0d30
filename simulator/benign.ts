/**
 * Benign behaviour: one principal's activity on one day, from its persona and habits. Each
 * (principal, day) has its own random stream, so days can be generated in any order or worker.
 */
import { DAY, HOUR, MINUTE, localWeekday } from "./clock.ts";
import { assumedRoleIdentity, awsServiceIdentity, iamUserIdentity, sessionKey } from "./identity.ts";
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

/** The assumed-role origin of a principal's session in `account`. */
export function roleOrigin(p: SimPrincipal, account: SimAccount, rng: Rng, at: number, sourceIp: string, extra: { webIdentity?: boolean; ec2?: boolean; accessKeyId?: string } = {}): SessionOrigin {
  const identity = assumedRoleIdentity({
    accountId: account.id,
    roleName: p.roleName!,
    roleId: p.roleId!,
    ...(p.identity === "sso" ? { rolePath: "/aws-reserved/sso.amazonaws.com/" } : {}),
    sessionName: p.sessionName!,
    accessKeyId: extra.accessKeyId ?? sessionKey(rng),
    createdAt: at,
    mfa: p.mfa,
    ...(extra.webIdentity ? { webIdentityProvider: "token.actions.githubusercontent.com" } : {}),
    ...(extra.ec2 ? { ec2RoleDelivery: true } : {}),
  });
  return {
    identity,
    account,
    callerName: p.sessionName!,
    callerArn: identity.arn as string,
    sourceIp,
    userAgent: draw(rng, p.userAgents),
    errorRate: p.errorRate,
  };
}

const STACK_UPDATE_CALLS = ["lambda:UpdateFunctionConfiguration20150331v2", "ec2:CreateTags", "iam:GetRole", "ec2:DescribeSecurityGroups", "ecs:UpdateService", "logs:DescribeLogGroups"];

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

/** Make a habitual call; a change-set execution brings CloudFormation's own calls with it. */
function habitualCall(session: Session, api: string, time: number, rng: Rng, sink: RecordSink, region?: string): void {
  session.call(api, time, region ? { region } : {});
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
        const login = new Session({ ...origin, identity: { type: "IAMUser", principalId: p.userId, arn: p.inventory.arn, accountId: account.id, userName: p.inventory.name }, fromConsole: false }, rng, sink);
        login.call("signin:ConsoleLogin", start - rng.between(5, 60) * 1000, { args: { mfa: p.mfa }, error: false });
      }
    } else {
      origin = { ...roleOrigin(p, account, rng, start, sourceIp), userAgent: ua, fromConsole: console };
      if (console) new Session({ ...origin, fromConsole: false }, rng, sink).call("signin:ConsoleLogin", start - rng.between(5, 60) * 1000, { args: { mfa: true }, error: false });
    }
    const session = new Session(origin, rng, sink);
    const count = Math.max(1, Math.round(total / sessions));
    for (const t of burstTimes(rng, start, duration, count)) habitualCall(session, draw(rng, apis), t, rng, sink, draw(rng, p.regions));
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
      if (p.identity === "aws-service") {
        session = new Session(
          { identity: awsServiceIdentity(p.serviceName!), account: p.account, callerName: p.serviceName!, callerArn: p.serviceName!, sourceIp: p.serviceName!, userAgent: p.serviceName!, invokedBy: p.serviceName!, errorRate: p.errorRate },
          rng,
          sink,
        );
      } else {
        const credential = instanceCredential(world.seed, p, hourStart);
        session = new Session(roleOrigin(p, p.account, rng, credential.createdAt, draw(rng, p.networks), { ec2: p.instance !== undefined, accessKeyId: credential.accessKeyId }), rng, sink);
      }
    }
    const n = rng.poisson((total * weights[h]!) / sum);
    const region = p.instance?.region ?? p.account.homeRegion;
    for (let i = 0; i < n; i++) session.call(draw(rng, p.apis), hourStart + rng.next() * HOUR, { region });
  }
}

function ciDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const dayStart = period.start + day * DAY;
  const weekday = new Date(dayStart).getUTCDay();
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
    new Session({ identity: webIdentityUser, account: p.account, callerName: subject, callerArn: subject, sourceIp, userAgent: userAgentForCall(ua, "sts", "AssumeRoleWithWebIdentity"), errorRate: 0 }, rng, sink).call(
      "sts:AssumeRoleWithWebIdentity",
      start,
      { args: { roleName: p.roleName, subject } },
    );
    const session = new Session(roleOrigin({ ...p, sessionName: `GitHubActions-${rng.int(100000, 999999)}` }, p.account, rng, start, sourceIp, { webIdentity: true }), rng, sink);
    for (const t of burstTimes(rng, start + 5000, rng.between(4, 15) * MINUTE, Math.round(rng.logNormal(p.dailyEvents / 4, 0.3)))) {
      habitualCall(session, draw(rng, p.apis), t, rng, sink);
    }
  }
}

function sweepDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  let t = period.start + day * DAY + 2 * HOUR + rng.between(0, 20) * MINUTE;
  const sourceIp = draw(rng, p.networks);
  const base = new Session(roleOrigin({ ...p, sessionName: p.instance?.id ?? "scanner" }, p.account, rng, t - HOUR, sourceIp), rng, sink);
  for (const account of [p.account, ...p.otherAccounts]) {
    if (account !== p.account) {
      base.call("sts:AssumeRole", t, { account, args: { targetAccountId: account.id, roleName: p.roleName, roleSessionName: "cspm-scan" } });
    }
    const session = new Session(roleOrigin({ ...p, sessionName: "cspm-scan" }, account, rng, t, sourceIp), rng, sink);
    const times = burstTimes(rng, t, rng.between(6, 14) * MINUTE, Math.round(rng.logNormal(p.dailyEvents, 0.2)));
    for (const time of times) session.call(draw(rng, p.apis), time, { region: rng.pick(account.regions) });
    t = (times[times.length - 1] ?? t) + rng.between(5, 60) * 1000;
  }
}

function nightlyDay(p: SimPrincipal, day: number, period: Period, rng: Rng, sink: RecordSink): void {
  const start = period.start + day * DAY + 1 * HOUR + rng.between(0, 30) * MINUTE;
  const session = new Session(roleOrigin({ ...p, sessionName: `backup-${new Date(start).toISOString().slice(0, 10)}` }, p.account, rng, start, draw(rng, p.networks)), rng, sink);
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
  }
}
