/**
 * The signal engine: runs the registered signal definitions over activities in event-time order
 * and turns their hits into `Signal`s. Memory is bounded by the rules' windows: the engine sweeps
 * its state as event time advances.
 */
import type { Activity, Source } from "../activity.ts";
import type { IntelIndex } from "../intel.ts";
import type { ActorRef, AnomalyModel, Baseline, Token } from "../model.ts";
import { judgedRefOf } from "../peers.ts";
import type { Signal } from "../signal.ts";
import { unknownNameMessage } from "../../schema/did-you-mean.ts";
import type { SignalContext, SignalDefinition } from "./define.ts";
import { SIGNAL_DEFINITIONS } from "./registry.ts";
import { MINUTE, SignalState } from "./state.ts";

/** What the engine needs. */
export interface SignalEngineOptions {
  baseline: Baseline;
  model: AnomalyModel;
  intel: IntelIndex;
  /** Only these signals (rule ids or finding types), for variants; all when absent. */
  types?: readonly string[];
  /** Model scores at or above this are anomalous. Default 0.8. */
  anomalyThreshold?: number;
  /** Definitions to run instead of the registry (tests). */
  definitions?: readonly SignalDefinition[];
}

/** A running engine. */
export interface SignalEngine {
  /** The definitions it runs. */
  readonly definitions: readonly SignalDefinition[];
  /** Signals raised by one activity; call in event-time order. */
  observe(a: Activity): readonly Signal[];
}

const SWEEP_EVERY = 5 * MINUTE;
/** Distinct actions per source whose rule lists are kept; past this the memory starts afresh. */
const ACTIONS_KEPT = 10_000;
/** Actions and tokens longer than this (absurd values, up to the 64 KiB bound) are not kept as keys. */
const KEPT_CHARS = 256;
/** Actor refs kept; past this the memory starts afresh (it only saves work). */
const REFS_KEPT = 100_000;
/** Model scores kept (per actor ref and token); past this the memory starts afresh. */
const SCORES_KEPT = 1_000_000;

/** What `observe` returns for the many activities that raise nothing (one array, not one each). */
const NONE: readonly Signal[] = Object.freeze([]);

/** Pick the definitions named by ids or types; unknown names are an error with a suggestion. */
export function selectDefinitions(all: readonly SignalDefinition[], names: readonly string[] | undefined): SignalDefinition[] {
  if (!names) return [...all];
  const known = new Set(all.flatMap((d) => [d.id, d.type, ...(d.types ?? [])]));
  for (const name of names) if (!known.has(name)) throw new Error(unknownNameMessage("signal", name, [...all.map((d) => d.id)]));
  const wanted = new Set(names);
  return all.filter((d) => wanted.has(d.id) || wanted.has(d.type) || (d.types ?? []).some((t) => wanted.has(t)));
}

/** Create an engine over a baseline, an anomaly model and intel. */
export function createSignalEngine(options: SignalEngineOptions): SignalEngine {
  const definitions = selectDefinitions(options.definitions ?? SIGNAL_DEFINITIONS, options.types);
  const bySource = new Map<Source, SignalDefinition[]>();
  for (const d of definitions) {
    for (const source of d.sources) {
      let list = bySource.get(source);
      if (!list) bySource.set(source, (list = []));
      list.push(d);
    }
  }
  // The rules an activity is shown, per source and action: most rules look at a few actions, and
  // calling all of them for every activity was a large share of the engine's time.
  const byAction = new Map<Source, Map<string, SignalDefinition[]>>();
  const rulesFor = (a: Activity): SignalDefinition[] => {
    let lists = byAction.get(a.source);
    if (!lists) byAction.set(a.source, (lists = new Map()));
    let rules = lists.get(a.action);
    if (!rules) {
      rules = (bySource.get(a.source) ?? []).filter((d) => !d.actions || d.actions.includes(a.action));
      if (a.action.length <= KEPT_CHARS) {
        if (lists.size >= ACTIONS_KEPT) lists.clear();
        lists.set(a.action, rules);
      }
    }
    return rules;
  };

  // Per-activity memo: the actor ref is asked by several rules. Refs are also kept per actor (a
  // ref depends only on the actor's key, type, account and issuer), since working out a role's
  // peer group takes several regular expressions.
  let memoFor: Activity | undefined;
  let memoRef: ActorRef | undefined;
  const refs = new Map<string, { actorType: string; account: string; issuer: string | undefined; ref: ActorRef }>();
  const refOf = (a: Activity): ActorRef => {
    if (memoFor !== a) {
      memoFor = a;
      memoRef = undefined;
    }
    if (memoRef) return memoRef;
    let kept = refs.get(a.actor);
    if (!kept || kept.actorType !== a.actorType || kept.account !== a.actorAccount || kept.issuer !== a.issuer) {
      if (refs.size >= REFS_KEPT) refs.clear();
      refs.set(a.actor, (kept = { actorType: a.actorType, account: a.actorAccount, issuer: a.issuer, ref: judgedRefOf(a, options.baseline) }));
    }
    return (memoRef = kept.ref);
  };

  // Model scores, per actor ref and token, across activities: an actor asks about the same few
  // APIs, networks and tools all day, and the model's answer to each never changes.
  const scores = new Map<ActorRef, Map<Token, number>>();
  let scoresKept = 0;

  const state = new SignalState();
  const ctx: SignalContext = {
    baseline: options.baseline,
    model: options.model,
    intel: options.intel,
    anomalyThreshold: options.anomalyThreshold ?? 0.8,
    state,
    actorRef: refOf,
    anomaly(a, token) {
      const ref = refOf(a);
      let byToken = scores.get(ref);
      let s = byToken?.get(token);
      if (s === undefined) {
        s = options.model.score(ref, token);
        if (token.length <= KEPT_CHARS) {
          if (scoresKept >= SCORES_KEPT) {
            scores.clear();
            scoresKept = 0;
            byToken = undefined;
          }
          if (!byToken) scores.set(ref, (byToken = new Map()));
          byToken.set(token, s);
          scoresKept++;
        }
      }
      return s;
    },
  };

  let sweptAt = -Infinity;
  return {
    definitions,
    observe(a) {
      if (a.time - sweptAt >= SWEEP_EVERY) {
        state.sweep(a.time);
        sweptAt = a.time;
      }
      let out: Signal[] | undefined;
      for (const d of rulesFor(a)) {
        const hit = d.observe(a, ctx);
        if (!hit) continue;
        const type = hit.type ?? d.type;
        if (type !== d.type && !(d.types ?? []).includes(type)) throw new Error(`signal rule ${d.id} raised type "${type}" it does not declare in types`);
        const id = `${type}@${a.id}`;
        const severity = hit.severity ?? d.severity;
        out ??= [];
        // Two rules may raise one type on one activity (a first unusual read that also completes a
        // burst): the stronger judgement is kept.
        const same = out.findIndex((s) => s.id === id);
        if (same >= 0 && out[same]!.severity >= severity) continue;
        const signal: Signal = {
          id,
          type,
          foundational: d.foundational,
          severity,
          tactic: d.tactic,
          ...(d.technique ? { technique: d.technique } : {}),
          time: a.time,
          activity: a,
          activityIds: hit.activityIds ? [...hit.activityIds] : [a.id],
          indicators: hit.indicators,
          evidence: hit.evidence,
          ...(hit.anomaly !== undefined ? { anomaly: hit.anomaly } : {}),
        };
        if (same >= 0) out[same] = signal;
        else out.push(signal);
      }
      return out ?? NONE;
    },
  };
}
