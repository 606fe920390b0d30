/**
 * Test support: a realistic ReportInput built the way the CLI builds one. A seeded estate of
 * attack campaigns and benign look-alike episodes (truth), GuardDuty-shaped sequence findings per
 * variant with signals, actors, resources, endpoints, indicators and markers shaped like
 * detector/assemble.ts writes them (weaker variants detect less and raise more false positives),
 * below-threshold candidates for the PR curves, foundational findings for the funnel; then eval's
 * own `evaluate`, matching and `aggregate` turn them into the eval reports, verdicts and the
 * aggregate. Test support only: report code itself imports eval types, never eval.
 */
import alea from "seedrandom/lib/alea.js";
import { tactic as tacticById, technique as techniqueById } from "../schema/attack.ts";
import { findingSchema, type DetectionSummary, type Finding, type FiredMarker, type Indicator, type SequenceSignal } from "../schema/finding.ts";
import type { Campaign, Truth } from "../schema/truth.ts";
import { makeFinding } from "../eval/testing.ts";
import { evaluate } from "../eval/evaluate.ts";
import { matchFindings } from "../eval/match.ts";
import { outcomeAtThreshold } from "../eval/outcome.ts";
import { aggregate, aggregateJson, type RunEvaluation } from "../eval/aggregate.ts";
import type { ReportInput, ReportRun, ReportSequence, ReportVariantRun } from "./input.ts";

/** What a test may vary. */
export interface SampleOptions {
  /** Runs (seeds 1..runs); 1 gives a single-run report without aggregate. Default 2. */
  runs?: number;
  /** Variant names, strongest detector first. Default full, rules-only, first-seen. */
  variants?: string[];
  /** Attack instances of each scenario per run. Default 1. */
  instances?: number;
  /** Below-threshold candidates per run and variant (the length of the PR sweep). Default 40. */
  belowThreshold?: number;
  /** A string planted in every user agent, bucket name, marker evidence and signal description, and in one persona (e.g. an HTML payload). */
  payload?: string;
}

/** An HTML payload for escaping tests: a tag with an event handler, an attribute break-out and a script close. */
export const HTML_PAYLOAD = `<img src=x onerror=alert(1)>"'><script>alert(2)</script>`;

const THRESHOLD = 12;
const EVALUATION_START = Date.parse("2026-10-12T00:00:00Z");
const END = Date.parse("2026-10-19T00:00:00Z");
const MINUTE = 60_000;
const ACCOUNTS = ["111122223333", "222233334444", "333344445555", "444455556666"];

/** Attack scenarios: id, expected sequence type, stages as [tactic, technique]. */
const ATTACKS: readonly { id: string; type: string; stages: [string, string][] }[] = [
  { id: "leaked-access-key-mining", type: "AttackSequence:IAM/CompromisedCredentials", stages: [["TA0001", "T1078.004"], ["TA0007", "T1580"], ["TA0040", "T1496"]] },
  { id: "console-login-no-mfa-backdoor", type: "AttackSequence:IAM/CompromisedCredentials", stages: [["TA0001", "T1078.004"], ["TA0003", "T1098.001"], ["TA0004", "T1098.003"], ["TA0005", "T1562.008"]] },
  { id: "instance-credential-exfiltration", type: "AttackSequence:S3/CompromisedData", stages: [["TA0006", "T1552.005"], ["TA0007", "T1619"], ["TA0009", "T1530"]] },
  { id: "s3-ransom-sse-c", type: "AttackSequence:S3/CompromisedData", stages: [["TA0007", "T1619"], ["TA0009", "T1530"], ["TA0040", "T1486"]] },
  { id: "ec2-instance-group-cryptomining", type: "AttackSequence:EC2/CompromisedInstanceGroup", stages: [["TA0002", "T1059.004"], ["TA0003", "T1053.003"], ["TA0011", "T1071.001"], ["TA0040", "T1496"]] },
  { id: "cross-account-role-pivot", type: "AttackSequence:IAM/CompromisedCredentials", stages: [["TA0001", "T1078.004"], ["TA0008", "T1550.001"], ["TA0007", "T1087.004"]] },
  { id: "secrets-harvesting", type: "AttackSequence:IAM/CompromisedCredentials", stages: [["TA0007", "T1526"], ["TA0006", "T1555.006"]] },
  { id: "exfiltrate-then-destroy", type: "AttackSequence:S3/CompromisedData", stages: [["TA0009", "T1530"], ["TA0010", "T1537"], ["TA0040", "T1485"]] },
];

