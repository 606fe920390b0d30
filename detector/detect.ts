/**
 * The detection pipeline: ingest → learn (baseline and anomaly model, from history) → signals →
 * correlate → markers → assemble. History and detection periods are read in separate passes, hour
 * by hour, so memory is bounded by the window, not by the input.
 */
import type { Intel } from "../schema/intel.ts";
import type { Inventory } from "../schema/inventory.ts";
import type { DetectionSummary, Finding } from "../schema/finding.ts";
import type { Activity } from "./activity.ts";
import type { AnomalyModel, Baseline } from "./model.ts";
import type { Variant } from "./variant.ts";
import { indexIntel, type IntelIndex } from "./intel.ts";
import { Correlator, compareIds, type SequenceGroup } from "./correlate.ts";
import { FoundationalFindings, sequenceFinding, type AssemblyContext } from "./assemble.ts";
import { scoreSequence } from "./sequence-score.ts";
import { BaselineBuilder } from "./baseline.ts";
import { isIdentityBroker } from "./peers.ts";
import { createSignalEngine } from "./signals/engine.ts";
import { MARKERS, markerById } from "./markers/registry.ts";
import { saveModel, trainerFor } from "./embed/registry.ts";
import { selectBackend } from "./embed/backend.ts";
import { emptyStats, type IngestStats } from "./ingest/stats.ts";
import { HistorySample } from "./history-sample.ts";
import { hostileTellTale } from "./history-filter.ts";
import { ownOrigin } from "./habits.ts";

/** Where activities come from, split into history (learning) and detection. */
export interface ActivitySource {
  /** History activities in time order, in batches. */
  history(stats: IngestStats): AsyncIterable<Activity[]>;
  /** Activities to detect on, in time order, in batches. */
  detection(stats: IngestStats): AsyncIterable<Activity[]>;
  /** What the split is, for the summary ("history 2026-10-05 → 2026-10-12", "first 50% of the input"). */
  describe(): string;
}

/** Options of one detection run. */
export interface DetectOptions {
  variant: Variant;
  source: ActivitySource;
  intel?: Intel;
  inventory?: Inventory;
  /** A saved anomaly model (read with `loadModel`) to use instead of training one. */
  model?: AnomalyModel;
  strict?: boolean;
  onPhase?(phase: "history" | "train" | "detect", detail: string): void;
  onProgress?(phase: "history" | "detect", activities: number): void;
}

/** What a detection run produced. */
export interface DetectResult {
  findings: Finding[];
  summary: DetectionSummary & {
    backend: string;
    split: string;
    foundationalByType: Record<string, number>;
    sequences: { candidates: number; raised: number };
    topSequences: { type: string; score: number; markers: string[] }[];
    seconds: { history: number; train: number; detect: number };
    detectionActivities: number;
    /** History calls kept out of the baseline because they carry an attacker's tell-tale, by reason. */
    historySetAside: Record<string, number>;
  };
  stats: IngestStats;
  /** The trained anomaly model, serialised (for --save-model). */
  savedModel: string | null;
}

/** Most activities the anomaly model trains on: a uniform sample of history beyond that. */
const TRAINING_SAMPLE = 1_000_000;

/** What the learning phases produced, and what they took. */
interface Learned {
  baseline: Baseline;
  model: AnomalyModel;
  backend: string;
  savedModel: string | null;
  historySetAside: Record<string, number>;
  seconds: { history: number; train: number };
}

/** Run the pipeline. */
export async function detect(opts: DetectOptions): Promise<DetectResult> {
  const { variant } = opts;
  const intel = indexIntel(opts.intel);
  const stats = emptyStats();
  const { baseline, model, backend, savedModel, historySetAside, seconds } = await learn(opts, intel, stats);

  // 3. Detection: signals, correlated into sequences, judged by markers, assembled.
  const t0 = clock();
  opts.onPhase?.("detect", `${variant.windowHours} h window, ${variant.scope} scope`);
  const engine = createSignalEngine({ baseline, model, intel, ...(variant.signals !== "all" && { types: variant.signals }) });
  const markers = variant.markers === "all" ? MARKERS : variant.markers === "none" ? [] : variant.markers.map(markerById);
  const sensitiveBuckets = sensitiveBucketsOf(opts.inventory);
  const markerCtx = { baseline, intel, isSensitiveBucket: (name: string) => sensitiveBuckets.has(name) };
  const instanceGroups = instanceGroupsOf(opts.inventory);
  const assembly: AssemblyContext = { variant: variant.name, threshold: variant.threshold, intel };
  const foundational = new FoundationalFindings();
  const sequences: { finding: Finding; score: number; markers: string[] }[] = [];
  const signalsByType: Record<string, number> = {};
  let signals = 0;
  const onClose = (group: SequenceGroup) => {
    if (group.types.size < variant.minSignalTypes) return;
    const scored = scoreSequence(group, markers, markerCtx);
    sequences.push({ finding: sequenceFinding(group, scored.score, scored.markers, scored.indicators, assembly), score: scored.score, markers: scored.markers.map((m) => m.id) });
  };
  const correlator = new Correlator({
    windowMs: variant.windowHours * 3_600_000,
    scope: variant.scope,
    isSharedIp: (ip) => baseline.isSharedIp(ip),
    isBroker: (issuer) => isIdentityBroker(issuer, baseline),
    isOwnOrigin: (a) => ownOrigin(a, baseline, intel) !== undefined,
    instanceGroup: (id) => instanceGroups.get(id),
    score: (group) => scoreSequence(group, markers, markerCtx).score,
    threshold: variant.threshold,
    onClose,
  });
  let detectionActivities = 0;
  for await (const batch of opts.source.detection(stats)) {
    for (const a of batch) {
      correlator.observe(a);
      for (const s of engine.observe(a)) {
        signals++;
        signalsByType[s.type] = (signalsByType[s.type] ?? 0) + 1;
        if (s.foundational) foundational.add(s);
        correlator.add(s);
      }
    }
    detectionActivities += batch.length;
    opts.onProgress?.("detect", detectionActivities);
  }
  correlator.finish();
  const detectSeconds = clock() - t0;

  const foundationalFindings = foundational.findings(assembly);
  const findings = [...foundationalFindings, ...sequences.map((s) => s.finding)].sort(
    (a, b) => compareIds(a.seqlab.detectedAt, b.seqlab.detectedAt) || compareIds(a.id, b.id),
  );
  const raised = sequences.filter((s) => s.score >= variant.threshold).sort((a, b) => b.score - a.score || compareIds(a.finding.id, b.finding.id));
  const foundationalByType: Record<string, number> = {};
  for (const f of foundationalFindings) foundationalByType[f.type] = (foundationalByType[f.type] ?? 0) + 1;
  return {
    findings,
    stats,
    savedModel,
    summary: {
      variant: variant.name,
      records: { read: stats.read, used: stats.used, rejected: stats.rejected },
      signals,
      signalsByType: sortedRecord(signalsByType),
      backend,
      split: opts.source.describe(),
      foundationalByType: sortedRecord(foundationalByType),
      sequences: { candidates: sequences.length, raised: raised.length },
      topSequences: raised.slice(0, 10).map((s) => ({ type: s.finding.type, score: Math.round(s.score * 100) / 100, markers: s.markers })),
      seconds: { ...seconds, detect: detectSeconds },
      detectionActivities,
      historySetAside: sortedRecord(historySetAside),
    },
  };
}

