/**
 * Vitest global setup: every test's temporary files go under one folder of this run, removed when
 * the run ends, so fixtures made with `mkdtemp(tmpdir())` do not pile up in the system's /tmp.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "seqlab-test-"));
  // Workers start after this and inherit the environment; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
