/**
 * A file's bytes, decompressed when it is gzip (recognised by its magic bytes, not its name), as a
 * stream of Buffers: never one string, so files beyond V8's 512 MB string limit read fine.
 * Small files are read and inflated in one call (far cheaper than a stream per hourly file);
 * large ones stream. A truncated or corrupt gzip yields what could be inflated, then throws
 * {@link DecompressError}, so the records before the damage are kept. {@link openedAhead} inflates
 * the next files on libuv's thread pool while the reader parses the current one.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { constants, createGunzip, gunzip, gunzipSync } from "node:zlib";

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

/** Bounds of the output buffer asked of gunzip: one buffer for the file, unless it is huge. */
const MIN_OUTPUT_BYTES = 64 * 1024;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Beyond this ratio a recorded size is not believed (a damaged trailer): logs compress ~10-20×. */
const MAX_RATIO = 64;

/**
 * A small gzip file inflated on libuv's thread pool, into one buffer: the size gzip records in its
 * last 4 bytes (ISIZE) sizes the output, since zlib's 16 KiB default makes a dozen pieces to join
 * per hourly file and cost more than inflating on the reader's own thread. The size is only a
 * hint: a larger output (several gzip members, a wrong trailer) still comes whole, in pieces.
 */
function gunzipOnPool(data: Buffer): Promise<Buffer> {
  const recorded = data.length >= 4 ? data.readUInt32LE(data.length - 4) : 0;
  const upper = Math.max(MIN_OUTPUT_BYTES, Math.min(MAX_OUTPUT_BYTES, data.length * MAX_RATIO));
  const chunkSize = Math.min(upper, Math.max(MIN_OUTPUT_BYTES, recorded + 1024));
  return new Promise((resolve, reject) => gunzip(data, { chunkSize }, (error, out) => (error ? reject(error) : resolve(out))));
}

/**
 * Open `path`, `size` bytes on disk. Small files are read at once (synchronously: a promise per
 * read costs more than reading an hourly file) and inflated on the thread pool, and come back
 * whole; large ones, and small ones whose gzip is damaged, come back as chunks.
 */
async function openFile(path: string, size: number): Promise<OpenedFile> {
  if (size > WHOLE_FILE_BYTES) return { chunks: streamChunks(path) };
  const data = readFileSync(path);
  if (!isGzip(data)) return { whole: data };
  try {
    return { whole: await gunzipOnPool(data) };
  } catch (error) {
    return { chunks: damagedChunks(data, error as Error) };
  }
}

/** Files opened at once, at most, beyond the one being read. */
const FILES_AHEAD = 16;
/** Bytes on disk opened ahead, at most (beyond the next file): bounds what is held inflated. */
const BYTES_AHEAD = 4 * 1024 * 1024;

/**
 * Each of `files`, in order, with its opened bytes ({@link openFile}); the next files (at most
 * {@link FILES_AHEAD}, {@link BYTES_AHEAD} on disk) are inflated on the thread pool meanwhile,
 * so a single-threaded reader gets gunzip off its thread. An error opening a file (gone,
 * unreadable) is thrown when that file's turn comes.
 */
export async function* openedAhead(files: readonly string[]): AsyncGenerator<{ index: number; file: string; opened: OpenedFile }> {
  const pending: { opened: Promise<OpenedFile>; size: number }[] = [];
  let started = 0;
  let bytesAhead = 0;
  for (let index = 0; index < files.length; index++) {
    while (started < files.length && started <= index + FILES_AHEAD && (started <= index + 1 || bytesAhead < BYTES_AHEAD)) {
      const file = files[started++]!;
      let size = 0;
      let opened: Promise<OpenedFile>;
      try {
        size = statSync(file).size;
        opened = openFile(file, size);
      } catch (error) {
        opened = Promise.reject(error as Error);
      }
      // Handled when its turn comes; until then an early failure must not count as unhandled.
      opened.catch(() => undefined);
      pending.push({ opened, size });
      bytesAhead += size;
    }
    const next = pending.shift()!;
    bytesAhead -= next.size;
    yield { index, file: files[index]!, opened: await next.opened };
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
