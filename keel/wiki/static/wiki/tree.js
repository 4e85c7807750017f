/* Drag and drop in a space's page tree. Dropping on the middle of a page puts the dragged
   page under it (last); on its top or bottom edge, before or after it. The move is posted
   to the page's "Move to…" URL (parent, position) — the same view the keyboard and no-JS
   form use — and the page reloads to show the tree as saved. */
(function () {
  "use strict";

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }

  function zone(event, row) {
    var box = row.getBoundingClientRect();
    var y = (event.clientY - box.top) / Math.max(box.height, 1);
    return y < 0.25 ? "before" : (y > 0.75 ? "after" : "inside");
  }

  function setUp(tree) {
    var status = document.querySelector("[data-tree-status]");
    var dragged = null;

    function clear() {
      tree.querySelectorAll(".drop-before, .drop-after, .drop-inside").forEach(function (el) {
        el.classList.remove("drop-before", "drop-after", "drop-inside");
      });
    }

    tree.addEventListener("dragstart", function (event) {
      var item = event.target.closest("li[data-page]");
      if (!item || !item.dataset.moveUrl) return;
      dragged = item;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.dataset.page);
      item.classList.add("dragging");
    });
    tree.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
      clear();
    });
    tree.addEventListener("dragover", function (event) {
      var row = event.target.closest(".wiki-tree-row");
      if (!dragged || !row) return;
      var target = row.parentElement;
      if (dragged === target || dragged.contains(target)) return; // never under itself
      event.preventDefault();
      clear();
      row.classList.add("drop-" + zone(event, row));
    });
    tree.addEventListener("drop", function (event) {
      var row = event.target.closest(".wiki-tree-row");
      if (!dragged || !row) return;
      event.preventDefault();
      var target = row.parentElement;
      if (dragged === target || dragged.contains(target)) return;
      var where = zone(event, row);
      var parent, position;
      if (where === "inside") {
        parent = target.dataset.page;
        position = "";
      } else {
        parent = target.dataset.parent;
        var index = parseInt(target.dataset.index, 10);
        // Positions count the siblings without the dragged page.
        if (dragged.dataset.parent === target.dataset.parent &&
            parseInt(dragged.dataset.index, 10) < index) index -= 1;
        position = String(index + (where === "after" ? 1 : 0) + 1);
      }
      var body = new URLSearchParams({ parent: parent || "", position: position });
      fetch(dragged.dataset.moveUrl, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(), "X-Wiki-Move": "1" },
        body: body,
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (result.ok) { window.location.reload(); return; }
        if (status) {
          status.classList.remove("visually-hidden");
          status.textContent = (result.data.errors || []).join(" ");
        }
      }).catch(function () { window.location.reload(); });
      clear();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-wiki-tree]").forEach(setUp);
  });
})();
