/* The DIN diagram and planning: a print button, and the lines of a node stand out while
   the pointer or the keyboard focus is on it. Works without it; nothing is loaded from outside. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  var svg = document.querySelector("svg.din-diagram");
  if (!svg) { return; }
  function mark(node, on) {
    var key = node.getAttribute("data-node");
    svg.classList.toggle("din-focus", on);
    node.classList.toggle("din-current", on);
    svg.querySelectorAll('[data-from="' + key + '"], [data-to="' + key + '"]').forEach(function (edge) {
      edge.classList.toggle("din-edge-current", on);
    });
  }
  svg.querySelectorAll("[data-node]").forEach(function (node) {
    ["mouseenter", "focusin"].forEach(function (type) {
      node.addEventListener(type, function () { mark(node, true); });
    });
    ["mouseleave", "focusout"].forEach(function (type) {
      node.addEventListener(type, function () { mark(node, false); });
    });
  });
})();
