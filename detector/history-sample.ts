/**
 * A uniform sample of history activities (reservoir sampling, seeded), so the anomaly model trains
 * on a bounded set however long the history is. Each kept activity holds only what the models
 * learn from ({@link TrainingActivity}): a million full activities would take gigabytes.
 */
import alea from "seedrandom/lib/alea.js";
import type { Activity } from "./activity.ts";
import type { TrainingActivity } from "./model.ts";

/** Keeps at most `capacity` activities, each offered one with equal chance. */
export class HistorySample {
  private readonly kept: TrainingActivity[] = [];
  private seen = 0;
  private readonly random: () => number;

  constructor(private readonly capacity: number, seed: number) {
    this.random = alea(`history-sample/${seed}`);
  }

  /** Offer an activity (Algorithm R). */
  offer(a: Activity): void {
    this.seen++;
    if (this.kept.length < this.capacity) {
      this.kept.push(trainingView(a));
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.capacity) this.kept[j] = trainingView(a);
  }

  /** How many activities are kept. */
  size(): number {
    return this.kept.length;
  }

  /** The sample, in time order (then id) so training sees a deterministic sequence. */
  activities(): TrainingActivity[] {
    return [...this.kept].sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
}

/** The fields of an activity the models learn from; absent ones stay absent. */
export function trainingView(a: Activity): TrainingActivity {
  const view: TrainingActivity = { id: a.id, time: a.time, source: a.source, actor: a.actor, actorType: a.actorType, actorAccount: a.actorAccount, action: a.action, region: a.region };
  if (a.session !== undefined) view.session = a.session;
  if (a.accessKeyId !== undefined) view.accessKeyId = a.accessKeyId;
  if (a.sourceIp !== undefined) view.sourceIp = a.sourceIp;
  if (a.agentFamily !== undefined) view.agentFamily = a.agentFamily;
  if (a.host) {
    const host: NonNullable<TrainingActivity["host"]> = {};
    if (a.host.process !== undefined) host.process = a.host.process;
    if (a.host.dstPort !== undefined) host.dstPort = a.host.dstPort;
    if (a.host.domain !== undefined) host.domain = a.host.domain;
    view.host = host;
  }
  return view;
}
