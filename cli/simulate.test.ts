/**
 * `seqlab simulate` refuses bad input with one clear message naming the option, exit code 2 and
 * nothing written; `--help` documents the options. Checked in-process through `buildProgram()`
 * and end to end by spawning the real command.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildProgram, CommanderError } from "./program.ts";
import { UsageError } from "./errors.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TSX = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
// Small valid values, so that an option wrongly accepted costs a tiny run rather than a big one.
const SMALL = ["--days", "4", "--accounts", "4", "--suite", "smoke", "--workers", "1"];

const base = mkdtempSync(join(tmpdir(), "seqlab-cli-"));
let n = 0;
let out: string;

beforeEach(() => {
  out = join(base, `run-${++n}`);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Run the program in-process; returns the error it rejected with (undefined if it succeeded). */
async function runInProcess(args: string[]): Promise<Error | undefined> {
  const program = buildProgram();
  const quiet = { writeOut: () => {}, writeErr: () => {} };
  program.configureOutput(quiet);
  for (const c of program.commands) c.configureOutput(quiet);
  try {
    await program.parseAsync(["node", "seqlab", ...args]);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

/** Override a flag of SMALL (or add one). */
function withFlag(flag: string, value: string): string[] {
  const args = [...SMALL];
  const i = args.indexOf(flag);
  if (i >= 0) args[i + 1] = value;
  else args.push(flag, value);
  return args;
}

describe("seqlab simulate (in-process)", () => {
  it.each([
    ["--accounts", "0"],
    ["--accounts", "201"],
    ["--days", "10000"],
    ["--days", "1"],
    ["--days", "3.5"],
    ["--seed", "-1"],
    ["--seed", "abc"],
    ["--workers", "0"],
    ["--start", "05/10/2026"],
  ])("refuses %s %s with a usage error naming the option and writes nothing", async (flag, value) => {
    const error = await runInProcess(["simulate", "--out", out, ...withFlag(flag, value)]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain(flag);
    expect(error!.message).toContain(value);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an impossible calendar date for --start", async () => {
    const error = await runInProcess(["simulate", "--out", out, ...withFlag("--start", "2026-02-30")]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toContain("--start");
    expect(existsSync(out)).toBe(false);
  });

  it('suggests "default" for --suite defualt', async () => {
    const error = await runInProcess(["simulate", "--out", out, ...withFlag("--suite", "defualt")]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain("--suite");
    expect(error!.message).toContain('did you mean "default"');
    expect(existsSync(out)).toBe(false);
  });

  it("rejects an unknown flag through commander", async () => {
    const error = await runInProcess(["simulate", "--out", out, "--bogus-flag", ...SMALL]);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).code).toBe("commander.unknownOption");
    expect(error!.message).toContain("--bogus-flag");
    expect(existsSync(out)).toBe(false);
  });

  it("requires --out", async () => {
    const error = await runInProcess(["simulate", ...SMALL]);
    expect(error).toBeInstanceOf(CommanderError);
    expect(error!.message).toContain("--out");
  });

  it("refuses a non-empty directory without --force and leaves it untouched", async () => {
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const error = await runInProcess(["simulate", "--out", out, ...SMALL]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain("--out");
    expect(error!.message).toContain("--force");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("refuses to delete a directory that is not a run, even with --force", async () => {
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const error = await runInProcess(["simulate", "--out", out, "--force", ...SMALL]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain("--force");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("refuses an --out that is a file", async () => {
    writeFileSync(out, "a file\n");
    const error = await runInProcess(["simulate", "--out", out, ...SMALL]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toContain("--out");
    expect(readFileSync(out, "utf8")).toBe("a file\n");
  });
});

/** Spawn the real command from the repository root. */
function seqlab(args: string[]) {
  const r = spawnSync(TSX, ["cli/bin.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("seqlab simulate (spawned)", () => {
  it.each([
    ["an unknown flag", ["--bogus-flag"], "--bogus-flag"],
    ["--accounts 0", ["--accounts", "0"], "--accounts"],
    ["--days 10000", ["--days", "10000"], "--days"],
    ["--suite defualt", ["--suite", "defualt"], 'did you mean "default"'],
  ])("exits 2 on %s, names the problem and creates nothing", (_what, args, expected) => {
    const r = seqlab(["simulate", "--out", out, ...args]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on a non-empty --out without --force and leaves it unchanged", () => {
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const r = seqlab(["simulate", "--out", out, ...SMALL]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("--out");
    expect(r.stderr).toContain("--force");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("exits 0 on --help and documents --seed", () => {
    const r = seqlab(["simulate", "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("--seed");
    expect(r.stdout).toContain("--out");
    expect(r.stdout).toContain("--force");
  });

  it("lists the simulate command in the top-level --help", () => {
    const r = seqlab(["--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("simulate");
  });
});
