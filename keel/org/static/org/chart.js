/* Org chart: pan and zoom the server-drawn SVG, and find a person.
   Pan: drag, or the arrow keys while the chart frame has focus. Zoom: wheel, + and -, the
   toolbar buttons; 0 fits the whole chart, but never below READABLE (the smallest text at
   about 10 px): a bigger chart shows its top, readable, and is moved instead. On a box the
   arrow keys move between boxes (up: the manager, down: the nearest report, left/right: the
   neighbours in the row). In the search box ArrowDown/ArrowUp go through the matches and
   Enter moves the focus to the current one. The view is a transform *attribute* on the SVG's
   <g data-viewport> (CSP allows no inline styles). Without this script the frame scrolls. */
(function () {
  "use strict";

  var MIN = 0.2, MAX = 8, STEP = 1.25, PAN = 60;
  var READABLE = 10 / 11;  // screen px per chart unit that shows the smallest text (11) at 10 px

  function init(frame) {
    var svg = frame.querySelector("svg");
    var viewport = svg && svg.querySelector("[data-viewport]");
    if (!viewport || !svg.createSVGPoint) return;
    var s = 1, tx = 0, ty = 0;
    frame.classList.add("is-interactive");

    function apply() {
      viewport.setAttribute("transform", "translate(" + tx + " " + ty + ") scale(" + s + ")");
    }
    function toUser(clientX, clientY) {
      var pt = svg.createSVGPoint();
      pt.x = clientX; pt.y = clientY;
      var ctm = svg.getScreenCTM();
      return ctm ? pt.matrixTransform(ctm.inverse()) : pt;
    }
    function baseScale() {  // screen pixels per chart unit at s = 1 (the "fit" view)
      var ctm = svg.getScreenCTM();
      return ctm ? ctm.a : 1;
    }
    function centreUser() {
      var r = frame.getBoundingClientRect();
      return toUser(r.left + r.width / 2, r.top + r.height / 2);
    }
    function minScale() { return Math.max(MIN, READABLE / baseScale()); }
    // MAX times the fit, and on a chart so big that the fit is tiny, 4× its actual size.
    function maxScale() { return Math.max(MAX, 4 / baseScale()); }
    function zoomAt(factor, u) {
      var ns = Math.min(maxScale(), Math.max(minScale(), s * factor));
      tx = u.x - ((u.x - tx) / s) * ns;
      ty = u.y - ((u.y - ty) / s) * ns;
      s = ns;
      apply();
    }
    function panBy(dxScreen, dyScreen) {
      var k = baseScale();
      tx += dxScreen / k; ty += dyScreen / k;
      apply();
    }
    function centreOn(cx, cy, atLeast) {
      s = Math.min(maxScale(), Math.max(s, atLeast));
      tx = 0; ty = 0; apply();
      var c = centreUser();
      tx = c.x - cx * s; ty = c.y - cy * s;
      apply();
    }
    function cx(node) { return parseFloat(node.getAttribute("data-cx")); }
    function cy(node) { return parseFloat(node.getAttribute("data-cy")); }
    // "Fit": the whole chart when its text stays readable; otherwise the top of the tree at
    // the smallest readable scale, and the rest is reached by moving (drag, keys, wheel).
    var first = svg.querySelector(".oc-node");
    function reset() {
      s = 1; tx = 0; ty = 0; apply();
      if (!first || baseScale() >= READABLE) return;
      centreOn(cx(first), cy(first), READABLE / baseScale());
      panBy(0, frame.getBoundingClientRect().top + 24 - first.getBoundingClientRect().top);
    }
    reset();

    frame.addEventListener("wheel", function (event) {
      event.preventDefault();
      var unit = event.deltaMode === 1 ? 16 : 1;
      zoomAt(Math.exp(-event.deltaY * unit * 0.0015), toUser(event.clientX, event.clientY));
    }, { passive: false });

    var drag = null, dragged = false;
    frame.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, id: event.pointerId };
      dragged = false;
    });
    frame.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
      if (!dragged) {
        dragged = true;
        frame.classList.add("is-dragging");
        if (frame.setPointerCapture) frame.setPointerCapture(event.pointerId);
      }
      drag.x = event.clientX; drag.y = event.clientY;
      panBy(dx, dy);
    });
    function endDrag() {
      drag = null;
      frame.classList.remove("is-dragging");
    }
    frame.addEventListener("pointerup", endDrag);
    frame.addEventListener("pointercancel", endDrag);
    // A drag that ends on a box must not open it.
    frame.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); event.stopPropagation(); dragged = false; }
    }, true);

    frame.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var key = event.key, handled = true;
      if (key === "+" || key === "=") zoomAt(STEP, centreUser());
      else if (key === "-" || key === "_") zoomAt(1 / STEP, centreUser());
      else if (key === "0") reset();
      else if (key === "ArrowLeft") panBy(PAN, 0);
      else if (key === "ArrowRight") panBy(-PAN, 0);
      else if (key === "ArrowUp") panBy(0, PAN);
      else if (key === "ArrowDown") panBy(0, -PAN);
      else handled = false;
      if (handled) event.preventDefault();
    });
    // On a box, the arrow keys move to the manager, a report or a neighbour in the row.
    var boxes = Array.prototype.slice.call(svg.querySelectorAll(".oc-node"));
    function nearest(candidates, x) {
      var best = null;
      candidates.forEach(function (n) {
        if (!best || Math.abs(cx(n) - x) < Math.abs(cx(best) - x)) best = n;
      });
      return best;
    }
    function neighbour(node, key) {
      var id = node.getAttribute("data-node"), parent = node.getAttribute("data-parent");
      if (key === "ArrowUp") return parent ? svg.querySelector('.oc-node[data-node="' + parent + '"]') : null;
      if (key === "ArrowDown") {
        return nearest(boxes.filter(function (n) { return n.getAttribute("data-parent") === id; }), cx(node));
      }
      var row = boxes.filter(function (n) {
        return Math.abs(cy(n) - cy(node)) < 1 && (key === "ArrowLeft" ? cx(n) < cx(node) : cx(n) > cx(node));
      });
      return nearest(row, cx(node));
    }
    function focusBox(node) {
      var link = node && node.querySelector(".oc-link");
      if (link) link.focus();
      return !!link;
    }
    svg.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].indexOf(event.key) === -1) return;
      var node = event.target.closest && event.target.closest(".oc-node");
      if (!node) return;
      event.preventDefault();
      event.stopPropagation();  // not a pan
      focusBox(neighbour(node, event.key));
    });

    // Tabbing to a box that is off screen brings it into view.
    svg.addEventListener("focusin", function (event) {
      var node = event.target.closest && event.target.closest(".oc-node");
      if (!node) return;
      var b = node.getBoundingClientRect(), r = frame.getBoundingClientRect();
      if (b.left < r.left || b.right > r.right || b.top < r.top || b.bottom > r.bottom) {
        centreOn(cx(node), cy(node), s);
      }
    });

    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var what = button.getAttribute("data-zoom");
        if (what === "in") zoomAt(STEP, centreUser());
        else if (what === "out") zoomAt(1 / STEP, centreUser());
        else reset();
      });
    });

    // Search: highlight matching boxes, announce the count; ArrowDown/ArrowUp centre the
    // next/previous match, Enter moves the focus to the current one.
    var input = document.querySelector("[data-chart-search]");
    var count = document.querySelector("[data-search-count]");
    var nodes = boxes;
    var matches = [], current = -1, timer = null;
    function announce(n) {
      if (!count) return;
      var label = n === 0 ? count.getAttribute("data-label-none")
        : n === 1 ? count.getAttribute("data-label-one")
        : (count.getAttribute("data-label-many") || "").replace("%(count)s", String(n));
      count.textContent = label || "";
    }
    function show(index) {
      if (!matches.length) return;
      current = (index + matches.length) % matches.length;
      var node = matches[current];
      centreOn(cx(node), cy(node), 1 / baseScale());
    }
    function search() {
      var q = input.value.trim().toLowerCase();
      matches = [];
      nodes.forEach(function (node) {
        var hit = q !== "" && (node.getAttribute("data-search-text") || "").indexOf(q) !== -1;
        node.classList.toggle("is-match", hit);
        if (hit) matches.push(node);
      });
      svg.classList.toggle("is-searching", q !== "");
      if (q === "") { count.textContent = ""; return; }
      announce(matches.length);
      show(0);
    }
    if (input) {
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(search, 150);
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { event.preventDefault(); show(current + 1); }
        else if (event.key === "ArrowUp") { event.preventDefault(); show(current - 1); }
        else if (event.key === "Enter") {  // jump to the current match: its box takes the focus
          event.preventDefault();
          if (matches.length) { if (current < 0) show(0); focusBox(matches[current]); }
        }
        else if (event.key === "Escape") { input.value = ""; search(); }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart-frame]").forEach(init);
  });
})();
