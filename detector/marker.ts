/**
 * Markers: expert judgements over a candidate sequence (signals linked by shared entities). Each
 * marker is one file under `markers/`, declared with `defineMarker`; the sequence score adds the
 * weights of the markers that fire (negative weights dampen).
 */
import type { Indicator } from "../schema/finding.ts";
import type { IntelIndex } from "./intel.ts";
import type { Baseline } from "./model.ts";
import type { Signal } from "./signal.ts";

/** Signals correlated into one possible attack sequence. */
export interface Candidate {
  id: string;
  /** In event-time order. */
  signals: readonly Signal[];
  start: number;
  end: number;
  accounts: ReadonlySet<string>;
  /** Actor keys (see Activity.actor). */
  actors: ReadonlySet<string>;
}

/** What markers may consult besides the candidate. */
export interface MarkerContext {
  baseline: Baseline;
  intel: IntelIndex;
  /** Whether the estate's inventory classifies a bucket as sensitive (its `data-classification` tag); false without an inventory. */
  isSensitiveBucket(name: string): boolean;
}

/** A marker that fired: its indicators and one readable line of evidence naming the values. */
export interface MarkerFiring {
  indicators: Indicator[];
  evidence: string;
  /** Overrides the marker's weight, for graded judgements (within ±2× the declared weight). */
  weight?: number;
}

/** A marker definition. */
export interface MarkerDefinition {
  /** Equals the file name. */
  id: string;
  title: string;
  /** Added to the sequence score when it fires; negative for dampening markers. */
  weight: number;
  /** GuardDuty indicator keys it can yield. */
  indicatorKeys: readonly string[];
  evaluate(candidate: Candidate, ctx: MarkerContext): MarkerFiring | undefined;
}

/** Typed identity helper: marker files export `defineMarker({...})`; id equals file name. */
export function defineMarker(definition: MarkerDefinition): MarkerDefinition {
  return definition;
}
