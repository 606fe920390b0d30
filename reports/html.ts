/**
 * Escaping for the one HTML page: every string from a log or finding is untrusted, so text,
 * attributes, inline JSON and inlined scripts each get the escaping their context needs.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or a double- or single-quoted attribute value, safe in HTML and in inline SVG. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as `\u` escapes so no
 * `</script>` or `<!--` can end the block early, and U+2028/2029 escaped for older JS parsers.
 * `JSON.parse` of the text gives the value back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * JavaScript source made safe to inline in a `<script>` element: a `</script` or `<!--` inside a
 * string or regex of a bundle would otherwise end or change the element. In JS source both only
 * occur inside string, template or regex literals, where `<\/` and `<\!` mean the same.
 */
export function inlineScriptSource(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
