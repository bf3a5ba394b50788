// Bulk selection on lists: a "select all" checkbox (data-select-all="<form id>") ticks every
// row checkbox of that form on the page, and the bulk bar counts the selection. Without
// JavaScript the rows are ticked one by one (or via the "Select all" link) and the same
// form posts; the server confirms with the count either way.
(function () {
  "use strict";
  function boxes(formId) {
    return Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name=ids][form="' + formId + '"]'));
  }
  function refresh(formId) {
    var all = boxes(formId), ticked = all.filter(function (b) { return b.checked; }).length;
    var count = document.querySelector('[data-bulk-count="' + formId + '"]');
    if (count) count.textContent = ticked ? ticked + " selected" : "None selected";
    var head = document.querySelector('[data-select-all="' + formId + '"]');
    if (head) { head.checked = ticked > 0 && ticked === all.length; head.indeterminate = ticked > 0 && ticked < all.length; }
    var form = document.getElementById(formId);
    if (form) form.querySelectorAll("[data-needs-selection]").forEach(function (b) { b.disabled = ticked === 0; });
  }
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (!el.matches) return;
    if (el.matches("[data-select-all]")) {
      var formId = el.getAttribute("data-select-all");
      boxes(formId).forEach(function (b) { b.checked = el.checked; });
      refresh(formId);
    } else if (el.matches("input[type=checkbox][name=ids][form]")) {
      refresh(el.getAttribute("form"));
    }
  });
  function init() {
    document.querySelectorAll("[data-select-all]").forEach(function (el) {
      el.hidden = false;
      refresh(el.getAttribute("data-select-all"));
    });
  }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", init);
})();
