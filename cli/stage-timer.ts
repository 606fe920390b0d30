/** Wall time of named stages of a command, for its summary and its output's `timings`. */

/** Seconds per stage, in the order the stages ran, plus their total. */
export type StageTimings<S extends string> = Record<S | "total", number>;

/** Times stages run one after another. */
export class StageTimer<S extends string> {
  private readonly seconds = new Map<S, number>();

  /** Run `work` as `stage`, adding its wall time to the stage's. */
  async time<T>(stage: S, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.seconds.set(stage, (this.seconds.get(stage) ?? 0) + (performance.now() - started) / 1000);
    }
  }

  /** The timings so far, rounded to milliseconds; stages not run yet count 0. */
  timings(stages: readonly S[]): StageTimings<S> {
    const round = (s: number) => Math.round(s * 1000) / 1000;
    const entries = stages.map((s) => [s, round(this.seconds.get(s) ?? 0)] as const);
    return { ...Object.fromEntries(entries), total: round(entries.reduce((t, [, s]) => t + s, 0)) } as StageTimings<S>;
  }

  /** "simulate 35.2 s, detect 80.1 s, …, total 130.0 s". */
  format(stages: readonly S[]): string {
    return Object.entries(this.timings(stages)).map(([stage, s]) => `${stage} ${(s as number).toFixed(1)} s`).join(", ");
  }
}
