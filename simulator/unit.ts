/** One unit of work: an account's principals on one day, generated and filed. */
import type { SimulationConfig } from "../schema/manifest.ts";
import { generateBenignDay } from "./benign.ts";
import { periodOf } from "./period.ts";
import type { EmittedRecord } from "./session.ts";
import type { World } from "./world-types.ts";
import { serializeRecord, writeCloudTrailUnit, type WriteStats } from "./writer.ts";

/** A unit of work: one account's principals on one day, plus campaign records filed with them. */
export interface Unit {
  id: string;
  accountId: string;
  day: number;
  campaignRecords: EmittedRecord[];
}

/** Generate and write one unit (used in-process and by worker threads). */
export function runUnit(world: World, config: SimulationConfig, unit: Unit, eventsDir: string): WriteStats {
  const period = periodOf(config);
  const records = unit.campaignRecords.map(serializeRecord);
  const sink = (r: EmittedRecord) => records.push(serializeRecord(r));
  for (const p of world.principals) if (p.account.id === unit.accountId) generateBenignDay(world, p, unit.day, period, sink);
  return writeCloudTrailUnit(eventsDir, config.seed, unit.id, records);
}

