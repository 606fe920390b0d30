/**
 * Byte-level splitters that cut a stream of Buffers into record texts without building one string
 * of the whole input (`LineSplitter.pushText` takes a small file's text whole, for the reader to
 * decode once): lines (NDJSON, flow logs) and the elements of a JSON array
 * (`{"Records":[...]}`, `{"Events":[...]}`, `[...]`). Both bound the size of one record, so an
 * absurd line is reported and skipped without being held in memory.
 */

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

/** Longest record (line or array element) held for parsing: 8 MiB; longer ones are rejected. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** Receives what a splitter cut. `line` is the 1-based line where the record starts. */
export interface SplitSink {
  record(text: string, line: number): void;
  /** A record longer than the bound, skipped; `bytes` counts what was seen of it. */
  oversize(line: number, bytes: number): void;
  /** An element of the record array that is not an object (a string, number, array...). */
  notObject?(line: number): void;
}

/** Accumulates the bytes of one record that spans chunks, up to the bound. */
class Pieces {
  private parts: Buffer[] = [];
  bytes = 0;
  over = false;

  add(part: Buffer, max: number): void {
    this.bytes += part.length;
    if (this.over) return;
    if (this.bytes > max) {
      this.over = true;
      this.parts = [];
    } else if (part.length > 0) this.parts.push(part);
  }

  /** The record's text with `last` appended; empty parts mean the record lies in `last` alone. */
  text(last: Buffer, start: number, end: number): string {
    if (this.parts.length === 0) return last.toString("utf8", start, end);
    this.parts.push(last.subarray(start, end));
    return Buffer.concat(this.parts).toString("utf8");
  }

  reset(): void {
    this.parts = [];
    this.bytes = 0;
    this.over = false;
  }
}

/** Cuts a byte stream into lines (LF or CRLF); blank lines are dropped but counted. */
export class LineSplitter {
  private line = 0;
  private readonly pieces = new Pieces();
  private pending = false;

  constructor(
    private readonly sink: SplitSink,
    private readonly maxBytes: number = MAX_RECORD_BYTES,
  ) {}

  push(chunk: Buffer): void {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(NL, pos);
      if (nl < 0) {
        if (pos < chunk.length) {
          this.pieces.add(chunk.subarray(pos), this.maxBytes);
          this.pending = true;
        }
        return;
      }
      this.emit(chunk, pos, nl);
      pos = nl + 1;
    }
  }

  /**
   * The lines of a whole file already decoded: what {@link push} and {@link end} cut from its
   * bytes, with one decode for the file rather than one per line (LF is never inside a UTF-8
   * sequence, so the texts are the same; only invalid UTF-8 near the bound may count otherwise).
   * The lines are slices of `text`: for sinks that copy what they keep. Only for a splitter that
   * has seen nothing yet.
   */
  pushText(text: string): void {
    if (this.line > 0 || this.pending) throw new Error("LineSplitter.pushText: the splitter has already cut lines");
    for (let pos = 0; pos < text.length; ) {
      let nl = text.indexOf("\n", pos);
      if (nl < 0) nl = text.length;
      this.line++;
      // A UTF-16 unit is at most 3 UTF-8 bytes: the exact count is needed only near the bound.
      const bytes = (nl - pos) * 3 > this.maxBytes ? Buffer.byteLength(text.slice(pos, nl)) : nl - pos;
      if (bytes > this.maxBytes) this.sink.oversize(this.line, bytes);
      else {
        const line = text.slice(pos, nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
        if (line.trim() !== "") this.sink.record(line, this.line);
      }
      pos = nl + 1;
    }
  }

  /** Flush the last line (a file need not end with a newline). */
  end(): void {
    if (this.pending) this.emit(Buffer.alloc(0), 0, 0);
  }

  private emit(chunk: Buffer, start: number, end: number): void {
    this.line++;
    const { pieces } = this;
    if (pieces.bytes + (end - start) > this.maxBytes) {
      this.sink.oversize(this.line, pieces.bytes + (end - start));
    } else {
      // One CR before the LF goes (CRLF), wherever the chunk boundary fell.
      const crHere = end > start && chunk[end - 1] === CR;
      const text = pieces.text(chunk, start, crHere ? end - 1 : end);
      const cut = !crHere && text.endsWith("\r") ? text.slice(0, -1) : text;
      if (cut.trim() !== "") this.sink.record(cut, this.line);
    }
    pieces.reset();
    this.pending = false;
  }

  /** Lines seen so far. */
  get lines(): number {
    return this.line;
  }
}

