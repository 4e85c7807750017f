// Email templates: copy buttons (Clipboard API, with a select-and-copy fallback), select-all
// on read-only outputs, and the template list's instant title filter. Event delegation, so
// results swapped in by htmx work too. No inline script anywhere (the CSP forbids it).
(function () {
  "use strict";

  function status(button, key) {
    var section = button.closest("section") || document;
    var out = section.querySelector("[data-copy-status]");
    if (out) out.textContent = out.getAttribute(key) || "";
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    var text = field.value;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { status(button, "data-copied"); },
        function () { status(button, fallbackCopy(field) ? "data-copied" : "data-copy-failed"); }
      );
    } else {
      status(button, fallbackCopy(field) ? "data-copied" : "data-copy-failed");
    }
  });

  document.addEventListener("focusin", function (event) {
    var field = event.target.closest && event.target.closest("[data-select-all]");
    if (field) window.setTimeout(function () { field.select(); }, 0);
  });

  // The list filters as you type; the form still works without JavaScript (server side).
  var box = document.querySelector("[data-tpl-filter]");
  if (box) {
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      var shown = 0;
      document.querySelectorAll("[data-tpl-group]").forEach(function (group) {
        var visible = 0;
        group.querySelectorAll("[data-tpl-title]").forEach(function (row) {
          var match = !needle || row.getAttribute("data-tpl-title").indexOf(needle) !== -1;
          row.hidden = !match;
          if (match) visible += 1;
        });
        group.hidden = visible === 0;
        shown += visible;
      });
      var none = document.querySelector("[data-tpl-none]");
      if (none) none.hidden = shown !== 0;
    });
  }
})();
