/**
 * Matching findings to truth: which campaigns are scored, which findings count, and the campaign
 * each finding counts for. Everything the metrics need is decided here, once.
 */
import type { Campaign, Truth } from "../schema/truth.ts";
import { isSequenceType, type Finding } from "../schema/finding.ts";

/** A campaign that starts in the evaluation period, with what metrics look up. */
export interface ScoredCampaign {
  campaign: Campaign;
  start: number;
  /** Start of the stage that starts last. */
  lastStageStart: number;
  events: Set<string>;
  /** Stage index of each event. */
  stageOf: Map<string, number>;
}

/** A sequence finding inside the evaluation period, with the campaign it counts for. */
export interface Candidate {
  finding: Finding;
  score: number;
  raised: boolean;
  detectedAt: number;
  /** The campaign it shares most events with, or null: a false positive on background activity. */
  campaign: ScoredCampaign | null;
  /**
   * Other attack campaigns of the period it also shows: it holds at least half of their events
   * (one sequence that took in two intrusions sharing an attacker address, say). `at` is when it
   * showed them: its detection, or the start of the earliest stage of theirs it holds if later.
   */
  alsoShows: { campaign: ScoredCampaign; at: number }[];
}

/** Share of another campaign's events a finding must hold to count as showing it too. */
export const ALSO_SHOWS_SHARE = 0.5;

/** Findings and campaigns as the metrics see them. */
export interface Matching {
  evaluationStart: number;
  end: number;
  campaigns: ScoredCampaign[];
  /** Sequence findings in the period, below threshold too, in a stable order. */
  candidates: Candidate[];
  /** Foundational (non-sequence) findings in the period. */
  foundational: Finding[];
  outsidePeriod: number;
  onHistoryCampaigns: number;
}

/**
 * Match `findings` to `truth`. Campaigns are scored in the period they start in, so only those
 * starting in `[evaluationStart, end)` count; findings detected outside that window are set aside.
 * A finding hits a campaign when it holds one of its events, and counts for the campaign it shares
 * most events with (ties: the earlier campaign, then the smaller id). A finding whose campaign
 * started in history is neither a true nor a false positive.
 */
export function matchFindings(truth: Truth, findings: readonly Finding[]): Matching {
  const evaluationStart = Date.parse(truth.period.evaluationStart);
  const end = Date.parse(truth.period.end);
  const all = truth.campaigns.map((campaign) => scoredCampaign(campaign));
  const byEvent = new Map<string, number[]>();
  all.forEach((c, i) => {
    for (const id of c.events) {
      const list = byEvent.get(id);
      if (list) list.push(i);
      else byEvent.set(id, [i]);
    }
  });
  const inPeriod = (t: number) => t >= evaluationStart && t < end;

  const candidates: Candidate[] = [];
  const foundational: Finding[] = [];
  let outsidePeriod = 0;
  let onHistoryCampaigns = 0;
  for (const finding of findings) {
    const detectedAt = Date.parse(finding.seqlab.detectedAt);
    if (!inPeriod(detectedAt)) {
      outsidePeriod++;
      continue;
    }
    if (!isSequenceType(finding.type)) {
      foundational.push(finding);
      continue;
    }
    const best = bestCampaign(finding.seqlab.eventIds, byEvent, all);
    if (best && !inPeriod(best.start)) {
      onHistoryCampaigns++;
      continue;
    }
    const { score, threshold } = finding.seqlab;
    const alsoShows = best ? otherShown(finding.seqlab.eventIds, detectedAt, best, byEvent, all).filter((o) => inPeriod(o.campaign.start)) : [];
    candidates.push({ finding, score, raised: score >= threshold, detectedAt, campaign: best ?? null, alsoShows });
  }
  // A stable order, whatever the file order: the first detection of a campaign is well defined.
  candidates.sort((a, b) => a.detectedAt - b.detectedAt || b.score - a.score || compare(a.finding.id, b.finding.id));
  return { evaluationStart, end, campaigns: all.filter((c) => inPeriod(c.start)), candidates, foundational, outsidePeriod, onHistoryCampaigns };
}

function scoredCampaign(campaign: Campaign): ScoredCampaign {
  const events = new Set<string>();
  const stageOf = new Map<string, number>();
  campaign.stages.forEach((stage, i) => {
    for (const id of stage.eventIds) {
      events.add(id);
      if (!stageOf.has(id)) stageOf.set(id, i);
    }
  });
  const lastStageStart = Math.max(...campaign.stages.map((s) => Date.parse(s.start)));
  return { campaign, start: Date.parse(campaign.start), lastStageStart, events, stageOf };
}

function bestCampaign(eventIds: readonly string[], byEvent: Map<string, number[]>, all: ScoredCampaign[]): ScoredCampaign | undefined {
  const shared = new Map<number, number>();
  for (const id of new Set(eventIds)) for (const i of byEvent.get(id) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  let best: number | undefined;
  for (const [i, n] of shared) {
    if (best === undefined) {
      best = i;
      continue;
    }
    const b = shared.get(best)!;
    const [ci, cb] = [all[i]!, all[best]!];
    if (n > b || (n === b && (ci.start < cb.start || (ci.start === cb.start && compare(ci.campaign.id, cb.campaign.id) < 0)))) best = i;
  }
  return best === undefined ? undefined : all[best];
}

/** Attack campaigns besides `best` of which the events hold at least {@link ALSO_SHOWS_SHARE} of theirs, in campaign order. */
function otherShown(eventIds: readonly string[], detectedAt: number, best: ScoredCampaign, byEvent: Map<string, number[]>, all: ScoredCampaign[]): { campaign: ScoredCampaign; at: number }[] {
  const held = new Map<number, Set<string>>();
  for (const id of new Set(eventIds)) {
    for (const i of byEvent.get(id) ?? []) {
      const set = held.get(i) ?? new Set<string>();
      set.add(id);
      held.set(i, set);
    }
  }
  const out: { campaign: ScoredCampaign; at: number }[] = [];
  for (const [i, ids] of [...held].sort((a, b) => a[0] - b[0])) {
    const c = all[i]!;
    if (c === best || c.campaign.kind !== "attack" || ids.size < ALSO_SHOWS_SHARE * c.events.size) continue;
    const firstStage = Math.min(...[...ids].map((id) => Date.parse(c.campaign.stages[c.stageOf.get(id)!]!.start)));
    out.push({ campaign: c, at: Math.max(detectedAt, firstStage) });
  }
  return out;
}

/** Code-point order, locale-free, so results do not depend on the machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
