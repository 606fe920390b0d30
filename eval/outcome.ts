/** What a set of raised sequence findings achieves: detected campaigns, false positives, duplicates. */
import type { Candidate, Matching, ScoredCampaign } from "./match.ts";

/** The result of raising some candidates. */
export interface Outcome {
  /** Attack campaigns with at least one raised finding that counts for them or also shows them, and those findings (first detection first). */
  detected: Map<ScoredCampaign, Candidate[]>;
  /** When each detected campaign was first shown by a raised finding. */
  detectedAt: Map<ScoredCampaign, number>;
  /** Benign episodes a raised finding counts for, and those findings. */
  flagged: Map<ScoredCampaign, Candidate[]>;
  /** Raised findings on background activity or on a benign episode. */
  falsePositives: number;
  /** Raised findings on an attack campaign beyond its first. */
  duplicates: number;
  attackCampaigns: number;
}

/** The outcome of raising the candidates the variant raised (score at or above its threshold). */
export function outcomeAtThreshold(matching: Matching): Outcome {
  return outcomeOf(matching, matching.candidates.filter((c) => c.raised));
}

/** The outcome of raising exactly `raised` (in the matching's candidate order). */
export function outcomeOf(matching: Matching, raised: readonly Candidate[]): Outcome {
  const detected = new Map<ScoredCampaign, Candidate[]>();
  const detectedAt = new Map<ScoredCampaign, number>();
  const show = (campaign: ScoredCampaign, c: Candidate, at: number) => {
    push(detected, campaign, c);
    detectedAt.set(campaign, Math.min(detectedAt.get(campaign) ?? Infinity, at));
  };
  const flagged = new Map<ScoredCampaign, Candidate[]>();
  let falsePositives = 0;
  let duplicates = 0;
  for (const c of raised) {
    for (const also of c.alsoShows) show(also.campaign, c, also.at);
    if (c.campaign === null || c.campaign.campaign.kind === "benign") {
      falsePositives++;
      if (c.campaign) push(flagged, c.campaign, c);
      continue;
    }
    if (detected.has(c.campaign)) duplicates++;
    show(c.campaign, c, c.detectedAt);
  }
  const attackCampaigns = matching.campaigns.filter((c) => c.campaign.kind === "attack").length;
  return { detected, detectedAt, flagged, falsePositives, duplicates, attackCampaigns };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
