/**
 * The page's only own script: embed every chart with vega-embed (SVG renderer, no action menu),
 * mark each container `data-rendered="true"` (or `"error"`, with the message shown as text), and
 * set `data-charts-rendered` on <body> to the number of charts once all are done, so a browser
 * test knows when to look.
 */
export const BOOT_SCRIPT = `(function () {
  "use strict";
  var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
  var done = nodes.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute("data-chart")).textContent);
    return vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(
      function () { el.setAttribute("data-rendered", "true"); },
      function (err) { el.setAttribute("data-rendered", "error"); el.textContent = "This chart could not be drawn: " + err; console.error(err); }
    );
  });
  Promise.all(done).then(function () { document.body.setAttribute("data-charts-rendered", String(nodes.length)); });
})();`;
