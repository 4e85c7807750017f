// Project key field (ProjectForm): capitals as the user types, and on a new project a key
// suggested from the name until the user edits the key. The rule: the initials of the name's
// words ("Amazon listings" → AL), or the first three letters of a one-word name
// ("Marketing" → MAR); letters A–Z only (accents dropped), at most the field's maxlength.
// The server upper-cases the key too, so without this script "amz" still saves as AMZ.
(function () {
  "use strict";

  function suggest(name, max) {
    var plain = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
    var words = plain.match(/[A-Z]+/g) || [];
    var key = words.length > 1
      ? words.map(function (word) { return word.charAt(0); }).join("")
      : (words[0] || "").slice(0, 3);
    key = key.slice(0, max);
    return key.length >= 2 ? key : "";
  }

  function setUp(key) {
    var max = parseInt(key.getAttribute("maxlength"), 10) || 6;
    var edited = key.value !== "";
    key.addEventListener("input", function () {
      var upper = key.value.toUpperCase();
      if (upper !== key.value) {
        var start = key.selectionStart;
        var end = key.selectionEnd;
        var sameLength = upper.length === key.value.length;
        key.value = upper;
        if (sameLength) key.setSelectionRange(start, end); // keep the caret where it was
      }
      edited = key.value !== ""; // cleared: suggestions start again
    });
    var source = key.dataset.suggestFrom && key.form
      ? key.form.elements.namedItem(key.dataset.suggestFrom)
      : null;
    if (!source || !("value" in source)) return;
    source.addEventListener("input", function () {
      if (!edited) key.value = suggest(source.value, max);
    });
  }

  function init() {
    document.querySelectorAll("input[data-project-key]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
