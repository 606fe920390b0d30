/** Files opened ahead on the thread pool come back in order, whole or damaged as when opened in turn. */
import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openedAhead, type OpenedFile } from "./chunks.ts";
import { tempDir, writeFixture } from "./testing.ts";

/** The bytes of an opened file, and the error that ended them, if any. */
async function contents(opened: OpenedFile): Promise<{ text: string; error?: string }> {
  if (opened.whole) return { text: opened.whole.toString("utf8") };
  const parts: Buffer[] = [];
  try {
    for await (const chunk of opened.chunks) parts.push(chunk);
  } catch (e) {
    return { text: Buffer.concat(parts).toString("utf8"), error: (e as Error).name };
  }
  return { text: Buffer.concat(parts).toString("utf8") };
}

/** Every item of an async iterable (Array.fromAsync needs Node 22). */
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("openedAhead", () => {
  it("yields every file in order with its bytes, gzip or not", async () => {
    const dir = tempDir();
    // More files than are opened ahead, so the window slides.
    const files = Array.from({ length: 40 }, (_, i) => writeFixture(dir, `f${String(i).padStart(2, "0")}.${i % 2 ? "json.gz" : "ndjson"}`, `file ${i}\n`.repeat(i + 1)));
    const seen: { index: number; file: string; text: string }[] = [];
    for await (const { index, file, opened } of openedAhead(files)) seen.push({ index, file, text: (await contents(opened)).text });
    expect(seen.map((s) => s.index)).toEqual(files.map((_, i) => i));
    expect(seen.map((s) => s.file)).toEqual(files);
    for (const [i, s] of seen.entries()) expect(s.text).toBe(`file ${i}\n`.repeat(i + 1));
  });

  it("inflates every member of a multi-member gzip, whose trailer records the last member's size only", async () => {
    const members = [gzipSync(Buffer.from("x".repeat(300_000))), gzipSync(Buffer.from("tail\n"))];
    const file = writeFixture(tempDir(), "two.bin", Buffer.concat(members));
    const [ahead] = await all(openedAhead([file]));
    expect(await contents(ahead!.opened)).toEqual({ text: "x".repeat(300_000) + "tail\n" });
  });

  it("keeps what precedes the damage of a truncated gzip, then reports it", async () => {
    const dir = tempDir();
    const whole = "line\n".repeat(50_000);
    const gz = gzipSync(Buffer.from(whole));
    const cut = writeFixture(dir, "cut.bin", gz.subarray(0, Math.floor(gz.length * 0.6)));
    const [ahead] = await all(openedAhead([cut]));
    const got = await contents(ahead!.opened);
    expect(got.error).toBe("DecompressError");
    expect(got.text.length).toBeGreaterThan(0);
    expect(whole.startsWith(got.text)).toBe(true);
  });

  it("throws a file's error when its turn comes, after the files before it", async () => {
    const dir = tempDir();
    const files = ["a", "b", "c"].map((n) => writeFixture(dir, `${n}.ndjson`, `${n}\n`));
    rmSync(files[1]!);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const { file } of openedAhead(files)) seen.push(file);
      })(),
    ).rejects.toThrow(/ENOENT/);
    expect(seen).toEqual([files[0]]);
  });

  it("opens nothing for no files", async () => {
    expect(await all(openedAhead([]))).toEqual([]);
  });
});
