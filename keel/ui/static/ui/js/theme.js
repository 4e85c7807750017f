/* Theme: light, dark or system. Loaded without `defer` in <head> so the theme is set before
   the first paint. The server renders the user's saved theme as data-theme on <html>; a choice
   made with the toggle on this device (localStorage "keel-theme") wins over it.
   Also swaps the "no-js" class for "js" so CSS can hide JS-only affordances without a flash. */
(function () {
  "use strict";
  var KEY = "keel-theme";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(theme) {
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
    else root.removeAttribute("data-theme");
  }
  function current() {
    return root.getAttribute("data-theme") || "system";
  }

  var saved = stored();
  if (saved) apply(saved);
  // A sidebar collapsed on this device stays collapsed, without flashing open first.
  try {
    if (window.localStorage.getItem("keel-sidebar-collapsed") === "1") {
      root.classList.add("sidebar-collapsed");
    }
  } catch (e) { /* private mode */ }

  function label(button) {
    var theme = current();
    button.textContent = button.getAttribute("data-label-" + theme) || theme;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var order = ["light", "dark", "system"];
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      button.hidden = false;
      label(button);
      button.addEventListener("click", function () {
        var next = order[(order.indexOf(current()) + 1) % order.length];
        apply(next);
        try { window.localStorage.setItem(KEY, next); } catch (e) { /* private mode */ }
        label(button);
      });
    });
  });
})();