/**
 * 1-2. Learn from history: profiles of every actor and account, and how foreign behaviour is to
 * each actor (trained on a sample of history, or loaded). A function of its own so that the sample
 * and the builder's working state are garbage by the time detection runs.
 */
async function learn(opts: DetectOptions, intel: IntelIndex, stats: IngestStats): Promise<Learned> {
  const { variant } = opts;
  // 1. History. A variant without learning, or a saved model, needs no training sample (a
  // variant without learning stays without it even when a model file is given for the others).
  let t0 = clock();
  opts.onPhase?.("history", opts.source.describe());
  const trains = variant.anomalyModel !== "none" && !opts.model;
  // The source yields history only, so the builder needs no cut-off of its own.
  const builder = new BaselineBuilder(intel, Infinity);
  const sample = trains ? new HistorySample(TRAINING_SAMPLE, variant.seed) : undefined;
  let historyCount = 0;
  const historySetAside: Record<string, number> = {};
  for await (const batch of opts.source.history(stats)) {
    for (const a of batch) {
      // The model still sees them: it learns how behaviour relates across everyone, where a few
      // thousand attacker calls are noise, and taking them out made benign travellers' console
      // logins look foreign (two false sequences, three detections lost on seeds 1-3 and 8-11).
      sample?.offer(a);
      const hostile = hostileTellTale(a, intel);
      if (hostile) {
        historySetAside[hostile] = (historySetAside[hostile] ?? 0) + 1;
        continue;
      }
      builder.add(a);
    }
    historyCount += batch.length;
    opts.onProgress?.("history", historyCount);
  }
  const baseline = builder.finish();
  const history = clock() - t0;

  // 2. Learn how foreign behaviour is to each actor (or load what was learned before).
  t0 = clock();
  let backend = "none";
  let model: AnomalyModel;
  let savedModel: string | null = null;
  if (variant.anomalyModel === "none") {
    model = { name: "none", score: () => 0 };
  } else if (opts.model) {
    model = opts.model;
    if (model.name !== variant.anomalyModel)
      throw new Error(`the saved model is a "${model.name}" model, but variant "${variant.name}" learns a "${variant.anomalyModel}" one`);
    backend = "loaded";
  } else {
    const drawn = sample!; // the variant learns and no model was given: the history pass drew one
    if (variant.anomalyModel === "embedding") backend = await selectBackend();
    opts.onPhase?.("train", `${variant.anomalyModel} model on ${drawn.size().toLocaleString("en-US")} history activities${backend === "none" ? "" : ` (tfjs backend: ${backend})`}`);
    model = await trainerFor(variant.anomalyModel, { intel }).train(drawn.activities(), { seed: variant.seed });
    savedModel = saveModel(model);
  }
  return { baseline, model, backend, savedModel, historySetAside, seconds: { history, train: clock() - t0 } };
}

/** Seconds on a monotonic clock. */
function clock(): number {
  return performance.now() / 1000;
}

/** Instance id → its Auto Scaling group (or, outside one, its role): the group an instance compromise spreads in. */
function instanceGroupsOf(inventory: Inventory | undefined): Map<string, string> {
  const groups = new Map<string, string>();
  for (const account of inventory?.accounts ?? []) {
    for (const i of account.instances) groups.set(i.id, `${account.id}/${i.autoScalingGroup ?? `role:${i.roleName}`}`);
  }
  return groups;
}

/** Classification tag values that mark data as sensitive (Macie-style labels, case-insensitive). */
const SENSITIVE_CLASSES = new Set(["confidential", "restricted", "secret", "sensitive", "pii", "phi"]);

/** Buckets whose `data-classification` tag marks them sensitive. */
export function sensitiveBucketsOf(inventory: Inventory | undefined): Set<string> {
  const names = new Set<string>();
  for (const account of inventory?.accounts ?? []) {
    for (const b of account.buckets) if (SENSITIVE_CLASSES.has((b.tags["data-classification"] ?? "").toLowerCase())) names.add(b.name);
  }
  return names;
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => compareIds(a, b)));
}
