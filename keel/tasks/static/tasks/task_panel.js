/* Side panel: on wide screens a task link in the list or board opens the task beside it
   (htmx GET of the same URL, which answers with the panel partial) and pushes the task's
   URL; Close or Esc returns to the list. On narrow screens, or without JS/htmx, the link is
   a normal page. */
(function () {
  "use strict";
  var WIDE = "(min-width: 1024px)";

  function init() {
    var host = document.querySelector("[data-panel-host]");
    var panel = document.getElementById("task-panel");
    if (!host || !panel || !window.htmx) return;
    var listUrl = window.location.href;
    var opener = null;

    function close(restoreUrl) {
      host.classList.remove("has-panel");
      panel.hidden = true;
      panel.innerHTML = "";
      if (restoreUrl) window.history.pushState({}, "", listUrl);
      if (opener) opener.focus();
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-task-link]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      if (!window.matchMedia(WIDE).matches) return;
      event.preventDefault();
      opener = link;
      listUrl = host.classList.contains("has-panel") ? listUrl : window.location.href;
      window.htmx.ajax("GET", link.href, { target: "#task-panel", swap: "innerHTML" }).then(function () {
        host.classList.add("has-panel");
        panel.hidden = false;
        window.history.pushState({ panel: link.href }, "", link.href);
        var title = panel.querySelector("h2");
        if (title) { title.setAttribute("tabindex", "-1"); title.focus(); }
      });
    });

    panel.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-panel-close]")) close(true);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden && !document.querySelector("dialog[open]")) {
        close(true);
      }
    });
    window.addEventListener("popstate", function () {
      if (!panel.hidden) close(false);
      if (window.location.href !== listUrl) window.location.reload();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
