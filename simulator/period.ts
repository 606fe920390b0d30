/** The simulated period of a config: history (training) then evaluation. */
import type { SimulationConfig } from "../schema/manifest.ts";
import type { SplitPeriod } from "./campaigns.ts";
import { DAY, parseDay } from "./clock.ts";

/** The period of a config: history then evaluation. */
export function periodOf(config: SimulationConfig): SplitPeriod {
  const start = parseDay(config.start);
  return { start, evaluationStart: start + config.historyDays * DAY, end: start + config.days * DAY };
}

