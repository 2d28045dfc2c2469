// The effort form, enhanced (it works without this script too; the posted fields are the same).
// - Goals: only the goals the effort serves are shown, each with its contribution; a searchable
//   "Add a goal" box (grouped by programme line) adds one, "Remove" takes one away.
// - Partners and the lead: Tom Select, searchable, instead of Ctrl-click lists.
// Included by the form itself (programme/_effort_goal_picker.html), so it also runs when htmx
// swaps the form into the DIN overview; it loads Tom Select once, on first use.
(function () {
  "use strict";
  var script = document.currentScript;
  if (window.avkEffortForm) {
    window.avkEffortForm.whenReady(document);
    return;
  }
  var assets = script ? script.dataset : {};
  var loading = null;

  function addStylesheet(href) {
    if (!href || document.querySelector('link[href="' + href + '"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  function loadTomSelect() {
    if (window.TomSelect) return Promise.resolve(window.TomSelect);
    if (loading) return loading;
    addStylesheet(assets.tomSelectCss);
    addStylesheet(assets.effortFormCss);
    loading = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = assets.tomSelectJs;
      tag.onload = function () { resolve(window.TomSelect); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
    return loading;
  }

  // Tom Select points the <label> at its own search box; the original select is kept only for
  // the post (out of the tab order already), so screen readers meet one control, not two.
  function keepName(select) {
    select.setAttribute("aria-hidden", "true");
  }

  function format(template, goal) {
    return (template || "").replace("%(goal)s", goal);
  }

  // --- the goal picker --------------------------------------------------------------------

  function enhanceGoals(picker, TomSelect) {
    if (picker.dataset.enhanced) return;
    picker.dataset.enhanced = "1";
    var rows = Array.prototype.slice.call(picker.querySelectorAll("[data-goal-row]"));
    if (!rows.length) return;
    var adderBox = picker.querySelector("[data-goal-adder]");
    var adder = adderBox.querySelector("select");
    var empty = picker.querySelector("[data-goal-empty]");
    var status = picker.querySelector("[data-goal-status]");
    var help = picker.querySelector("[data-help-js]");
    if (help) help.textContent = help.dataset.helpJs;
    var options = [];
    var groups = [];
    rows.forEach(function (row, index) {
      var select = row.querySelector("select");
      var line = row.dataset.goalLineName;
      if (!groups.some(function (g) { return g.value === line; })) {
        groups.push({ value: line, label: line, pos: groups.length });
      }
      options.push({ value: select.id, text: row.dataset.goalTitle, line: line, pos: index });
    });

    function chosen(row) {
      var select = row.querySelector("select");
      return select.value !== "" || select.classList.contains("is-invalid");
    }

    function option(row) {
      var id = row.querySelector("select").id;
      return options.filter(function (o) { return o.value === id; })[0];
    }

    function refresh() {
      picker.querySelectorAll("[data-goal-line]").forEach(function (line) {
        line.hidden = !line.querySelector("[data-goal-row]:not([hidden])");
      });
      var shown = rows.filter(function (row) { return !row.hidden; }).length;
      empty.hidden = shown > 0;
      adderBox.hidden = false;
    }

    var box = new TomSelect(adder, {
      options: rows.filter(function (row) { return !chosen(row); }).map(option),
      optgroups: groups,
      optgroupField: "line",
      lockOptgroupOrder: true,
      sortField: [{ field: "$score" }, { field: "pos" }],
      searchField: ["text", "line"],
      maxOptions: null,
      openOnFocus: false,
      placeholder: adder.dataset.placeholder,
      render: {
        no_results: function () {
          var text = Object.keys(box.options).length ? adder.dataset.noResults : adder.dataset.allChosen;
          var div = document.createElement("div");
          div.className = "no-results";
          div.textContent = text;
          return div;
        },
      },
      onChange: function (id) {
        if (!id) return;
        var select = document.getElementById(id);
        var row = select.closest("[data-goal-row]");
        if (!select.value) select.value = "middel";
        row.hidden = false;
        box.removeOption(id);
        box.clear(true);
        refresh();
        status.textContent = format(adder.dataset.added, row.dataset.goalTitle);
        select.focus();
      },
    });

    keepName(adder);
    rows.forEach(function (row) {
      var remove = row.querySelector("[data-goal-remove]");
      remove.hidden = false;
      row.hidden = !chosen(row);
      remove.addEventListener("click", function () {
        if (row.hidden) return;
        var select = row.querySelector("select");
        select.value = "";
        select.classList.remove("is-invalid");
        row.hidden = true;
        box.addOption(option(row));
        box.refreshOptions(false);
        box.close();
        refresh();
        status.textContent = format(adder.dataset.removed, row.dataset.goalTitle);
        box.focus();
      });
    });
    refresh();
  }

  // --- partners and the lead ----------------------------------------------------------------

  function enhanceSelect(select, TomSelect) {
    if (select.tomselect) return;
    var multi = select.multiple;
    var help = select.id && document.getElementById(select.id + "_helptext");
    if (help && select.dataset.helpJs) help.textContent = select.dataset.helpJs;
    new TomSelect(select, {
      plugins: multi ? { remove_button: { title: select.dataset.removeLabel || "" } } : [],
      maxOptions: null,
      allowEmptyOption: !multi,
      hidePlaceholder: true,
      placeholder: select.dataset.placeholder,
      closeAfterSelect: !multi,
    });
    keepName(select);
  }

  function enhance(root, TomSelect) {
    root.querySelectorAll("[data-goal-picker]").forEach(function (picker) {
      enhanceGoals(picker, TomSelect);
    });
    root.querySelectorAll("select[data-tom-select]").forEach(function (select) {
      enhanceSelect(select, TomSelect);
    });
  }

  function whenReady(root) {
    if (!root.querySelector || !root.querySelector("[data-goal-picker], select[data-tom-select]")) {
      return;
    }
    loadTomSelect().then(function (TomSelect) { enhance(root, TomSelect); });
  }

  window.avkEffortForm = { whenReady: whenReady };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { whenReady(document); });
  } else {
    whenReady(document);
  }
  document.addEventListener("htmx:load", function (event) { whenReady(event.target); });
})();
