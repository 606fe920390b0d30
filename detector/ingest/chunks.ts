/**
 * A file's bytes, decompressed when it is gzip (recognised by its magic bytes, not its name), as a
 * stream of Buffers: never one string, so files beyond V8's 512 MB string limit read fine.
 * Small files are read and inflated in one call (far cheaper than a stream per hourly file);
 * large ones stream. A truncated or corrupt gzip yields what could be inflated, then throws
 * {@link DecompressError}, so the records before the damage are kept.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { constants, createGunzip, gunzipSync } from "node:zlib";

/** Files up to this size (on disk) are read and inflated in one call. */
const WHOLE_FILE_BYTES = 8 * 1024 * 1024;
const STREAM_CHUNK_BYTES = 1024 * 1024;

/** The gzip data of a file ended early or is corrupt. */
export class DecompressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecompressError";
  }
}

const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

function gzipAtStart(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const bytes = new Uint8Array(2);
    return isGzip(bytes.subarray(0, readSync(fd, bytes, 0, 2, 0)));
  } finally {
    closeSync(fd);
  }
}

/** A file opened for reading: its whole decompressed bytes when small and intact, else a stream of chunks. */
export type OpenedFile = { whole: Buffer; chunks?: undefined } | { whole?: undefined; chunks: AsyncGenerator<Buffer> };

/**
 * Open `path`. Small files are read and inflated synchronously (ingest is the only work on its
 * thread, and thousands of hourly files pay dearly for promise round trips) and come back whole;
 * large ones, and small ones whose gzip is damaged, come back as chunks.
 */
export function openFile(path: string): OpenedFile {
  if (statSync(path).size > WHOLE_FILE_BYTES) return { chunks: streamChunks(path) };
  const data = readFileSync(path);
  if (!isGzip(data)) return { whole: data };
  try {
    return { whole: gunzipSync(data) };
  } catch (error) {
    return { chunks: damagedChunks(data, error as Error) };
  }
}

/** What precedes the damage in a small gzip file, then {@link DecompressError}. */
async function* damagedChunks(data: Buffer, error: Error): AsyncGenerator<Buffer> {
  let partial: Buffer | undefined;
  try {
    partial = gunzipSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    partial = undefined;
  }
  if (partial && partial.length > 0) yield partial;
  throw new DecompressError(`gzip data broken: ${error.message}`);
}

/** A large file's decompressed bytes, streamed. */
async function* streamChunks(path: string): AsyncGenerator<Buffer> {
  const gzip = gzipAtStart(path);
  const raw = createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES });
  const source = gzip ? raw.pipe(createGunzip({ chunkSize: STREAM_CHUNK_BYTES })) : raw;
  if (gzip) raw.on("error", (e) => source.destroy(e));
  try {
    for await (const chunk of source) yield chunk as Buffer;
  } catch (error) {
    if (gzip && (error as NodeJS.ErrnoException).code?.startsWith("Z_")) throw new DecompressError(`gzip data broken: ${(error as Error).message}`);
    throw error;
  } finally {
    raw.destroy();
  }
}
