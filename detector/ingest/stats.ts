/**
 * Accounting of what ingest read: every record is used, skipped by design (flow NODATA/SKIPDATA
 * rows) or rejected with file, line and reason. `--strict` turns the first reject into an error.
 */
import type { Source } from "../activity.ts";

/** What ingest read, used, skipped and rejected, with the reasons. */
export interface IngestStats {
  /** Records read (used + rejected + skipped). */
  read: number;
  /** Records that became activities. */
  used: number;
  /** Records that could not become activities (broken JSON, wrong types, missing fields, truncated files...). */
  rejected: number;
  /** Records skipped by design: VPC flow `NODATA` and `SKIPDATA` rows carry no traffic. */
  skipped: number;
  /** Skipped records by reason (`flow NODATA`, `flow SKIPDATA`). */
  skippedByReason: Record<string, number>;
  /** Rejected records by reason class (the reason without its values, e.g. `broken JSON`). */
  rejectsByReason: Record<string, number>;
  /** The first {@link MAX_EXAMPLES} rejects. `line` is the 1-based line where the record starts. */
  examples: { file: string; line: number; reason: string }[];
  /** Activities produced per source. */
  bySource: Record<Source, number>;
  /** Files opened. */
  files: number;
  /** Activities whose hour had already been emitted when read hour by hour (`activitiesByHour`): delivered in a later hour's batch. */
  late: number;
}

/** How many reject examples the stats keep. */
export const MAX_EXAMPLES = 20;

/** Stats with every count at zero. */
export function emptyStats(): IngestStats {
  return {
    read: 0,
    used: 0,
    rejected: 0,
    skipped: 0,
    skippedByReason: {},
    rejectsByReason: {},
    examples: [],
    bySource: { cloudtrail: 0, "vpc-flow": 0, "route53-resolver": 0, runtime: 0 },
    files: 0,
    late: 0,
  };
}

/** A reject under `--strict`: names the file, line and reason. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason} (rejected under --strict; drop --strict to count such records and go on)`);
    this.name = "IngestError";
  }
}

/**
 * Count one rejected record. `kind` is the reason class used as the `rejectsByReason` key;
 * `detail` is the full reason with its values, kept in the examples.
 */
export function reject(stats: IngestStats, strict: boolean | undefined, file: string, line: number, kind: string, detail: string = kind): void {
  stats.read++;
  stats.rejected++;
  stats.rejectsByReason[kind] = (stats.rejectsByReason[kind] ?? 0) + 1;
  if (stats.examples.length < MAX_EXAMPLES) stats.examples.push({ file, line, reason: detail });
  if (strict) throw new IngestError(file, line, detail);
}

/** Count one record skipped by design. */
export function skip(stats: IngestStats, reason: string): void {
  stats.read++;
  stats.skipped++;
  stats.skippedByReason[reason] = (stats.skippedByReason[reason] ?? 0) + 1;
}