/**
 * Cuts the elements of the record array out of a JSON document: the top-level array, or an array
 * directly under the top-level object (`Records`, `Events`). Objects are handed over as text for
 * JSON.parse; the document around them is only scanned for structure, strings skipped with
 * `indexOf` (native memchr), which keeps the scan well under the cost of parsing.
 */
export class JsonArraySplitter {
  private depth = 0;
  /** Depth of the record array's elements, or -1 outside it. */
  private elementDepth = -1;
  private topIsObject = false;
  private inString = false;
  /** The previous chunk ended in a string on an odd run of backslashes: the next byte is escaped. */
  private escapeNext = false;
  private recording = false;
  private recordLine = 0;
  private line = 1;
  /** Whether an element may start here (after `[` or `,` inside the record array). */
  private expectElement = false;
  private readonly pieces = new Pieces();
  /** Elements seen (objects or not). */
  elements = 0;
  /** Whether a record array was found. */
  foundArray = false;

  constructor(
    private readonly sink: SplitSink,
    private readonly maxBytes: number = MAX_RECORD_BYTES,
  ) {}

  push(chunk: Buffer): void {
    const len = chunk.length;
    let i = 0;
    let recordStart = 0;
    if (this.inString && this.escapeNext) {
      this.escapeNext = false;
      i = 1;
    }
    while (i < len) {
      if (this.inString) {
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) {
          let b = len - 1;
          while (b >= i && chunk[b] === BACKSLASH) b--;
          this.escapeNext = ((len - 1 - b) & 1) === 1;
          i = len;
          break;
        }
        let b = q - 1;
        while (b >= i && chunk[b] === BACKSLASH) b--;
        i = q + 1;
        if (((q - 1 - b) & 1) === 0) this.inString = false;
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        if (this.expectElement && this.depth === this.elementDepth) this.nonObject();
        this.inString = true;
      } else if (c === NL) {
        this.line++;
      } else if (c === OPEN_OBJ) {
        if (this.depth === this.elementDepth) {
          this.expectElement = false;
          this.elements++;
          this.recording = true;
          this.recordLine = this.line;
          recordStart = i;
        } else if (this.depth === 0) this.topIsObject = true;
        this.depth++;
      } else if (c === CLOSE_OBJ) {
        this.depth--;
        if (this.recording && this.depth === this.elementDepth) {
          this.recording = false;
          this.finishRecord(chunk, recordStart, i + 1);
        }
      } else if (c === OPEN_ARR) {
        if (this.depth === this.elementDepth) this.nonObject();
        else if (this.elementDepth < 0 && !this.foundArray && (this.depth === 0 || (this.depth === 1 && this.topIsObject))) {
          this.elementDepth = this.depth + 1;
          this.foundArray = true;
          this.expectElement = true;
        }
        this.depth++;
      } else if (c === CLOSE_ARR) {
        this.depth--;
        if (this.depth + 1 === this.elementDepth) {
          this.elementDepth = -1;
          this.expectElement = false;
        }
      } else if (this.depth === this.elementDepth) {
        if (c === 0x2c) this.expectElement = true;
        else if (this.expectElement && c > 0x20) this.nonObject();
      }
      i++;
    }
    if (this.recording) this.pieces.add(chunk.subarray(recordStart), this.maxBytes);
  }

  /**
   * Whether the document ended cleanly. When it ends inside a record, that record is reported as
   * cut off (returned as its start line).
   */
  end(): { complete: boolean; cutRecordLine?: number } {
    const complete = this.depth === 0 && !this.inString;
    if (this.recording) {
      this.recording = false;
      this.pieces.reset();
      return { complete, cutRecordLine: this.recordLine };
    }
    return { complete };
  }

  private nonObject(): void {
    this.expectElement = false;
    this.elements++;
    this.sink.notObject?.(this.line);
  }

  private finishRecord(chunk: Buffer, start: number, end: number): void {
    const { pieces } = this;
    if (pieces.over || pieces.bytes + (end - start) > this.maxBytes) this.sink.oversize(this.recordLine, pieces.bytes + (end - start));
    else this.sink.record(pieces.text(chunk, start, end), this.recordLine);
    pieces.reset();
  }
}
