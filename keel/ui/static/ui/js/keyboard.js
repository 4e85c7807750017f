/* Keyboard shortcuts: "/" search (the page's filter box, else the shell's search box),
   "c" create, "e" edit, "g h" home, "g t" my tasks, "g w" wiki, "g m" members,
   "?" the list.
   Keys are ignored while typing in a field, with a modifier held, or inside an open dialog.
   Targets come from the page: [data-search], [data-create], [data-edit] and the sidebar's [data-nav] links. */
(function () {
  "use strict";
  var pendingG = false;
  var gTimer = null;

  function typing(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    return !!target.closest("input, textarea, select, [contenteditable='true']");
  }

  function follow(name) {
    var link = document.querySelector("[data-nav='" + name + "']");
    if (link) window.location.assign(link.href);
  }

  function openShortcuts() {
    var dialog = document.getElementById("shortcuts-dialog");
    if (dialog && !dialog.open && dialog.showModal) dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    if (document.querySelector("dialog[open]")) return; // Esc and Tab belong to the dialog
    var key = event.key;

    if (pendingG) {
      pendingG = false;
      window.clearTimeout(gTimer);
      if (key === "h") { event.preventDefault(); follow("home"); }
      else if (key === "m") { event.preventDefault(); follow("members"); }
      else if (key === "t") { event.preventDefault(); follow("tasks"); }
      else if (key === "w") { event.preventDefault(); follow("wiki"); }
      return;
    }
    if (key === "g") {
      pendingG = true;
      gTimer = window.setTimeout(function () { pendingG = false; }, 1200);
      return;
    }
    if (key === "/") {
      // The page's own filter box first (task list, org chart), else the shell's search.
      var search = document.querySelector("main [data-search]") ||
        document.querySelector("[data-shell-search]") || document.querySelector("[data-search]");
      if (search) { event.preventDefault(); search.focus(); if (search.select) search.select(); }
    } else if (key === "c") {
      var create = document.querySelector("[data-create]");
      if (create) { event.preventDefault(); create.click(); }
    } else if (key === "e") {
      var edit = document.querySelector("[data-edit]");
      if (edit) { event.preventDefault(); edit.click(); }
    } else if (key === "?") {
      event.preventDefault();
      openShortcuts();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-shortcuts-open]").forEach(function (button) {
      button.addEventListener("click", openShortcuts);
    });
  });
})();
