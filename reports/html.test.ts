import { describe, expect, it } from "vitest";
import { esc, inlineScriptSource, scriptJson } from "./html.ts";
import { HTML_PAYLOAD } from "./testing.ts";

describe("esc", () => {
  it("escapes the five characters that can open a tag, an entity or close an attribute", () => {
    expect(esc(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    expect(esc(HTML_PAYLOAD)).not.toMatch(/[<>"']/);
  });
  it("leaves other text alone", () => {
    expect(esc("Défense → Evasion 42")).toBe("Défense → Evasion 42");
    expect(esc(3.5)).toBe("3.5");
  });
});

describe("scriptJson", () => {
  const value = { text: HTML_PAYLOAD, comment: "<!-- x -->", amp: "a&b", separators: "a\u2028b\u2029c", nested: [{ s: "</SCRIPT>" }] };
  it("has no character that could end or change a script element", () => {
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });
  it("parses back to the same value", () => {
    expect(JSON.parse(scriptJson(value))).toEqual(value);
  });
});

describe("inlineScriptSource", () => {
  it("breaks every </script and <!-- whatever the case", () => {
    const out = inlineScriptSource(`var a = "</script>", b = '</SCRIPT >', c = /<!--/;`);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain("<!--");
  });
  it("keeps string values the same when evaluated", () => {
    const source = `["</script>", "<!-- hi", "plain"]`;
    const run = (js: string) => new Function(`return ${js}`)() as unknown;
    expect(run(inlineScriptSource(source))).toEqual(run(source));
  });
});
