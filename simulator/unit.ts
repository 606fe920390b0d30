/** One unit of work: an account's principals on one day, generated and filed. */
import type { SimulationConfig } from "../schema/manifest.ts";
import { generateBenignDay } from "./benign.ts";
import { periodOf } from "./period.ts";
import type { EmittedRecord } from "./session.ts";
import type { World } from "./world-types.ts";
import { DAY } from "./clock.ts";
import { generateHostDay, type HostEvent } from "./host.ts";
import { generateLookalikeHostDay } from "./host-lookalikes.ts";
import { CAPTURE_WINDOW_SECONDS, writeHostTelemetry } from "./telemetry.ts";
import { addStats, serializeRecord, writeCloudTrailUnit, type WriteStats } from "./writer.ts";

/** A unit of work: one account's principals on one day, plus campaign records filed with them. */
export interface Unit {
  id: string;
  accountId: string;
  day: number;
  campaignRecords: EmittedRecord[];
  /** Attack activity on the account's instances that day. */
  campaignHostEvents: HostEvent[];
}

/** Generate and write one unit (used in-process and by worker threads). */
export function runUnit(world: World, config: SimulationConfig, unit: Unit, eventsDir: string): WriteStats {
  const period = periodOf(config);
  const records = unit.campaignRecords.map(serializeRecord);
  const sink = (r: EmittedRecord) => records.push(serializeRecord(r));
  for (const p of world.principals) if (p.account.id === unit.accountId) generateBenignDay(world, p, unit.day, period, sink);
  const stats = writeCloudTrailUnit(eventsDir, config.seed, unit.id, records);
  addStats(stats, hostTelemetry(world, unit, period.start, eventsDir, config.seed));
  return stats;
}

/** The unit's instances: their host observations as flow, resolver and runtime files. */
function hostTelemetry(world: World, unit: Unit, periodStart: number, eventsDir: string, seed: number): WriteStats {
  const account = world.accounts.find((a) => a.id === unit.accountId)!;
  const events: HostEvent[] = unit.campaignHostEvents.slice();
  const dayStart = periodStart + unit.day * DAY;
  const windows = Array.from({ length: DAY / 1000 / CAPTURE_WINDOW_SECONDS }, (_, i) => dayStart / 1000 + i * CAPTURE_WINDOW_SECONDS);
  for (const instance of account.instances) {
    generateHostDay(world, account, instance, unit.day, periodStart, (e) => events.push(e));
    generateLookalikeHostDay(seed, account, instance, unit.day, periodStart, (e) => events.push(e));
  }
  const idle = account.instances.map((i) => ({ eni: i.networkInterfaceId, account: account.id, region: i.region, vpc: i.vpcId, subnet: i.subnetId, instance: i.id, windows }));
  return writeHostTelemetry(eventsDir, seed, unit.id, events, idle);
}

