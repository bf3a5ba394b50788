// Drafts list: "select all" and a live count of ticked drafts. Without script each box is
// ticked by hand and the confirmation page still says how many.
(function () {
  "use strict";
  function picks() { return document.querySelectorAll("#draft-list .draft-pick"); }
  function update() {
    var n = Array.prototype.filter.call(picks(), function (b) { return b.checked; }).length;
    var out = document.querySelector("[data-picked-count]");
    if (out) out.textContent = n ? n + (n === 1 ? " draft selected" : " drafts selected") : "";
    var all = document.querySelector("[data-select-all]");
    if (all) all.checked = n > 0 && n === picks().length;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var all = document.querySelector("[data-select-all]");
    if (all) all.closest("label").hidden = false;
    update();
  });
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (el.matches && el.matches("[data-select-all]")) {
      picks().forEach(function (b) { b.checked = el.checked; });
    }
    if (el.matches && (el.matches("[data-select-all]") || el.matches(".draft-pick"))) update();
  });
})();
