/* New report form: show the preview of the chosen template in the chosen language. */
(function () {
  "use strict";
  function update(form) {
    var checked = form.querySelector("input[name='template']:checked");
    var template = checked ? checked.value : "";
    var language = form.querySelector("select[name='language']");
    var key = template ? template + ":" + (language ? language.value : "en") : "blank";
    document.querySelectorAll("[data-preview]").forEach(function (block) {
      block.hidden = block.getAttribute("data-preview") !== key;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-form-new]");
    if (!form) return;
    form.addEventListener("change", function () { update(form); });
    update(form);
  });
})();
