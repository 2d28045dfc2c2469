/* The DIN overview (programme/din.html): lines and goals that fold open, remembered per person
   and programme in localStorage; "open all" / "close all"; a compact reading mode; the jump
   list; and the keyboard focus around in-place editing: back on the row after saving or
   cancelling, Escape cancels. A goal's efforts are loaded by htmx when the goal opens
   (hx-trigger="intersect once" on its placeholder: only what is opened and on screen).
   Loaded in <head>: it only marks the page as scripted until the document is parsed, so folded
   parts never flash open. */
(function () {
  "use strict";

  document.documentElement.classList.add("din-js");

  var NODE = "[data-din-node]";
  var ROW = "[data-din-node], .din-effort";
  var originals = {}; // id -> the HTML an in-place form replaced (restored on cancel)
  var pending = null; // {find, fallback, until}: where the focus goes once the rows are back
  var moveByKeyboard = false;

  function tree() {
    return document.getElementById("din-tree");
  }

  // --- remembered state -------------------------------------------------------------------------

  // "din:open:<user>:<programme>" (":filtered" for a filtered overview), "din:compact:…"
  function storageKey(kind) {
    var t = tree();
    var parts = ["din", kind, t.getAttribute("data-din-user"), t.getAttribute("data-din-programme")];
    if (kind === "open" && t.hasAttribute("data-din-filtered")) parts.push("filtered");
    return parts.join(":");
  }

  function readState(kind, fallback) {
    try {
      var raw = window.localStorage.getItem(storageKey(kind));
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback; // private mode, or no tree: folding still works, just not remembered
    }
  }

  function writeState(kind, value) {
    try {
      window.localStorage.setItem(storageKey(kind), JSON.stringify(value));
    } catch (e) {
      /* not remembered, see readState */
    }
  }

  // --- folding ----------------------------------------------------------------------------------

  function toggleOf(node) {
    var head = document.getElementById(node.id + "-head");
    return head ? head.querySelector(".din-toggle") : null;
  }

  function setOpen(node, open) {
    node.classList.toggle("is-open", open);
    var button = toggleOf(node);
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function remember(nodes, open) {
    var state = readState("open", {});
    nodes.forEach(function (node) {
      state[node.id] = open ? 1 : 0;
    });
    writeState("open", state);
  }

  function applyState(root) {
    var state = readState("open", {});
    root.querySelectorAll(NODE).forEach(function (node) {
      var stored = state[node.id];
      var open = stored === undefined ? node.getAttribute("data-din-default") === "1" : stored === 1;
      setOpen(node, open);
    });
  }

  function applyCompact() {
    var on = readState("compact", false) === true;
    var t = tree();
    if (t) t.classList.toggle("din-compact", on);
    document.querySelectorAll("[data-din-compact]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  function ancestorsAndSelf(el) {
    var found = [];
    for (var node = el.closest(NODE); node; node = node.parentElement.closest(NODE)) {
      found.push(node);
    }
    return found;
  }

  // --- focus ------------------------------------------------------------------------------------

  function primaryControl(el) {
    if (!el) return null;
    if (el.matches(NODE)) return toggleOf(el) || el.querySelector(".din-form input, .din-form textarea");
    return el.querySelector(".din-effort-title") || el.querySelector("a, button") || el;
  }

  // scroll: "start" puts the row at the top (a jump), "nearest" only brings it into view
  function focusOn(el, scroll) {
    if (!el) return;
    if (scroll) (el.closest(ROW) || el).scrollIntoView({ block: scroll });
    el.focus({ preventScroll: true });
  }

  function resolvePending() {
    if (!pending) return;
    var found = pending.find();
    if (found) {
      var control = primaryControl(found);
      pending = null;
      focusOn(control, "nearest");
    } else if (Date.now() > pending.until) {
      var fallback = pending.fallback && pending.fallback();
      pending = null;
      focusOn(fallback, "nearest");
    }
  }

  // later: when the tree that holds the row is still to come (resolved after it settles)
  function awaitRow(find, fallback, later) {
    pending = { find: find, fallback: fallback, until: Date.now() + 4000, load: later };
    window.setTimeout(resolvePending, 4100);
    if (!later) resolvePending();
  }

  function rowIds() {
    var t = tree();
    return Array.prototype.map.call(t ? t.querySelectorAll(ROW) : [], function (el) {
      return el.id;
    });
  }

  function firstFieldOf(form) {
    var invalid = form.querySelector(".is-invalid");
    return invalid || form.querySelector("input:not([type=hidden]), textarea, select");
  }

  // --- jumping to a line, goal or effort --------------------------------------------------------

  function reveal(id, push) {
    var el = document.getElementById(id);
    var t = tree();
    if (!el || !t || !t.contains(el)) return false;
    var closed = ancestorsAndSelf(el).filter(function (node) {
      return !node.classList.contains("is-open");
    });
    closed.forEach(function (node) { setOpen(node, true); });
    remember(closed, true);
    if (push && window.location.hash !== "#" + id) window.history.pushState(null, "", "#" + id);
    focusOn(primaryControl(el), "start");
    return true;
  }

  function revealEffort(effortId, homeId) {
    if (homeId) reveal(homeId, true);
    awaitRow(
      function () {
        return document.getElementById(effortId);
      },
      function () {
        var home = homeId && document.getElementById(homeId);
        return home ? primaryControl(home) : null;
      },
    );
  }

  // --- cancelling an in-place form --------------------------------------------------------------

  function cancelForm(wrapper) {
    var html = originals[wrapper.id];
    if (!html) {
      // not opened on this page (e.g. the tree was swapped since): reload at the row
      var link = wrapper.querySelector("[data-din-cancel]");
      if (link) window.location.href = link.href;
      return;
    }
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var restored = holder.firstElementChild;
    wrapper.replaceWith(restored);
    delete originals[restored.id];
    if (window.htmx) window.htmx.process(restored);
    var row = restored.closest(ROW);
    var control = restored.matches(".din-row") ? primaryControl(row) : restored.querySelector("a, button");
    focusOn(control, false);
  }

  // --- the tree, after the page loads and after every swap of it --------------------------------

  function initTree() {
    var t = tree();
    if (!t || t.hasAttribute("data-din-ready")) return;
    t.setAttribute("data-din-ready", "");
    applyState(t);
    applyCompact();
    var load = pending && typeof pending.load === "string" && document.getElementById(pending.load);
    var lazy = load && load.classList.contains("is-open") && load.querySelector(":scope > .din-body > .din-lazy");
    if (lazy && window.htmx) window.htmx.trigger(lazy, "intersect");
    var moved = t.querySelector("[data-din-focus]");
    if (moved) focusMoved(moved);
    resolvePending();
  }

  // --- a row's action menu, built from one <template> when it opens -----------------------------

  function buildMenu(dropdown) {
    var list = dropdown.querySelector(".dropdown-menu");
    var template = document.getElementById("din-menu-items");
    if (!list || list.children.length || !template) return list;
    var spec = (dropdown.getAttribute("data-din-menu") || "").split(" ");
    var has = function (flag) {
      return spec.indexOf(flag) > 1;
    };
    // the row's name ("operational goal “…”") is in its menu button's label: "Actions for …"
    var toggle = dropdown.querySelector("[data-bs-toggle=dropdown]");
    var label = (toggle && toggle.getAttribute("aria-label")) || "";
    var prefix = template.getAttribute("data-din-prefix") || "";
    if (prefix && label.indexOf(prefix) === 0) label = label.slice(prefix.length);
    var values = { __KIND__: spec[0], __PK__: spec[1], __LABEL__: label };
    var items = template.content.cloneNode(true);
    items.querySelectorAll("[data-din-if]").forEach(function (item) {
      if (!has(item.getAttribute("data-din-if"))) item.remove();
    });
    items.querySelectorAll("*").forEach(function (el) {
      Array.prototype.forEach.call(el.attributes, function (attr) {
        if (attr.value.indexOf("__") === -1) return;
        el.setAttribute(
          attr.name,
          attr.value.replace(/__KIND__|__PK__|__LABEL__/g, function (token) {
            return values[token];
          }),
        );
      });
    });
    var up = items.querySelector("[data-din-move=up]");
    var down = items.querySelector("[data-din-move=down]");
    if (up && has("first")) up.disabled = true;
    if (down && has("last")) down.disabled = true;
    list.appendChild(items);
    if (window.htmx) window.htmx.process(list);
    return list;
  }

  function focusMoved(dropdown) {
    var direction = dropdown.getAttribute("data-din-focus");
    dropdown.removeAttribute("data-din-focus");
    var toggle = dropdown.querySelector("[data-bs-toggle=dropdown]");
    if (moveByKeyboard && toggle && window.bootstrap) {
      // keyboard people move an item several places in a row: the menu stays at hand
      var list = buildMenu(dropdown);
      window.bootstrap.Dropdown.getOrCreateInstance(toggle).show();
      var target =
        list.querySelector("[data-din-move=" + direction + "]:not([disabled])") ||
        list.querySelector("[data-din-move]:not([disabled])");
      focusOn(target || toggle, false);
    } else {
      focusOn(toggle, false);
    }
    moveByKeyboard = false;
  }

  // --- events -----------------------------------------------------------------------------------

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".din-toggle");
    if (toggle && toggle.closest("#din-tree")) {
      var node = toggle.closest(NODE);
      var open = !node.classList.contains("is-open");
      setOpen(node, open);
      remember([node], open);
      return;
    }
    var all = event.target.closest("[data-din-all]");
    if (all) {
      var t = tree();
      var nodes = Array.prototype.slice.call(t ? t.querySelectorAll(NODE) : []);
      var openAll = all.getAttribute("data-din-all") === "open";
      nodes.forEach(function (n) { setOpen(n, openAll); });
      remember(nodes, openAll);
      return;
    }
    var compact = event.target.closest("[data-din-compact]");
    if (compact) {
      writeState("compact", compact.getAttribute("aria-pressed") !== "true");
      applyCompact();
      return;
    }
    var cancel = event.target.closest("[data-din-cancel]");
    if (cancel && cancel.closest("#din-tree")) {
      event.preventDefault();
      cancelForm(cancel.closest(".din-form"));
      return;
    }
    var move = event.target.closest("[data-din-move]");
    if (move) {
      moveByKeyboard = event.detail === 0;
      return;
    }
    var link = event.target.closest("a[href*='#']");
    if (!link || link.pathname !== window.location.pathname) return;
    if (!link.closest("#din-toc") && !link.closest("#din-tree")) return;
    var id = decodeURIComponent(link.hash.slice(1));
    var effort = link.getAttribute("data-din-effort");
    if (effort) {
      event.preventDefault();
      revealEffort(effort, id);
    } else if (id && reveal(id, true)) {
      event.preventDefault();
    }
  });

  document.addEventListener("show.bs.dropdown", function (event) {
    var dropdown = event.target.closest && event.target.closest("[data-din-menu]");
    if (dropdown) buildMenu(dropdown);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var wrapper = event.target.closest && event.target.closest("#din-tree .din-form");
    if (!wrapper) return;
    if (event.target.getAttribute("aria-expanded") === "true") return; // an open list box
    event.preventDefault();
    cancelForm(wrapper);
  });

  window.addEventListener("hashchange", function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id) reveal(id, false);
  });

  // Remember what an in-place form replaces (a row or an "add" link), to restore it on cancel.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var t = tree();
    var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
    if (!target || !t || target === t || !t.contains(target) || !target.id) return;
    if (verb !== "get" || target.classList.contains("din-lazy") || target.classList.contains("din-form")) return;
    originals[target.id] = target.outerHTML;
  });

  // Saving a form: the tree comes back; the focus goes to the saved (or the new) row. Loading a
  // goal's efforts: say so to assistive technology.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.classList && elt.classList.contains("din-lazy")) {
      var body = elt.closest(".din-body");
      if (body) body.setAttribute("aria-busy", "true");
    }
    var wrapper = elt && elt.tagName === "FORM" ? elt.closest("#din-tree .din-form") : null;
    if (!wrapper) return;
    pending = null;
    var parent = wrapper.closest(NODE);
    if (parent) wrapper.setAttribute("data-din-parent", parent.id);
    if (/-head$/.test(wrapper.id)) {
      wrapper.setAttribute("data-din-row", wrapper.id.replace(/-head$/, ""));
    } else {
      wrapper.setAttribute("data-din-known", JSON.stringify(rowIds()));
    }
  });

  // the saved row; an effort whose goals changed may now be described elsewhere: then, once the
  // goal it was in has loaded, its reference there (or anywhere)
  function savedRowFinder(rowId, parentId) {
    var effort = /^effort-(\d+)$/.exec(rowId);
    return function () {
      var row = document.getElementById(rowId);
      var parent = parentId && document.getElementById(parentId);
      if (row || !effort || (parent && parent.querySelector(".din-lazy"))) return row;
      var ref = "[data-din-effort-ref='" + effort[1] + "']";
      return (parent && parent.querySelector(ref)) || document.querySelector(ref);
    };
  }

  // a row that was not there before the save (a reference only once the goal it was added
  // to has loaded: the new effort may be described under another goal)
  function newRowFinder(known, parentId) {
    return function () {
      var rows = tree() ? tree().querySelectorAll(ROW) : [];
      var parent = parentId && document.getElementById(parentId);
      var ref = null;
      for (var i = 0; i < rows.length; i++) {
        if (known.indexOf(rows[i].id) !== -1) continue;
        if (!rows[i].classList.contains("din-effort-ref")) return rows[i];
        ref = ref || rows[i];
      }
      return parent && parent.querySelector(".din-lazy") ? null : ref;
    };
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    var wrapper = source && source.closest ? source.closest(".din-form") : null;
    if (!wrapper || !target || target.id !== "din-tree" || document.body.contains(wrapper)) return;
    // the form was saved and the tree came back in its place
    var rowId = wrapper.getAttribute("data-din-row");
    var parentId = wrapper.getAttribute("data-din-parent");
    var known = JSON.parse(wrapper.getAttribute("data-din-known") || "[]");
    awaitRow(rowId ? savedRowFinder(rowId, parentId) : newRowFinder(known, parentId), function () {
      var parent = parentId && document.getElementById(parentId);
      return (parent && primaryControl(parent)) || document.querySelector("#din-tree .din-notice");
    }, parentId || true); // the goal the row was in: load its efforts even when off screen
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    initTree();
    document.querySelectorAll(".din-body[aria-busy]").forEach(function (body) {
      if (!body.querySelector(".din-lazy")) body.removeAttribute("aria-busy");
    });
    var target = event.detail.target;
    var t = tree();
    if (target && t && target.id && target !== t) {
      var swapped = document.getElementById(target.id);
      if (swapped && swapped.classList.contains("din-form")) {
        var field = firstFieldOf(swapped);
        if (field) {
          field.focus();
          if (typeof field.setSelectionRange === "function" && /^(text|search)$/.test(field.type)) {
            field.setSelectionRange(field.value.length, field.value.length); // type on at the end
          }
        }
        return;
      }
    }
    resolvePending();
  });

  // A goal's efforts could not be loaded: show the plain link to the goal's page instead.
  function lazyFailed(event) {
    var elt = event.detail.elt;
    if (!elt || !elt.classList || !elt.classList.contains("din-lazy")) return;
    var body = elt.closest(".din-body");
    if (body) body.removeAttribute("aria-busy");
    elt.classList.add("din-lazy-failed");
  }
  document.addEventListener("htmx:responseError", lazyFailed);
  document.addEventListener("htmx:sendError", lazyFailed);

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-din-toolbar]").forEach(function (bar) { bar.hidden = false; });
    initTree();
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id) reveal(id, false);
  });
})();
