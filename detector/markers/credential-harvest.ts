/**
 * Credential harvest: within an hour one actor reads a credential store whole (every secret in one
 * BatchGetSecretValue, every parameter under a path with decryption) together with a second store
 * (Secrets Manager, Parameter Store, EC2 Windows passwords), or after looking that store over
 * (ListSecrets, DescribeSecret, DescribeParameters) earlier in the hour — collecting passwords and
 * keys to move on with (T1555.006). An application fetching its own secret by name, a person
 * looking one up after listing them, or an administrator fetching a password and a secret does
 * none of that. APIs the actor calls habitually are not counted.
 */
import { credentialStoreLookedOver, credentialStoreRead, isBulkCredentialRead, type CredentialStore } from "../credential-stores.ts";
import type { Activity } from "../activity.ts";
import { habitualCall } from "../habits.ts";
import type { Signal } from "../signal.ts";
import { defineMarker } from "../marker.ts";
import { shortName, succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";
import { bump } from "./window-counts.ts";

/** The short time the harvest must fit in. */
const WINDOW_MS = 60 * 60_000;
const WEIGHT = 3;

/** One credential call of an actor: a read of a store's values (perhaps all of them), or a look over its names. */
interface Touch {
  signal: Signal;
  store: CredentialStore;
  read: boolean;
  whole: boolean;
}

/** The widest harvest found: the stores read, those read whole (and whether after a look over them), the calls. */
interface Harvest {
  stores: Set<CredentialStore>;
  whole: Set<CredentialStore>;
  lookedOverFirst: boolean;
  touches: Touch[];
}

/** Each actor's successful CloudTrail credential calls that are not its habits, in time order. */
function touchesByActor(signals: readonly Signal[], routine: (a: Activity) => boolean): Map<string, Touch[]> {
  const byActor = new Map<string, Touch[]>();
  for (const signal of signals) {
    const a = signal.activity;
    if (a.source !== "cloudtrail" || !succeeded(a)) continue;
    const readFrom = credentialStoreRead(a);
    const store = readFrom ?? credentialStoreLookedOver(a.action);
    if (store === undefined || routine(a)) continue;
    const list = byActor.get(a.actor) ?? [];
    list.push({ signal, store, read: readFrom !== undefined, whole: isBulkCredentialRead(a) });
    byActor.set(a.actor, list);
  }
  return byActor;
}

/** Slide an hour over one actor's touches (two pointers), keeping the widest harvest ending at a read with a whole store read in its hour. */
function widestHarvest(touches: readonly Touch[]): Harvest | undefined {
  const reads = new Map<CredentialStore, number>();
  const wholeReads = new Map<CredentialStore, number>();
  const looks = new Map<CredentialStore, number>();
  // Each touch counts in the maps it belongs to, added as it enters the hour and removed as it leaves.
  const count = (t: Touch, by: number): void => {
    if (!t.read) return bump(looks, t.store, by);
    bump(reads, t.store, by);
    if (t.whole) bump(wholeReads, t.store, by);
  };
  let best: Harvest | undefined;
  let from = 0;
  for (let to = 0; to < touches.length; to++) {
    const t = touches[to]!;
    count(t, 1);
    while (t.signal.time - touches[from]!.signal.time > WINDOW_MS) count(touches[from++]!, -1);
    if (!t.read || wholeReads.size === 0) continue;
    // A look anywhere earlier in the hour came before this read.
    const lookedOverFirst = t.whole && looks.has(t.store);
    if (reads.size < 2 && !lookedOverFirst) continue;
    if (!best || reads.size > best.stores.size) best = { stores: new Set(reads.keys()), whole: new Set(wholeReads.keys()), lookedOverFirst, touches: touches.slice(from, to + 1) };
  }
  return best;
}

export default defineMarker({
  id: "credential-harvest",
  title: "Credentials harvested from the account's stores",
  weight: WEIGHT,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE", "HIGH_RISK_API"],
  evaluate(candidate, ctx) {
    const routine = habitualCall(ctx.baseline);
    let best: { actor: string; harvest: Harvest } | undefined;
    for (const [actor, touches] of touchesByActor(candidate.signals, routine)) {
      const harvest = widestHarvest(touches);
      if (harvest && (!best || harvest.stores.size > best.harvest.stores.size)) best = { actor, harvest };
    }
    if (!best) return undefined;
    const { stores, whole, lookedOverFirst, touches } = best.harvest;
    const calls = [...new Set(touches.map((t) => t.signal.activity.action))];
    const readCalls = [...new Set(touches.filter((t) => t.read).map((t) => t.signal.activity.action))];
    const minutes = Math.max(1, Math.round((touches[touches.length - 1]!.signal.time - touches[0]!.signal.time) / 60_000));
    return {
      indicators: [
        { key: "ATTACK_TACTIC", values: ["TA0006"], title: "Credential Access" },
        { key: "ATTACK_TECHNIQUE", values: ["T1555.006"], title: "Credentials from Password Stores: Cloud Secrets Management Stores" },
        { key: "HIGH_RISK_API", values: readCalls, title: "Credential reads" },
      ],
      evidence: `${shortName(best.actor)} read credentials from ${listOf(stores)} in ${minutes} min, ${listOf(whole)} whole${lookedOverFirst ? " after looking it over" : ""}: ${listOf(calls, 6)}`,
      // Each further store harvested adds half the weight, up to twice it.
      weight: WEIGHT * Math.min(2, 1 + 0.5 * (stores.size - 1)),
    };
  },
});
