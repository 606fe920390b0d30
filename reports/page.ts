/**
 * The HTML document around the sections: a Content-Security-Policy that forbids every request
 * (connections, images, fonts, frames, forms) and runs only the inlined scripts whose hashes it
 * lists, the stylesheet, the table of contents, and the chart libraries inlined at the end.
 */
import { createHash } from "node:crypto";
import { vegaBundles } from "./bundles.ts";
import { BOOT_SCRIPT } from "./boot.ts";
import { esc, inlineScriptSource } from "./html.ts";
import { STYLE } from "./style.ts";

/** A section of the page as the table of contents links it. */
export interface PageSection {
  id: string;
  title: string;
  html: string;
}

interface InlineScript {
  source: string;
  hash: string;
  comment: string;
}

let cachedScripts: InlineScript[] | undefined;

/** The inlined scripts in load order with their CSP hashes, computed once per process. */
function inlineScripts(): InlineScript[] {
  cachedScripts ??= [
    ...vegaBundles().map((b) => ({ source: inlineScriptSource(b.source), comment: `${b.name} ${b.version}` })),
    { source: inlineScriptSource(BOOT_SCRIPT), comment: "seqlab charts" },
  ].map((s) => ({ ...s, hash: `'sha256-${createHash("sha256").update(s.source).digest("base64")}'` }));
  return cachedScripts;
}

/**
 * The policy: nothing may load from anywhere; scripts only by hash. Vega compiles its
 * expressions with `new Function`, hence 'unsafe-eval'; vega's SVG uses style attributes, hence
 * inline styles.
 */
function contentSecurityPolicy(scripts: readonly InlineScript[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map((s) => s.hash).join(" ")} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The whole document. `header` is trusted markup built by the caller from escaped parts. */
export function renderPage(opts: { title: string; header: string; sections: readonly PageSection[] }): string {
  const scripts = inlineScripts();
  const toc = opts.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`).join("");
  const body = opts.sections.map((s) => `<section id="${esc(s.id)}" data-section="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.html}</section>`).join("\n");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(scripts))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(opts.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<header class="page">${opts.header}</header>`,
    `<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>`,
    `<main>${body}</main>`,
    ...scripts.map((s) => `<!-- ${esc(s.comment)} --><script>${s.source}</script>`),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
