/**
 * A uniform sample of history activities (reservoir sampling, seeded), so the anomaly model trains
 * on a bounded set however long the history is. Request and response bodies are dropped: the
 * model learns from behaviour tokens only.
 */
import alea from "seedrandom/lib/alea.js";
import type { Activity } from "./activity.ts";

/** Keeps at most `capacity` activities, each offered one with equal chance. */
export class HistorySample {
  private readonly kept: Activity[] = [];
  private seen = 0;
  private readonly random: () => number;

  constructor(private readonly capacity: number, seed: number) {
    this.random = alea(`history-sample/${seed}`);
  }

  /** Offer an activity (Algorithm R). */
  offer(a: Activity): void {
    this.seen++;
    const { request: _request, response: _response, ...slim } = a;
    if (this.kept.length < this.capacity) {
      this.kept.push(slim);
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.capacity) this.kept[j] = slim;
  }

  /** How many activities are kept. */
  size(): number {
    return this.kept.length;
  }

  /** The sample, in time order (then id) so training sees a deterministic sequence. */
  activities(): Activity[] {
    return [...this.kept].sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
}
