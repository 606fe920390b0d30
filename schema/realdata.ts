/**
 * Where the real public AWS log samples live: `../shared/realdata/` beside the repository. Tests
 * read them from there (never copied in) and fail loudly when the folder is missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REPO_ROOT = new URL("../", import.meta.url);

/** Text of a real-data file, e.g. `elastic-integrations/vpcflow_v2_extra_samples.log`. */
export function readRealdata(relativePath: string): string {
  const path = fileURLToPath(new URL(`../shared/realdata/${relativePath}`, REPO_ROOT));
  if (!existsSync(path)) {
    throw new Error(`real AWS samples not found: looked for ${path} (the shared/ folder must sit beside the repository root ${fileURLToPath(REPO_ROOT)}, as ../shared)`);
  }
  return readFileSync(path, "utf8");
}
