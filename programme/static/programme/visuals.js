/* The DIN diagram and planning: a print button, the planning's bars placed on the timeline,
   and the lines of a node stand out while the pointer or the keyboard focus is on it. Works without it; nothing is loaded from outside. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // The planning's bars and ticks are placed from data attributes (in percent of the
  // timeline): the Content-Security-Policy forbids style="" attributes, not styles set here.
  document.querySelectorAll("[data-months]").forEach(function (table) {
    table.style.setProperty("--months", table.getAttribute("data-months"));
  });
  document.querySelectorAll("[data-left]").forEach(function (element) {
    element.style.left = element.getAttribute("data-left") + "%";
    if (element.hasAttribute("data-width")) {
      element.style.width = element.getAttribute("data-width") + "%";
    }
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
