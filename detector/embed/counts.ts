/**
 * One pass over the history period that counts what the models learn from: how often each actor
 * used each behaviour token, and which tokens occur together (in one activity, or one after the
 * other in a session) for API-API context. Actors and tokens get dense integer ids in order of
 * first appearance, so the counts live in Maps with number keys (no string churn per activity).
 */
import type { IntelIndex } from "../intel.ts";
import type { ActorRef, Token, TrainingActivity } from "../model.ts";
import { actorRefOf } from "../peers.ts";
import { tokensOf } from "../tokens.ts";

/** Token ids are below this, so a pair of ids packs into one exact number key. */
export const PAIR_STRIDE = 2 ** 26;

/** Consecutive API calls of one session further apart than this are not context of each other. */
const SESSION_GAP_MS = 30 * 60_000;

/** What the history period holds, by actor and token id. */
export interface HistoryCounts {
  /** Activities read. */
  activities: number;
  /** Token by id, and id by token. */
  tokens: Token[];
  tokenIndex: Map<Token, number>;
  /** Occurrences of each token (any actor). */
  tokenCounts: number[];
  /** Actor by id, and id by actor key. */
  actors: ActorRef[];
  actorIndex: Map<string, number>;
  /** Per actor id: token id → times the actor used it. */
  actorTokens: Map<number, number>[];
  /** Token-token context: `min(a,b) * PAIR_STRIDE + max(a,b)` → co-occurrences. */
  contextPairs: Map<number, number>;
}

/** Count one pass of history activities (read once, in the order given). */
export function countHistory(history: Iterable<TrainingActivity>, intel: IntelIndex): HistoryCounts {
  const counts: HistoryCounts = {
    activities: 0,
    tokens: [],
    tokenIndex: new Map(),
    tokenCounts: [],
    actors: [],
    actorIndex: new Map(),
    actorTokens: [],
    contextPairs: new Map(),
  };
  const lastApiOfSession = new Map<string, { api: number; time: number }>();
  const ids: number[] = [];
  for (const a of history) {
    counts.activities++;
    const actor = actorIdOf(counts, a);
    const own = counts.actorTokens[actor]!;
    ids.length = 0;
    for (const token of tokensOf(a, intel)) {
      const id = tokenIdOf(counts, token);
      ids.push(id);
      counts.tokenCounts[id]!++;
      own.set(id, (own.get(id) ?? 0) + 1);
    }
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) addPair(counts.contextPairs, ids[i]!, ids[j]!);
    // tokensOf puts the API first; consecutive distinct APIs of one session are context too.
    const api = ids[0]!;
    const sessionKey = `${a.actor}\u0000${a.session ?? a.accessKeyId ?? ""}`;
    const last = lastApiOfSession.get(sessionKey);
    if (last && last.api !== api && a.time - last.time <= SESSION_GAP_MS) addPair(counts.contextPairs, last.api, api);
    if (last) {
      last.api = api;
      last.time = a.time;
    } else lastApiOfSession.set(sessionKey, { api, time: a.time });
  }
  return counts;
}

function actorIdOf(counts: HistoryCounts, a: TrainingActivity): number {
  let id = counts.actorIndex.get(a.actor);
  if (id === undefined) {
    id = counts.actors.length;
    counts.actors.push(actorRefOf(a));
    counts.actorIndex.set(a.actor, id);
    counts.actorTokens.push(new Map());
  }
  return id;
}

function tokenIdOf(counts: HistoryCounts, token: Token): number {
  let id = counts.tokenIndex.get(token);
  if (id === undefined) {
    id = counts.tokens.length;
    if (id >= PAIR_STRIDE) throw new Error(`more than ${PAIR_STRIDE} distinct behaviour tokens in history; token ids no longer pack into pair keys`);
    counts.tokens.push(token);
    counts.tokenIndex.set(token, id);
    counts.tokenCounts.push(0);
  }
  return id;
}

function addPair(pairs: Map<number, number>, a: number, b: number): void {
  if (a === b) return;
  const key = a < b ? a * PAIR_STRIDE + b : b * PAIR_STRIDE + a;
  pairs.set(key, (pairs.get(key) ?? 0) + 1);
}

/** The kind of a token: what precedes its first colon (`api`, `asn`, `agent`, `region`, ...). */
export function tokenKind(token: Token): string {
  const i = token.indexOf(":");
  return i < 0 ? token : token.slice(0, i);
}
