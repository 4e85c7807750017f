/* The wiki editor: a plain <textarea> with a Markdown toolbar and shortcuts.
   Ctrl/Cmd+B bold, Ctrl/Cmd+I italic, Ctrl/Cmd+K link, Ctrl/Cmd+Enter saves.
   The live preview is htmx on the textarea (hx-post to wiki_preview on "input", debounced);
   changes made here fire "input" too so the preview follows. No inline script (CSP). */
(function () {
  "use strict";

  function changed(area) {
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Wrap the selection in `before`/`after`; with no selection insert `placeholder` selected.
  function wrap(area, before, after, placeholder) {
    var start = area.selectionStart, end = area.selectionEnd;
    var text = area.value.slice(start, end) || placeholder;
    area.setRangeText(before + text + after, start, end, "end");
    area.setSelectionRange(start + before.length, start + before.length + text.length);
    area.focus();
    changed(area);
  }

  // Put `prefix` at the start of every line the selection touches.
  function prefixLines(area, prefix) {
    var value = area.value;
    var start = value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    var end = area.selectionEnd;
    var lines = value.slice(start, end).split("\n");
    var out = lines.map(function (line, i) {
      return (typeof prefix === "function" ? prefix(i) : prefix) + line;
    }).join("\n");
    area.setRangeText(out, start, end, "end");
    area.focus();
    changed(area);
  }

  function block(area, text) {
    var start = area.selectionStart;
    var before = area.value.slice(0, start);
    var lead = before === "" || before.slice(-2) === "\n\n" ? "" : (before.slice(-1) === "\n" ? "\n" : "\n\n");
    var selected = area.value.slice(start, area.selectionEnd);
    area.setRangeText(lead + text.replace("%s", selected || ""), start, area.selectionEnd, "end");
    area.focus();
    changed(area);
  }

  var actions = {
    bold: function (a) { wrap(a, "**", "**", "bold"); },
    italic: function (a) { wrap(a, "*", "*", "italic"); },
    heading: function (a) { prefixLines(a, "## "); },
    link: function (a) { wrap(a, "[", "](https://)", "text"); },
    wikilink: function (a) { wrap(a, "[[", "]]", a.dataset.pagePlaceholder || "Page title"); },
    list: function (a) { prefixLines(a, "- "); },
    tasks: function (a) { prefixLines(a, "- [ ] "); },
    code: function (a) {
      if (a.value.slice(a.selectionStart, a.selectionEnd).indexOf("\n") === -1) wrap(a, "`", "`", "code");
      else block(a, "```\n%s\n```\n");
    },
    callout: function (a) { block(a, "> [!NOTE]\n> %s\n"); }
  };

  function setUp(form) {
    var area = form.querySelector("textarea[data-wiki-editor]");
    if (!area) return;
    var toolbar = form.querySelector("[data-wiki-toolbar]");
    if (toolbar) {
      toolbar.hidden = false;
      toolbar.addEventListener("click", function (event) {
        var button = event.target.closest("[data-md]");
        if (button && actions[button.dataset.md]) actions[button.dataset.md](area);
      });
      // A toolbar is one tab stop; arrow keys move between its buttons.
      var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
      buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
      toolbar.addEventListener("keydown", function (event) {
        var i = buttons.indexOf(document.activeElement);
        if (i < 0) return;
        var next = null;
        if (event.key === "ArrowRight") next = buttons[(i + 1) % buttons.length];
        else if (event.key === "ArrowLeft") next = buttons[(i - 1 + buttons.length) % buttons.length];
        else if (event.key === "Home") next = buttons[0];
        else if (event.key === "End") next = buttons[buttons.length - 1];
        if (next) {
          event.preventDefault();
          buttons[i].tabIndex = -1;
          next.tabIndex = 0;
          next.focus();
        }
      });
    }
    area.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      var key = event.key.toLowerCase();
      if (key === "enter") {
        event.preventDefault();
        if (form.requestSubmit) form.requestSubmit(); else form.submit();
      } else if (key === "b") { event.preventDefault(); actions.bold(area); }
      else if (key === "i") { event.preventDefault(); actions.italic(area); }
      else if (key === "k") { event.preventDefault(); actions.link(area); }
    });
    // Leaving with unsaved text asks first; saving does not.
    var initial = area.value;
    var saving = false;
    form.addEventListener("submit", function () { saving = true; });
    window.addEventListener("beforeunload", function (event) {
      if (!saving && area.value !== initial) { event.preventDefault(); event.returnValue = ""; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-wiki-editor-form]").forEach(setUp);
  });
})();
