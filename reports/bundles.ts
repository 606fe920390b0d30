/**
 * The vega, vega-lite and vega-embed browser bundles, read once from node_modules so the page
 * works offline. Their paths are resolved from each package's entry point, not guessed.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One inlined library: its package name, version and minified source. */
export interface Bundle {
  name: string;
  version: string;
  source: string;
}

const BUNDLES: readonly { name: string; file: string }[] = [
  { name: "vega", file: "build/vega.min.js" },
  { name: "vega-lite", file: "build/vega-lite.min.js" },
  { name: "vega-embed", file: "build/vega-embed.min.js" },
];

let cached: Bundle[] | undefined;

/** The three bundles in load order (vega-embed needs the `vega` and `vegaLite` globals). */
export function vegaBundles(): readonly Bundle[] {
  cached ??= BUNDLES.map(({ name, file }) => {
    const root = packageRoot(name);
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${name}: ${path} is missing; run \`npm ci\` to install the report's chart libraries`);
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    return { name, version, source: readFileSync(path, "utf8") };
  });
  return cached;
}

/** The folder holding `name`'s package.json, found by walking up from its resolved entry point. */
function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${name}: no package.json above its entry point; run \`npm ci\``);
    dir = parent;
  }
}
