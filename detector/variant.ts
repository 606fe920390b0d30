/**
 * Detector variants: named JSON configs (`detector/variants/<name>.json`) choosing the anomaly
 * model, signals, markers, correlation window, scope and threshold. Baselines are variants too.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { describeIssue } from "../schema/describe-issue.ts";
import { unknownNameMessage } from "../schema/did-you-mean.ts";

/** A variant config. */
export const variantSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes, like window-72h"),
  description: z.string().min(1),
  /** What scores behaviour against history: learned embeddings, first-seen terms, smoothed frequency, or nothing (rules only). */
  anomalyModel: z.enum(["embedding", "first-seen", "frequency", "none"]),
  /** Signal types to run: "all", or a list of signal ids. */
  signals: z.union([z.literal("all"), z.array(z.string()).min(1)]),
  /** Markers to judge sequences with: "all", "none" (signals counted, no judgement), or a list of marker ids. */
  markers: z.union([z.literal("all"), z.literal("none"), z.array(z.string()).min(1)]),
  /** Signals link when they share an entity within this many hours of the sequence's last signal (a principal's or role session's calls from another kind of place, within 3 hours at most: correlate.ts). */
  windowHours: z.number().positive().max(24 * 14),
  /** `account`: sequences never span accounts (GuardDuty parity); `organization`: they may. */
  scope: z.enum(["account", "organization"]),
  /** A sequence finding is raised when its score reaches this. */
  threshold: z.number().positive(),
  /** Fewest distinct signal types a sequence needs (a single event type is a foundational finding, not a sequence). */
  minSignalTypes: z.number().int().min(1).default(2),
  /** Seed of model training. */
  seed: z.number().int().nonnegative().default(1),
});

/** A validated variant. */
export type Variant = z.infer<typeof variantSchema>;

const VARIANTS_DIR = fileURLToPath(new URL("./variants/", import.meta.url));

/** Names of the built-in variants (`detector/variants/*.json`). */
export function builtInVariants(): string[] {
  return readdirSync(VARIANTS_DIR).filter((f) => f.endsWith(".json")).map((f) => basename(f, ".json")).sort();
}

/** An error in a variant config: names the file and the path of the bad field. */
export class VariantError extends Error {
  override name = "VariantError";
}

/** Parse a variant config, naming `source` and the field path on error. */
export function parseVariant(value: unknown, source: string): Variant {
  const result = variantSchema.safeParse(value);
  if (!result.success) throw new VariantError(`${source}: ${describeIssue(result.error)}`);
  return result.data;
}

/** Load a built-in variant by name, or a variant JSON file by path. */
export function loadVariant(nameOrFile: string): Variant {
  const isFile = nameOrFile.endsWith(".json") || nameOrFile.includes("/");
  const path = isFile ? nameOrFile : join(VARIANTS_DIR, `${nameOrFile}.json`);
  if (!existsSync(path)) {
    if (isFile) throw new VariantError(`${path}: no such variant file`);
    throw new VariantError(unknownNameMessage("variant", nameOrFile, builtInVariants()));
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new VariantError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const variant = parseVariant(value, path);
  if (!isFile && variant.name !== nameOrFile) throw new VariantError(`${path}: name "${variant.name}" must equal the file name "${nameOrFile}"`);
  return variant;
}
