/**
 * Provenance of a detection: which detector code, variant config and run made
 * `findings/<variant>.ndjson`, stamped beside it as `findings/<variant>.provenance.json`. A
 * detection is reused only when every part matches and the findings file is still the one stamped,
 * so changing the detector, a variant or the run (or overwriting the findings by hand) reruns it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Variant } from "../detector/variant.ts";
import { writeAtomic } from "../simulator/writer.ts";

/** What a findings file was made from, as hashes. */
export interface DetectionProvenance {
  variant: string;
  /** sha256 of the validated variant config. */
  variantConfig: string;
  /** sha256 of the detector's code (see {@link detectorFingerprint}). */
  detector: string;
  /** sha256 of the run's manifest without its timings and command: the run's identity. */
  run: string;
  /** sha256 of `findings/<variant>.ndjson` as written. */
  findings: string;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Everything detection output depends on besides its input: the detector, the contracts it reads, and the command that writes its files. */
const DETECTOR_CODE = ["detector", "schema", "cli/detect.ts"];

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

let fingerprint: string | undefined;

/**
 * A hash of the detector's source files (tests left out), the pinned dependency versions and the
 * Node version: what decides the findings for a given run and variant. Computed once per process.
 */
export function detectorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  for (const file of DETECTOR_CODE.flatMap((p) => sourceFiles(join(ROOT, p))).sort()) {
    hash.update(`${relative(ROOT, file)}\0`).update(readFileSync(file)).update("\0");
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  hash.update(JSON.stringify(pkg.dependencies)).update(process.version);
  fingerprint = hash.digest("hex");
  return fingerprint;
}

function sourceFiles(path: string): string[] {
  if (path.endsWith(".ts") || path.endsWith(".json")) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((f) => (f.endsWith(".ts") || f.endsWith(".json")) && !f.endsWith(".test.ts"))
    .map((f) => join(path, f));
}

/** The identity of a run: its manifest without the fields that differ between identical runs. */
export function runIdentity(runDir: string): string {
  const { timings: _timings, command: _command, ...rest } = JSON.parse(readFileSync(join(runDir, "manifest.json"), "utf8")) as Record<string, unknown>;
  return sha256(JSON.stringify(rest));
}

const provenanceFile = (runDir: string, variant: string) => join(runDir, "findings", `${variant}.provenance.json`);
const findingsFile = (runDir: string, variant: string) => join(runDir, "findings", `${variant}.ndjson`);

/** The provenance the findings of `variant` on `runDir` must have to be reused (without the findings hash). */
export function expectedProvenance(runDir: string, variant: Variant): Omit<DetectionProvenance, "findings"> {
  return { variant: variant.name, variantConfig: sha256(JSON.stringify(variant)), detector: detectorFingerprint(), run: runIdentity(runDir) };
}

/** Whether `runDir` already holds findings and a summary of `variant` made by this detector from this run. */
export function isDetectionCurrent(runDir: string, variant: Variant): boolean {
  const stamp = provenanceFile(runDir, variant.name);
  const findings = findingsFile(runDir, variant.name);
  if (!existsSync(stamp) || !existsSync(findings) || !existsSync(join(runDir, "findings", `${variant.name}.summary.json`))) return false;
  let recorded: Partial<DetectionProvenance>;
  try {
    recorded = JSON.parse(readFileSync(stamp, "utf8")) as Partial<DetectionProvenance>;
  } catch {
    return false; // A torn or hand-edited stamp proves nothing: detect again.
  }
  const expected: DetectionProvenance = { ...expectedProvenance(runDir, variant), findings: sha256(readFileSync(findings)) };
  return (Object.keys(expected) as (keyof DetectionProvenance)[]).every((k) => recorded[k] === expected[k]);
}

/** Stamp the findings `variant` just wrote in `runDir` with their provenance. */
export async function stampDetection(runDir: string, variant: Variant): Promise<void> {
  const provenance: DetectionProvenance = { ...expectedProvenance(runDir, variant), findings: sha256(readFileSync(findingsFile(runDir, variant.name))) };
  await writeAtomic(provenanceFile(runDir, variant.name), JSON.stringify(provenance, null, 2) + "\n");
}
