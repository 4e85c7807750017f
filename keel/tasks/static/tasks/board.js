/* Board: move cards by drag and drop, or with the keyboard (focus a card, press M, then the
   arrow keys, Enter or M to finish, Esc to cancel). Each move POSTs to the card's Move form
   (section + before/after neighbours) and keeps the DOM as the server has it; on an error the
   page reloads so nothing shows a position the server refused. Without JS each card's Move
   menu posts plain forms. */
(function () {
  "use strict";

  function csrf() {
    var headers = document.body.getAttribute("hx-headers");
    try { return JSON.parse(headers)["X-CSRFToken"]; } catch (e) { return ""; }
  }

  function interpolate(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }

  function init() {
    var board = document.querySelector("[data-board][data-editable]");
    if (!board) return;
    var status = document.querySelector("[data-board-status]");
    var dragged = null;
    var moving = null; // {card, column, next}: the keyboard move in progress and where it began

    function announce(text) { if (status) status.textContent = text; }
    function columnOf(card) { return card.closest("[data-column]"); }
    function cardsOf(column) { return Array.prototype.slice.call(column.querySelectorAll("[data-card]")); }
    function columns() { return Array.prototype.slice.call(board.querySelectorAll("[data-column]")); }

    function save(card) {
      var column = columnOf(card);
      var prev = card.previousElementSibling;
      var next = card.nextElementSibling;
      var form = card.querySelector(".card-move form");
      var body = new FormData();
      body.append("section", column.getAttribute("data-section") || "");
      if (prev && prev.hasAttribute("data-card")) body.append("after", prev.getAttribute("data-task-id"));
      if (next && next.hasAttribute("data-card")) body.append("before", next.getAttribute("data-task-id"));
      return fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error("move refused");
        return response.json();
      }).then(function (data) {
        // Into the Done column completes the task, out of it reopens it.
        card.classList.toggle("is-done", data.status === "done");
        var position = cardsOf(column).indexOf(card) + 1;
        announce(interpolate(board.getAttribute("data-moved-label"), {
          task: card.getAttribute("data-ref"),
          column: column.getAttribute("data-column-name"),
          position: position
        }));
      }).catch(function () {
        window.alert(board.getAttribute("data-move-error"));
        window.location.reload();
      });
    }

    // --- Drag and drop ------------------------------------------------------------------------
    board.addEventListener("dragstart", function (event) {
      var card = event.target.closest && event.target.closest("[data-card]");
      if (!card) return;
      dragged = card;
      card.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.getAttribute("data-task-id"));
    });
    board.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("is-dragging");
      columns().forEach(function (c) { c.classList.remove("is-drop-target"); });
      dragged = null;
    });
    board.addEventListener("dragover", function (event) {
      if (!dragged) return;
      var column = event.target.closest && event.target.closest("[data-column]");
      if (!column) return;
      event.preventDefault();
      columns().forEach(function (c) { c.classList.toggle("is-drop-target", c === column); });
      var list = column.querySelector("[data-cards]");
      var after = null;
      cardsOf(column).some(function (card) {
        if (card === dragged) return false;
        var box = card.getBoundingClientRect();
        if (event.clientY < box.top + box.height / 2) { after = card; return true; }
        return false;
      });
      if (after) list.insertBefore(dragged, after);
      else list.appendChild(dragged);
    });
    board.addEventListener("drop", function (event) {
      if (!dragged) return;
      event.preventDefault();
      var card = dragged;
      columns().forEach(function (c) { c.classList.remove("is-drop-target"); });
      save(card);
    });

    // --- Keyboard: M to pick up, arrows to move, Enter/M to drop, Esc to cancel ------------
    function finish(cancel) {
      if (!moving) return;
      var card = moving.card;
      card.classList.remove("is-moving");
      if (cancel) {
        var list = moving.column.querySelector("[data-cards]");
        if (moving.next && moving.next.parentNode === list) list.insertBefore(card, moving.next);
        else list.appendChild(card);
        moving = null;
        card.focus();
        return;
      }
      var moved = columnOf(card) !== moving.column || card.nextElementSibling !== moving.next;
      moving = null;
      card.focus();
      if (moved) save(card);
    }

    board.addEventListener("keydown", function (event) {
      var card = event.target.closest && event.target.closest("[data-card]");
      if (!card || event.target !== card || event.ctrlKey || event.metaKey || event.altKey) return;
      var key = event.key;
      if (!moving) {
        if (key === "m" || key === "M") {
          event.preventDefault();
          moving = { card: card, column: columnOf(card), next: card.nextElementSibling };
          card.classList.add("is-moving");
          announce(interpolate(board.getAttribute("data-moving-label"), { task: card.getAttribute("data-ref") }));
        }
        return;
      }
      if (moving.card !== card) return;
      var column = columnOf(card);
      var list = column.querySelector("[data-cards]");
      if (key === "ArrowUp" && card.previousElementSibling) {
        list.insertBefore(card, card.previousElementSibling);
      } else if (key === "ArrowDown" && card.nextElementSibling) {
        list.insertBefore(card.nextElementSibling, card);
      } else if (key === "ArrowLeft" || key === "ArrowRight") {
        var all = columns();
        var target = all[all.indexOf(column) + (key === "ArrowLeft" ? -1 : 1)];
        if (target) {
          var targetList = target.querySelector("[data-cards]");
          var index = Math.min(cardsOf(column).indexOf(card), cardsOf(target).length);
          var before = cardsOf(target)[index] || null;
          if (before) targetList.insertBefore(card, before);
          else targetList.appendChild(card);
          card.scrollIntoView({ block: "nearest", inline: "nearest" });
        }
      } else if (key === "Enter" || key === "m" || key === "M") {
        event.preventDefault();
        finish(false);
        return;
      } else if (key === "Escape") {
        event.preventDefault();
        finish(true);
        return;
      } else {
        return;
      }
      event.preventDefault();
      card.focus();
      announce(interpolate(board.getAttribute("data-moved-label"), {
        task: card.getAttribute("data-ref"),
        column: columnOf(card).getAttribute("data-column-name"),
        position: cardsOf(columnOf(card)).indexOf(card) + 1
      }));
    });
    board.addEventListener("focusout", function (event) {
      if (moving && event.target === moving.card && !moving.card.contains(event.relatedTarget)) {
        // Moving the node in the DOM blurs it; keep the move unless focus really left.
        window.setTimeout(function () {
          if (moving && document.activeElement !== moving.card) finish(false);
        }, 0);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
