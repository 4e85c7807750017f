/* Paste or drop files into the wiki editor: each is uploaded and its Markdown inserted.

   Markup (templates/wiki/files/_upload.html gives the status line and this script):
     <textarea data-upload-url="/<ws>/wiki/s/<space>/files/" data-upload-page="12"
               data-upload-status="wiki-upload-status">
     <p id="wiki-upload-status" role="status" aria-live="polite"
        data-uploading="Uploading %(name)s… %(progress)s" data-done="%(name)s uploaded."
        data-placeholder="Uploading %(name)s…"
        data-failed="%(name)s was not uploaded: %(error)s" data-network="…">
   While a file uploads, a placeholder "[Uploading name…]" stands where it was dropped; the
   server's Markdown (`![name](url)` or `[name](url)`) replaces it, or it goes on an error.
   The CSRF token comes from the form's hidden input, else the csrftoken cookie. An `input`
   event is sent after each change so the live preview follows. */
(function () {
  "use strict";
  var counter = 0;

  function csrfToken(textarea) {
    var form = textarea.form || textarea.closest("form");
    var input = form && form.querySelector("input[name='csrfmiddlewaretoken']");
    if (input && input.value) return input.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function format(template, values) {
    return (template || "").replace(/%\((\w+)\)s/g, function (_all, key) {
      return values[key] === undefined ? "" : String(values[key]);
    });
  }

  function statusFor(textarea) {
    var id = textarea.getAttribute("data-upload-status");
    var status = id && document.getElementById(id);
    if (!status) {
      status = document.createElement("p");
      status.className = "wiki-upload-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      textarea.insertAdjacentElement("afterend", status);
    }
    return status;
  }

  function say(status, key, values, isError) {
    var fallback = {
      uploading: "Uploading %(name)s… %(progress)s",
      done: "%(name)s uploaded.",
      failed: "%(name)s was not uploaded: %(error)s",
      network: "the connection was lost. Try again."
    };
    status.textContent = format(status.getAttribute("data-" + key) || fallback[key], values);
    status.classList.toggle("is-error", !!isError);
  }

  function replaceText(textarea, search, replacement) {
    var value = textarea.value;
    var at = value.indexOf(search);
    if (at < 0) {
      if (!replacement) return;
      at = textarea.selectionStart || value.length; // the placeholder was edited away
      search = "";
    }
    var cursor = textarea.selectionStart;
    textarea.value = value.slice(0, at) + replacement + value.slice(at + search.length);
    if (cursor > at) cursor += replacement.length - search.length;
    textarea.setSelectionRange(cursor, cursor);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var before = textarea.value.slice(0, start);
    // Pictures and videos read best on a line of their own.
    if (before && !/\n$/.test(before)) text = "\n" + text;
    textarea.value = before + text + textarea.value.slice(end);
    var cursor = start + text.length;
    textarea.setSelectionRange(cursor, cursor);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function upload(textarea, file) {
    var status = statusFor(textarea);
    var name = file.name || "file";
    counter += 1;
    var waiting = format(status.getAttribute("data-placeholder") || "Uploading %(name)s…", {
      name: name.replace(/[\[\]]/g, "")
    });
    var placeholder = "[" + waiting + " #" + counter + "]";
    insertAtCursor(textarea, placeholder + "\n");
    var data = new FormData();
    data.append("file", file, name);
    var page = textarea.getAttribute("data-upload-page");
    if (page) data.append("page", page);
    var request = new XMLHttpRequest();
    request.open("POST", textarea.getAttribute("data-upload-url"));
    request.setRequestHeader("X-CSRFToken", csrfToken(textarea));
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        say(status, "uploading", { name: name, progress: Math.round((100 * event.loaded) / event.total) + "%" });
      }
    });
    request.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (_e) { body = null; }
      if (request.status >= 200 && request.status < 300 && body && body.markdown) {
        replaceText(textarea, placeholder, body.markdown);
        say(status, "done", { name: body.name || name });
      } else {
        replaceText(textarea, placeholder + "\n", "");
        var error = body && body.error ? body.error : "HTTP " + request.status;
        say(status, "failed", { name: name, error: error }, true);
      }
    });
    request.addEventListener("error", function () {
      replaceText(textarea, placeholder + "\n", "");
      say(status, "failed", { name: name, error: format(status.getAttribute("data-network") || "the connection was lost. Try again.", {}) }, true);
    });
    say(status, "uploading", { name: name, progress: "0%" });
    request.send(data);
  }

  function hasFiles(transfer) {
    return !!transfer && Array.prototype.indexOf.call(transfer.types || [], "Files") >= 0;
  }

  function uploadAll(textarea, files) {
    for (var i = 0; i < files.length; i += 1) upload(textarea, files[i]);
  }

  function bind(textarea) {
    if (textarea.getAttribute("data-upload-bound")) return;
    textarea.setAttribute("data-upload-bound", "1");
    textarea.addEventListener("paste", function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (!files || !files.length) return; // plain text pastes as usual
      event.preventDefault();
      uploadAll(textarea, files);
    });
    textarea.addEventListener("dragover", function (event) {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      textarea.classList.add("is-drop-target");
    });
    textarea.addEventListener("dragleave", function () {
      textarea.classList.remove("is-drop-target");
    });
    textarea.addEventListener("drop", function (event) {
      textarea.classList.remove("is-drop-target");
      if (!hasFiles(event.dataTransfer) || !event.dataTransfer.files.length) return;
      event.preventDefault();
      textarea.focus();
      uploadAll(textarea, event.dataTransfer.files);
    });
  }

  function init() {
    var areas = document.querySelectorAll("textarea[data-upload-url]");
    for (var i = 0; i < areas.length; i += 1) bind(areas[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Fragments swapped in by htmx may bring an editor along.
  document.addEventListener("htmx:afterSettle", init);
})();
