/* The shell's small behaviours: sidebar toggle (narrow screens) and collapse (wide screens),
   disclosure dropdowns with aria-expanded, and auto-submitting the language switcher.
   Everything here is progressive: without JS the sidebar is shown in full and forms submit. */
(function () {
  "use strict";
  var COLLAPSED_KEY = "keel-sidebar-collapsed";
  var root = document.documentElement;

  function setExpanded(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeDropdowns(except) {
    document.querySelectorAll("[data-dropdown][aria-expanded='true']").forEach(function (b) {
      if (b === except) return;
      setExpanded(b, false);
      var menu = document.getElementById(b.getAttribute("aria-controls"));
      if (menu) menu.classList.remove("is-open");
    });
  }

  function init() {
    // The top bar's menu button: on narrow screens it opens the sidebar over the page; on wide
    // screens (where it shows only while the sidebar is collapsed) it brings the sidebar back.
    document.querySelectorAll("[data-sidebar-toggle]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (window.matchMedia("(min-width: 768px)").matches) {
          setCollapsed(false);
        } else {
          root.classList.toggle("sidebar-open", !root.classList.contains("sidebar-open"));
          syncCollapse();
        }
        if (root.classList.contains("sidebar-open") || !root.classList.contains("sidebar-collapsed")) {
          var first = document.querySelector("#sidebar a, #sidebar button");
          if (first) first.focus();
        }
      });
    });

    // Sidebar on wide screens: collapse it to give lists the full width; remembered per device
    // (theme.js restores the saved state before the first paint).
    function syncCollapse() {
      var collapsed = root.classList.contains("sidebar-collapsed");
      document.querySelectorAll("[data-sidebar-collapse]").forEach(function (b) {
        setExpanded(b, !collapsed);
      });
      var wide = window.matchMedia("(min-width: 768px)").matches;
      document.querySelectorAll("[data-sidebar-toggle]").forEach(function (b) {
        setExpanded(b, wide ? !collapsed : root.classList.contains("sidebar-open"));
      });
    }
    function setCollapsed(collapsed) {
      root.classList.toggle("sidebar-collapsed", collapsed);
      root.classList.remove("sidebar-open");
      try { window.localStorage.setItem(COLLAPSED_KEY, collapsed ? "1" : "0"); } catch (e) { /* */ }
      syncCollapse();
    }
    document.querySelectorAll("[data-sidebar-collapse]").forEach(function (button) {
      button.addEventListener("click", function () {
        var narrow = !window.matchMedia("(min-width: 768px)").matches;
        if (narrow) {
          root.classList.remove("sidebar-open");
          syncCollapse();
        } else {
          setCollapsed(true);
        }
        var toggle = document.querySelector("[data-sidebar-toggle]");
        if (toggle) toggle.focus();
      });
    });
    syncCollapse();

    // Disclosure dropdowns: a button with aria-expanded controls the element in aria-controls.
    document.querySelectorAll("[data-dropdown]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        var menu = document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) return;
        var open = button.getAttribute("aria-expanded") !== "true";
        closeDropdowns(button);
        setExpanded(button, open);
        menu.classList.toggle("is-open", open);
        if (open) {
          var first = menu.querySelector("a, button, input, select");
          if (first) first.focus();
        }
      });
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest("[data-dropdown-menu]")) closeDropdowns(null);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelector("[data-dropdown][aria-expanded='true']");
      if (open) {
        closeDropdowns(null);
        open.focus();
      } else if (root.classList.contains("sidebar-open")) {
        root.classList.remove("sidebar-open");
        syncCollapse();
        var toggle = document.querySelector("[data-sidebar-toggle]");
        if (toggle) toggle.focus();
      }
    });

    // Language switcher: submit on change; the button stays for keyboard users and no-JS.
    document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form.requestSubmit) select.form.requestSubmit();
        else select.form.submit();
      });
    });

    // "Give all to…": a select[data-set-all] copies its choice to every select in the same
    // [data-set-all-scope] (the per-row selects still work alone, and without JS).
    document.querySelectorAll("select[data-set-all]").forEach(function (all) {
      all.addEventListener("change", function () {
        if (!all.value) return;
        var scope = all.closest("[data-set-all-scope]");
        if (!scope) return;
        scope.querySelectorAll("select:not([data-set-all])").forEach(function (select) {
          if (select.querySelector("option[value='" + CSS.escape(all.value) + "']")) {
            select.value = all.value;
          }
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
