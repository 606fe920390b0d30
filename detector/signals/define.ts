/**
 * Signal definitions: one per file under `rules/`, declared with `defineSignal`. A definition
 * looks at one activity at a time (in event-time order) with the history baseline, the anomaly
 * model, threat intel and its own bounded sliding-window memory, and may raise one signal.
 */
import type { Activity, Source } from "../activity.ts";
import type { IntelIndex } from "../intel.ts";
import type { ActorRef, AnomalyModel, Baseline, Token } from "../model.ts";
import type { Indicator } from "../../schema/finding.ts";
import type { SignalState } from "./state.ts";

/** What a definition may consult besides the activity. */
export interface SignalContext {
  baseline: Baseline;
  model: AnomalyModel;
  intel: IntelIndex;
  /** Model scores at or above this are anomalous (default 0.8). */
  anomalyThreshold: number;
  /** Per-engine memory: sliding windows, latches and timed maps, evicted by event time. */
  state: SignalState;
  /** The activity's actor as the models judge it (peers.ts `judgedRefOf`; computed once per activity). */
  actorRef(a: Activity): ActorRef;
  /** The model's score of a token for the activity's actor (memoised per activity). */
  anomaly(a: Activity, token: Token): number;
}

/** What a definition returns when it fires. */
export interface SignalHit {
  indicators: Indicator[];
  /** One readable sentence naming the values that made it fire. */
  evidence: string;
  /** Overrides the declared severity (graded judgements). */
  severity?: number;
  /** One of the definition's declared `types` (e.g. the Kali vs Parrot pen-test variants). */
  type?: string;
  /** Every activity behind a burst; defaults to the observed one. */
  activityIds?: readonly string[];
  /** The model score behind an anomaly signal. */
  anomaly?: number;
}

/** A signal definition. */
export interface SignalDefinition {
  /** Equals the file name under `rules/` (kebab-case). */
  id: string;
  /** The GuardDuty finding type (or a seqlab type in the same shape) it raises. */
  type: string;
  /** Further types `observe` may pick with `SignalHit.type`. */
  types?: readonly string[];
  /**
   * Whether it is a foundational finding on its own (else weak, for correlation only). A type
   * GuardDuty raises as a finding is foundational, however low its severity, so alert volumes
   * compare with GuardDuty's; seqlab's own weak types (`Discovery:IAMUser/NewApiForActor`) feed
   * correlation only.
   */
  foundational: boolean;
  /** Data sources it reads; the engine only calls it for these. */
  sources: readonly Source[];
  /** Only these actions (`s3:PutBucketPolicy`), when given: the engine calls it for no other. */
  actions?: readonly string[];
  /** Default GuardDuty severity (1-3.9 low, 4-6.9 medium, 7-8.9 high). */
  severity: number;
  /** ATT&CK tactic and technique ids it points to. */
  tactic: string;
  technique?: string;
  observe(a: Activity, ctx: SignalContext): SignalHit | undefined;
}

/** Typed identity helper: each rule file exports `defineSignal({...})`; id equals file name. */
export function defineSignal(definition: SignalDefinition): SignalDefinition {
  return definition;
}
