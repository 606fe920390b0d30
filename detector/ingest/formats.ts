/**
 * Which reader a file needs: decided by where it sits (the S3 delivery layout names its source),
 * then by its name, then by its first bytes.
 */

/** How a file is read. */
export type FileFormat =
  /** One JSON document whose record array is `Records`, `Events` (lookup-events) or the top level. */
  | "json-array"
  /** One JSON object per line: CloudTrail records, lookup-events entries, Resolver query logs or runtime events. */
  | "json-lines"
  /** VPC flow log lines, with or without a header. */
  | "vpc-flow";

const SKIP_WS = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/** The format a file's path alone implies, if any. */
export function formatFromPath(path: string): FileFormat | undefined {
  const p = path.replace(/\\/g, "/");
  if (p.includes("/vpcflowlogs/")) return "vpc-flow";
  if (p.includes("/vpcdnsquerylogs/")) return "json-lines";
  if (/\.(ndjson|jsonl)(\.gz)?$/i.test(p)) return "json-lines";
  return undefined;
}

/** The format of a file from its first decompressed bytes (path gave no answer). */
export function formatFromHead(head: Buffer): FileFormat {
  let i = 0;
  while (i < head.length && SKIP_WS.has(head[i]!)) i++;
  const first = head[i];
  if (first === 0x5b) return "json-array";
  if (first === 0x7b) {
    // `{"Records": [` or `{"Events": [` opens a document; any other first key is a JSON line.
    const text = head.toString("utf8", i, Math.min(head.length, i + 256));
    return /^\{\s*"(Records|Events)"\s*:/.test(text) ? "json-array" : "json-lines";
  }
  return "vpc-flow";
}

/** What the S3 delivery layout tells about a file: its account and region (flow logs), when present. */
export function layoutContext(path: string): { account?: string; region?: string } {
  const m = /AWSLogs\/(\d{12})\/(?:vpcflowlogs|CloudTrail)\/([a-z0-9-]+)\//.exec(path.replace(/\\/g, "/"));
  return m ? { account: m[1]!, region: m[2]! } : {};
}
