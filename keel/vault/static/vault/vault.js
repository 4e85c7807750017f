// Vault item page: "Copy" puts a revealed value on the clipboard. Delegated from the document,
// so it also works for a field revealed by htmx. The value is already on the page (the reveal
// was recorded); nothing is sent anywhere.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-vault-copy]");
    if (!button || !navigator.clipboard) return;
    var source = document.getElementById(button.getAttribute("data-vault-copy"));
    if (!source) return;
    navigator.clipboard.writeText(source.textContent).then(function () {
      var status = document.getElementById("vault-copy-status");
      if (status) status.textContent = button.getAttribute("data-copied") || "";
    });
  });
})();
