/**
 * The sequences a report shows: a variant's raised sequence findings of the evaluation period,
 * each joined to truth with eval's own matching, so the report's verdicts are the ones its metrics
 * count: true positive, false positive or duplicate, the campaign's stages it covered, and for
 * false positives on background activity the persona of the identity it fell on.
 */
import type { Finding } from "../schema/finding.ts";
import type { Truth } from "../schema/truth.ts";
import { matchFindings, type Candidate, type ScoredCampaign } from "../eval/match.ts";
import { outcomeAtThreshold } from "../eval/outcome.ts";
import type { FindingTruth, ReportRun, ReportSequence } from "../reports/input.ts";

/** The raised sequence findings of `findings`, in detection order, with their verdicts against `truth`. */
export function reportSequences(truth: Truth, findings: readonly Finding[]): ReportSequence[] {
  const matching = matchFindings(truth, findings);
  const { detected } = outcomeAtThreshold(matching);
  return matching.candidates
    .filter((c) => c.raised)
    .map((c): ReportSequence => ({
      finding: c.finding,
      verdict: verdictOf(c, detected),
      truth: c.campaign && findingTruth(c.finding, c.campaign),
      persona: c.campaign === null ? personaOf(c.finding, truth.personas ?? {}) : null,
    }));
}

/** The campaigns scored in the evaluation period (attacks and benign episodes), with their ATT&CK stages. */
export function reportCampaigns(truth: Truth): ReportRun["campaigns"] {
  return matchFindings(truth, []).campaigns.map(({ campaign: c }) => ({
    id: c.id,
    scenarioId: c.scenarioId,
    kind: c.kind,
    stages: c.stages.map((s) => ({ tactic: s.tactic, technique: s.technique })),
  }));
}

/** As eval's outcome counts it: the first raised finding on an attack detects it, later ones duplicate it. */
function verdictOf(c: Candidate, detected: Map<ScoredCampaign, Candidate[]>): ReportSequence["verdict"] {
  if (c.campaign === null || c.campaign.campaign.kind === "benign") return "false-positive";
  return detected.get(c.campaign)![0] === c ? "true-positive" : "duplicate";
}

/** The campaign beside a finding, each stage covered when the finding holds one of its events. */
function findingTruth(finding: Finding, scored: ScoredCampaign): FindingTruth {
  const covered = new Set(finding.seqlab.eventIds.map((id) => scored.stageOf.get(id)).filter((i) => i !== undefined));
  const c = scored.campaign;
  return {
    campaignId: c.id,
    scenarioId: c.scenarioId,
    kind: c.kind,
    expectedSequenceType: c.expectedSequenceType,
    start: c.start,
    stages: c.stages.map((s, i) => ({ id: s.id, tactic: s.tactic, technique: s.technique, start: s.start, end: s.end, covered: covered.has(i) })),
  };
}

type Actor = NonNullable<NonNullable<NonNullable<Finding["service"]["detection"]>["sequence"]>["actors"]>[number];

/**
 * The persona truth names for a finding's main actor (the one most of its signals come from;
 * ties go to the first), trying its most specific key first: the assumed-role session, the
 * identity, then its access key.
 */
export function personaOf(finding: Finding, personas: Readonly<Record<string, string>>): string | null {
  const sequence = finding.service.detection?.sequence;
  const actors = sequence?.actors ?? [];
  if (actors.length === 0) return null;
  const weight = new Map<string, number>();
  for (const s of sequence!.signals) for (const id of s.actorIds ?? []) weight.set(id, (weight.get(id) ?? 0) + s.count);
  const main = actors.reduce((best, a) => ((weight.get(a.id) ?? 0) > (weight.get(best.id) ?? 0) ? a : best));
  for (const key of actorKeys(main)) if (Object.hasOwn(personas, key)) return personas[key]!;
  return null;
}

/** The keys an actor may be labelled under, most specific first. */
function actorKeys(a: Actor): string[] {
  if (!a.user) return [];
  const session = a.session?.uid;
  const assumed = a.user.type === "AssumedRole" && session !== undefined ? assumedRoleArn(a.user.uid, session) : undefined;
  return [assumed, a.user.uid, a.user.credentialUid].filter((k): k is string => k !== undefined);
}

/** `arn:aws:iam::A:role/path/R` and session S → `arn:aws:sts::A:assumed-role/R/S`, as CloudTrail names the session. */
function assumedRoleArn(roleArn: string, session: string): string | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return match ? `arn:aws:sts::${match[1]}:assumed-role/${match[2]}/${session}` : undefined;
}