/** Benign look-alike episodes: id and stages. */
const LOOKALIKES: readonly { id: string; stages: [string, string][] }[] = [
  { id: "scanner-access-denied-sweep", stages: [["TA0007", "T1580"]] },
  { id: "backup-dr-bulk-read", stages: [["TA0009", "T1530"]] },
  { id: "employee-travel", stages: [["TA0001", "T1078.004"]] },
  { id: "trail-reconfiguration-change-window", stages: [["TA0005", "T1562.008"]] },
];

/** Personas background false positives fall on. */
const PERSONAS = ["developer-legacy-key", "platform-admin", "cicd-role", "data-analyst", null];

/** The signal a stage of each tactic raises: GuardDuty-style type and source type. */
const SIGNAL_OF: Record<string, [string, SequenceSignal["type"]]> = {
  TA0001: ["UnauthorizedAccess:IAMUser/TorIPCaller", "FINDING"],
  TA0002: ["Execution:Runtime/NewBinaryExecuted", "RUNTIME_MONITORING"],
  TA0003: ["Persistence:IAMUser/AnomalousBehavior", "FINDING"],
  TA0004: ["PrivilegeEscalation:IAMUser/AnomalousBehavior", "FINDING"],
  TA0005: ["Stealth:IAMUser/CloudTrailLoggingDisabled", "FINDING"],
  TA0006: ["CredentialAccess:IAMUser/AnomalousBehavior", "FINDING"],
  TA0007: ["Discovery:IAMUser/AnomalousBehavior", "FINDING"],
  TA0008: ["LateralMovement:IAMUser/NewCrossAccountRole", "FINDING"],
  TA0009: ["Exfiltration:S3/AnomalousBehavior", "S3_DATA_EVENTS"],
  TA0010: ["Exfiltration:S3/BucketReplicationToForeignAccount", "FINDING"],
  TA0011: ["Backdoor:EC2/C&CActivity.B", "FLOW_LOGS"],
  TA0040: ["Impact:IAMUser/AnomalousBehavior", "FINDING"],
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** The sample report input (see {@link SampleOptions}). Deterministic: same options, same input. */
export function sampleReportInput(opts: SampleOptions = {}): ReportInput {
  const runCount = opts.runs ?? 2;
  const variants = opts.variants ?? ["full", "rules-only", "first-seen"];
  const runs: ReportRun[] = [];
  const evaluations: RunEvaluation[] = [];
  for (let seed = 1; seed <= runCount; seed++) {
    const run = sampleRun(seed, variants, opts);
    runs.push(run);
    for (const v of run.variants) evaluations.push({ run: run.name, report: v.eval });
  }
  const seeds = runCount;
  const comparison = runCount > 1;
  return {
    kind: comparison ? "comparison" : "run",
    title: comparison ? `seqlab comparison: ${variants.join(", ")} over ${seeds} seeds` : "seqlab run seed-1",
    command: comparison ? `npm run compare -- --variants ${variants.join(",")} --seeds ${seeds} --suite default --out runs/compare` : `npm run report -- --run runs/seed-1`,
    generatedAt: null,
    runs,
    aggregate: comparison ? reportAggregate(evaluations, variants[0]!) : null,
  };
}

/** A single run where nothing was detected, the detector wrote no summary and no metric is defined: the page must still render. */
export function emptyReportInput(): ReportInput {
  const input = sampleReportInput({ runs: 1 });
  const run = input.runs[0]!;
  return {
    ...input,
    runs: [
      {
        ...run,
        campaigns: [],
        variants: run.variants.map((v) => ({
          ...v,
          summary: null,
          sequences: [],
          eval: {
            ...v.eval,
            sequence: { ...v.eval.sequence, precision: null, recall: null, f1: null, prAuc: null, falsePer100AccountDays: null },
            timeToDetect: { medianMinutes: null, p90Minutes: null, fromLastStageMedianMinutes: null, detected: 0 },
            stageCoverage: { mean: null, coveredStages: 0, stages: 0 },
            hardNegatives: { episodes: 0, flagged: 0, flaggedShare: null },
            alertReduction: { ...v.eval.alertReduction, signals: null, foundationalFindings: 0, sequenceFindings: 0, analystItems: 0, reductionFactor: null },
            perScenario: [],
            perTactic: [],
            curve: [],
          },
        })),
      },
    ],
  };
}

function reportAggregate(evaluations: RunEvaluation[], baseline: string): ReportInput["aggregate"] {
  const a = aggregateJson(aggregate(evaluations, { seed: 1, resamples: 1000, baseline }));
  return { runs: a.runs, variants: a.variants, baseline: a.baseline, resamples: a.resamples, confidence: a.confidence, metrics: a.metrics, paired: a.paired, scenarios: a.scenarios };
}

function sampleRun(seed: number, variants: readonly string[], opts: SampleOptions): ReportRun {
  const truth = sampleTruth(seed, opts.instances ?? 1);
  const name = `seed-${seed}`;
  return {
    name,
    seed,
    suite: "default",
    days: 14,
    accounts: ACCOUNTS.length,
    command: `npm run simulate -- --out runs/${name} --seed ${seed} --suite default --days 14 --accounts ${ACCOUNTS.length}`,
    campaigns: truth.campaigns
      .filter((c) => Date.parse(c.start) >= EVALUATION_START)
      .map((c) => ({ id: c.id, scenarioId: c.scenarioId, kind: c.kind, stages: c.stages.map((s) => ({ tactic: s.tactic, technique: s.technique })) })),
    variants: variants.map((variant, strength) => sampleVariantRun(truth, seed, variant, strength, opts)),
  };
}

function sampleTruth(seed: number, instances: number): Truth {
  const random = alea(`truth/${seed}`);
  const span = END - EVALUATION_START - 30 * 60 * MINUTE;
  const campaign = (id: string, scenarioId: string, kind: Campaign["kind"], type: string | null, stages: [string, string][], i: number): Campaign => {
    const start = EVALUATION_START + Math.floor(random() * span);
    let t = start;
    const account = ACCOUNTS[i % ACCOUNTS.length]!;
    const built = stages.map(([tactic, technique], s) => {
      const stageStart = t;
      const stageEnd = stageStart + (5 + Math.floor(random() * 40)) * MINUTE;
      t = stageEnd + (10 + Math.floor(random() * 180)) * MINUTE;
      return { id: `${id}-s${s + 1}`, tactic, technique, start: iso(stageStart), end: iso(stageEnd), eventIds: [0, 1, 2].map((k) => `${id}-s${s + 1}-e${k}`) };
    });
    return { id, scenarioId, kind, accounts: [account], actors: [`arn:aws:iam::${account}:user/svc-deploy-${i}`], start: iso(start), end: built[built.length - 1]!.end, expectedSequenceType: type, stages: built };
  };
  const campaigns: Campaign[] = [];
  let i = 0;
  for (let n = 0; n < instances; n++) for (const a of ATTACKS) campaigns.push(campaign(`c${seed}-${String(++i).padStart(3, "0")}`, a.id, "attack", a.type, a.stages, i));
  for (const b of LOOKALIKES) campaigns.push(campaign(`c${seed}-${String(++i).padStart(3, "0")}`, b.id, "benign", null, b.stages, i));
  return { period: { start: "2026-10-05T00:00:00Z", evaluationStart: iso(EVALUATION_START), end: iso(END) }, accounts: ACCOUNTS, campaigns };
}

/** One variant on one run: findings, then eval's report and the verdicts, as the CLI would load them. */
function sampleVariantRun(truth: Truth, seed: number, variant: string, strength: number, opts: SampleOptions): ReportVariantRun {
  const random = alea(`findings/${seed}/${variant}`);
  const detectRate = Math.max(0.25, 0.9 - 0.2 * strength);
  const findings: Finding[] = [];
  const personaOf = new Map<string, string | null>();
  let n = 0;
  const nextId = () => `${variant.replace(/[^a-z0-9]/gi, "")}${seed}f${String(++n).padStart(4, "0")}`;
  const payload = opts.payload ?? "";

  for (const c of truth.campaigns) {
    const hit = c.kind === "attack" ? random() < detectRate : random() < 0.2 + 0.15 * strength;
    if (!hit) continue;
    const covered = c.stages.filter((_, i) => i === 0 || random() < 0.75);
    findings.push(sequenceFinding({ id: nextId(), variant, campaign: c, stages: covered, score: THRESHOLD + 1 + random() * 10, random, payload }));
    if (c.kind === "attack" && random() < 0.15) findings.push(sequenceFinding({ id: nextId(), variant, campaign: c, stages: covered.slice(-1), score: THRESHOLD + random() * 3, random, payload, laterBy: 90 }));
  }
  const falsePositives = 2 + 2 * strength;
  for (let k = 0; k < falsePositives; k++) {
    const f = backgroundFinding({ id: nextId(), variant, score: THRESHOLD + random() * 6, random, payload });
    const persona = PERSONAS[Math.floor(random() * PERSONAS.length)]!;
    // With a payload, the first false positive's persona carries it too: persona labels reach the charts' JSON.
    personaOf.set(f.id, payload && k === 0 ? `data-analyst${payload}` : persona);
    findings.push(f);
  }
  for (let k = 0; k < (opts.belowThreshold ?? 40); k++) {
    const attack = truth.campaigns[Math.floor(random() * truth.campaigns.length)]!;
    findings.push(
      k % 2 === 0
        ? sequenceFinding({ id: nextId(), variant, campaign: attack, stages: attack.stages.slice(0, 1), score: random() * THRESHOLD, random, payload })
        : backgroundFinding({ id: nextId(), variant, score: random() * THRESHOLD, random, payload }),
    );
  }
  // Foundational findings: those the raised sequences fold in, and some no sequence contains.
  const raised = findings.filter((f) => f.seqlab.score >= f.seqlab.threshold);
  const foundational = raised.flatMap((f) => (f.service.detection?.sequence?.signals ?? []).filter((s) => s.type === "FINDING").map((s) => foundationalFinding(s, f, variant)));
  for (let k = 0; k < 6 + 6 * strength; k++) foundational.push(foundationalFinding(undefined, findings[k % findings.length]!, variant, `${variant}${seed}found${k}`));

  const all = [...findings, ...dedupe(foundational)];
  const signals = 4000 + 3000 * strength + Math.floor(random() * 500);
  const summary: DetectionSummary = { variant, records: { read: 2_400_000 + seed * 1000, used: 2_390_000 + seed * 1000, rejected: 12 }, signals };
  const report = evaluate({
    truth,
    findings: all,
    summary,
    variant,
    files: { truthFile: `runs/seed-${seed}/truth.json`, findingsFile: `runs/seed-${seed}/findings/${variant}.ndjson`, summaryFile: `runs/seed-${seed}/findings/${variant}.summary.json` },
    read: all.length,
    rejected: [],
  });
  return { variant, eval: report, summary, sequences: reportSequences(truth, all, personaOf) };
}

/** Verdicts as eval decides them: raised candidates in detection order, the first per attack campaign a true positive. */
function reportSequences(truth: Truth, findings: readonly Finding[], personaOf: Map<string, string | null>): ReportSequence[] {
  const matching = matchFindings(truth, findings);
  const outcome = outcomeAtThreshold(matching);
  const first = new Set([...outcome.detected.values()].map((list) => list[0]!.finding.id));
  return matching.candidates
    .filter((c) => c.raised)
    .map((c): ReportSequence => {
      const campaign = c.campaign?.campaign ?? null;
      const events = new Set(c.finding.seqlab.eventIds);
      const verdict = campaign === null || campaign.kind === "benign" ? "false-positive" : first.has(c.finding.id) ? "true-positive" : "duplicate";
      return {
        finding: c.finding,
        verdict,
        truth: campaign && {
          campaignId: campaign.id,
          scenarioId: campaign.scenarioId,
          kind: campaign.kind,
          expectedSequenceType: campaign.expectedSequenceType,
          start: campaign.start,
          stages: campaign.stages.map((s) => ({ id: s.id, tactic: s.tactic, technique: s.technique, start: s.start, end: s.end, covered: s.eventIds.some((e) => events.has(e)) })),
        },
        persona: campaign === null ? (personaOf.get(c.finding.id) ?? null) : null,
      };
    });
}

interface SequenceSpec {
  id: string;
  variant: string;
  campaign: Campaign;
  stages: Campaign["stages"];
  score: number;
  random: () => number;
  payload: string;
  /** Minutes after the last stage's end the finding is raised (default 5-60). */
  laterBy?: number;
}

/** A sequence finding over some stages of a campaign, shaped as detector/assemble.ts writes them. */
function sequenceFinding(spec: SequenceSpec): Finding {
  const { campaign, random, payload } = spec;
  const account = campaign.accounts[0]!;
  const user = campaign.actors[0]!.slice(campaign.actors[0]!.lastIndexOf("/") + 1);
  const key = `AKIA${spec.id.toUpperCase().replace(/[^A-Z0-9]/g, "").padEnd(16, "X").slice(0, 16)}`;
  const ip = `185.220.${Math.floor(random() * 200)}.${Math.floor(random() * 250) + 1}`;
  const userAgent = `python-requests/2.31.0 ${payload}`.trim();
  const bucket = `finance-reports-${account.slice(-4)}${payload}`;
  const signals = spec.stages.map((stage): SequenceSignal => {
    const [name, type] = SIGNAL_OF[stage.tactic] ?? ["Discovery:IAMUser/AnomalousBehavior", "CLOUD_TRAIL"];
    const t = tacticById(stage.tactic)!;
    const technique = techniqueById(stage.technique)!;
    const indicators: Indicator[] = [
      { key: "ATTACK_TACTIC", values: [t.name] },
      { key: "ATTACK_TECHNIQUE", values: [technique.name] },
      ...(stage.tactic === "TA0001" ? [{ key: "TOR_IP", values: [ip] }, { key: "SUSPICIOUS_USER_AGENT", values: [userAgent] }] : []),
      ...(stage.tactic === "TA0009" ? [{ key: "SENSITIVE_DATA", values: [bucket] }] : []),
    ];
    return {
      uid: type === "FINDING" ? `${spec.id}-${stage.id}-fnd` : `${spec.id}-${stage.id}-sig`,
      type,
      name,
      description: `${technique.name} by ${user} from ${ip} with user agent ${userAgent}`,
      createdAt: stage.start,
      updatedAt: stage.end,
      firstSeenAt: stage.start,
      lastSeenAt: stage.end,
      severity: 3 + Math.round(random() * 50) / 10,
      count: 1 + Math.floor(random() * 40),
      actorIds: [`IAMUSER:${campaign.actors[0]}`],
      resourceUids: stage.tactic === "TA0009" ? [bucket, key] : [key],
      endpointIds: [`ENDPOINT:${ip}`],
      signalIndicators: indicators,
    };
  });
  const lastEnd = Date.parse(spec.stages[spec.stages.length - 1]!.end);
  const detectedAt = iso(Math.min(END - MINUTE, lastEnd + (spec.laterBy ?? 5 + Math.floor(random() * 55)) * MINUTE));
  const tactics = [...new Set(spec.stages.map((s) => tacticById(s.tactic)!.name))];
  const markers: FiredMarker[] = [
    { id: "kill-chain-progression", weight: 3 + 0.75 * Math.max(0, tactics.length - 2), evidence: `${tactics.length} ATT&CK tactics in kill-chain order: ${tactics.join(" → ")}` },
    { id: "credential-outside-network", weight: 2.5, evidence: `access key ${key} of ${user} used from ${ip} (AS4224 Calyx Institute, tor), never seen for this key` },
    { id: "pentest-user-agent", weight: 1.5, evidence: `user agent "${userAgent}" is not one ${user} used in history` },
    { id: "habitual-origin", weight: -1, evidence: `${user} called from this /24 on 3 of 30 history days` },
  ];
  const type = campaign.expectedSequenceType ?? "AttackSequence:IAM/CompromisedCredentials";
  const sequence = {
    uid: spec.id,
    description: `A sequence of ${signals.length} signals indicating ${type.slice("AttackSequence:".length)} in account(s) ${account}.`,
    actors: [{ id: `IAMUSER:${campaign.actors[0]}`, user: { name: user, uid: campaign.actors[0]!, type: "IAMUser", credentialUid: key, account: { uid: account } }, session: { uid: `${user}-session`, mfaStatus: "DISABLED" as const } }],
    resources: [
      { uid: key, name: key, accountId: account, region: "us-east-1", resourceType: "ACCESS_KEY" as const },
      { uid: bucket, name: bucket, accountId: account, region: "us-east-1", resourceType: "S3_BUCKET" as const },
    ],
    endpoints: [{ id: `ENDPOINT:${ip}`, ip, autonomousSystem: { name: "Calyx Institute", number: 4224 }, connection: { direction: "INBOUND" as const } }],
    signals,
    sequenceIndicators: [
      { key: "ATTACK_TACTIC", values: tactics, title: "Attack tactics" },
      { key: "TOR_IP", values: [ip] },
      { key: "SUSPICIOUS_USER_AGENT", values: [userAgent] },
      { key: "HIGH_RISK_API", values: ["iam:CreateAccessKey", "s3:PutBucketPolicy"], title: "High-risk APIs" },
    ],
    additionalSequenceTypes: [],
  };
  return withSequence(spec.id, spec.variant, type, account, detectedAt, spec.score, spec.stages.flatMap((s) => s.eventIds), user, sequence, markers, spec.stages[0]!.start);
}

/** A sequence finding on background activity (no campaign's events): a false positive or a low-scoring candidate. */
function backgroundFinding(spec: { id: string; variant: string; score: number; random: () => number; payload: string }): Finding {
  const { random } = spec;
  const start = EVALUATION_START + Math.floor(random() * (END - EVALUATION_START - 12 * 60 * MINUTE));
  const account = ACCOUNTS[Math.floor(random() * ACCOUNTS.length)]!;
  const user = `dev-${Math.floor(random() * 90) + 10}`;
  const ip = `203.0.113.${Math.floor(random() * 250) + 1}`;
  const userAgent = `aws-cli/2.15.0 ${spec.payload}`.trim();
  const steps: [string, number][] = [["TA0007", 0], ["TA0003", 40 + Math.floor(random() * 200)]];
  const signals = steps.map(([tactic, offset], i): SequenceSignal => {
    const [name, type] = SIGNAL_OF[tactic]!;
    const at = iso(start + offset * MINUTE);
    return {
      uid: `${spec.id}-bg${i}`,
      type: type === "FINDING" ? "CLOUD_TRAIL" : type,
      name,
      description: `${name} by ${user} from ${ip} with user agent ${userAgent}`,
      createdAt: at,
      updatedAt: at,
      firstSeenAt: at,
      lastSeenAt: at,
      severity: 2 + Math.round(random() * 40) / 10,
      count: 1 + Math.floor(random() * 12),
      actorIds: [`IAMUSER:arn:aws:iam::${account}:user/${user}`],
      signalIndicators: [{ key: "ATTACK_TACTIC", values: [tacticById(tactic)!.name] }, { key: "UNUSUAL_ASN_FOR_USER", values: ["AS64500"] }],
    };
  });
  const detectedAt = iso(Date.parse(signals[signals.length - 1]!.lastSeenAt) + 5 * MINUTE);
  const sequence = {
    uid: spec.id,
    description: `A sequence of ${signals.length} signals indicating IAM/CompromisedCredentials in account(s) ${account}.`,
    actors: [{ id: `IAMUSER:arn:aws:iam::${account}:user/${user}`, user: { name: user, uid: `arn:aws:iam::${account}:user/${user}`, type: "IAMUser", account: { uid: account } } }],
    resources: [],
    endpoints: [{ id: `ENDPOINT:${ip}`, ip, connection: { direction: "INBOUND" as const } }],
    signals,
    sequenceIndicators: [{ key: "ATTACK_TACTIC", values: ["Discovery", "Persistence"], title: "Attack tactics" }, { key: "UNUSUAL_ASN_FOR_USER", values: ["AS64500"] }],
    additionalSequenceTypes: [],
  };
  const markers: FiredMarker[] = [{ id: "discovery-breadth", weight: 2, evidence: `${user} listed 9 services it never listed before (user agent ${userAgent})` }];
  return withSequence(spec.id, spec.variant, "AttackSequence:IAM/CompromisedCredentials", account, detectedAt, spec.score, [`${spec.id}-bg-event-1`, `${spec.id}-bg-event-2`], user, sequence, markers, signals[0]!.firstSeenAt);
}

/** makeFinding's valid base with the sequence, markers and timing of a real sequence finding, re-validated. */
function withSequence(id: string, variant: string, type: string, accountId: string, detectedAt: string, score: number, eventIds: string[], principal: string, sequence: object, markers: FiredMarker[], firstSeen: string): Finding {
  const base = makeFinding({ id, eventIds, detectedAt, score, threshold: THRESHOLD, type, variant, accountId });
  return findingSchema.parse({
    ...base,
    title: `Potential ${type.split("/")[1]!.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} of ${principal} indicated by a sequence of actions.`,
    description: (sequence as { description: string }).description,
    severity: Math.min(10, 9 + Math.max(0, score - THRESHOLD) / (2 * THRESHOLD)),
    service: { ...base.service, featureName: "Correlation", eventFirstSeen: firstSeen, eventLastSeen: detectedAt, detection: { sequence } },
    seqlab: { ...base.seqlab, markers },
  });
}

/** A foundational finding: the one a FINDING signal names, or a standalone one (`id` given). */
function foundationalFinding(signal: SequenceSignal | undefined, near: Finding, variant: string, id?: string): Finding {
  const at = signal?.firstSeenAt ?? near.seqlab.detectedAt;
  return makeFinding({ id: id ?? signal!.uid, eventIds: [`${id ?? signal!.uid}-event`], detectedAt: at, score: 5, threshold: 0, type: signal?.name ?? "Discovery:IAMUser/AnomalousBehavior", variant, accountId: near.accountId });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}
