/* The shell's search box: arrow keys move between the box and the dropdown's hits, Escape
   closes the dropdown (and a second Escape leaves the box). htmx fetches the hits. */
(function () {
  "use strict";
  function hits(form) { return Array.prototype.slice.call(form.querySelectorAll("[data-search-hit]")); }

  document.addEventListener("keydown", function (event) {
    var form = event.target.closest && event.target.closest("[data-shell-search-form]");
    if (!form) return;
    var input = form.querySelector("[data-shell-search]");
    var results = form.querySelector("[data-shell-search-results]");
    var list = hits(form);
    var at = list.indexOf(event.target);
    if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus(); else list[at - 1].focus();
    } else if (event.key === "Escape") {
      if (results.innerHTML.trim()) { results.innerHTML = ""; input.focus(); }
      else input.blur();
    }
  });

  document.addEventListener("click", function (event) {
    document.querySelectorAll("[data-shell-search-form]").forEach(function (form) {
      if (!form.contains(event.target)) form.querySelector("[data-shell-search-results]").innerHTML = "";
    });
  });
})();
