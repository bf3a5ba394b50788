// Form editor niceties that need script (CSP: no inline JS). Everything still works without it.
(function () {
  "use strict";
  // The autonomy slider shows the level's name as it moves.
  document.addEventListener("input", function (evt) {
    var slider = evt.target;
    if (!slider.matches || !slider.matches("input[type=range][list]")) return;
    var option = document.querySelector("#" + slider.getAttribute("list") + " option[value='" + slider.value + "']");
    var out = document.querySelector("output[for='" + slider.id + "']");
    if (option && out) {
      out.textContent = option.getAttribute("label");
      slider.setAttribute("aria-valuetext", option.getAttribute("label"));
    }
  });
})();

// Drag and drop reordering of editor field rows (the up/down buttons do the same without a mouse).
(function () {
  "use strict";
  var dragged = null;
  function list(el) { return el.closest && el.closest("ol[data-sortable]"); }
  document.addEventListener("dragstart", function (evt) {
    if (!list(evt.target)) return;
    dragged = evt.target;
    dragged.classList.add("dragging");
    evt.dataTransfer.effectAllowed = "move";
    evt.dataTransfer.setData("text/plain", dragged.getAttribute("data-field"));
  });
  document.addEventListener("dragover", function (evt) {
    var row = evt.target.closest && evt.target.closest("li.field-row");
    if (!dragged || !row || row === dragged || list(row) !== list(dragged)) return;
    evt.preventDefault();
    var box = row.getBoundingClientRect();
    row.parentNode.insertBefore(dragged, evt.clientY < box.top + box.height / 2 ? row : row.nextSibling);
  });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    var ol = list(dragged), form = ol && document.querySelector(ol.getAttribute("data-sortable"));
    dragged.classList.remove("dragging");
    dragged = null;
    if (!form) return;
    form.querySelectorAll("input[name=order]").forEach(function (i) { i.remove(); });
    ol.querySelectorAll(":scope > li.field-row").forEach(function (li) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "order"; input.value = li.getAttribute("data-field");
      form.appendChild(input);
    });
    form.requestSubmit();
  });
})();

// Unsaved changes: typing in a form marked data-unsaved-warning (or in a field form of the
// editor) marks the page dirty; leaving it then asks first. The beforeunload listener exists
// only while something is dirty, and a save (HTMX 2xx, or a plain submit) clears it.
(function () {
  "use strict";
  var dirty = new Set(), leaving = false;
  function tracked(el) { return el.closest && el.closest("form[data-unsaved-warning], #sec-fields form"); }
  function warn(evt) {
    if (leaving) return;
    evt.preventDefault();
    evt.returnValue = "";
  }
  function sync() {
    dirty.forEach(function (f) { if (!f.isConnected) dirty.delete(f); });
    window.removeEventListener("beforeunload", warn);
    if (dirty.size) window.addEventListener("beforeunload", warn);
  }
  function touch(evt) {
    var form = tracked(evt.target);
    if (!form || evt.target.type === "hidden") return;
    dirty.add(form);
    var status = document.getElementById("save-status");
    if (status && form.id === "editor-settings") {
      status.textContent = "Unsaved changes";
      status.className = "save-status is-dirty";
    }
    sync();
  }
  document.addEventListener("input", touch);
  document.addEventListener("change", touch);
  document.addEventListener("submit", function (evt) {
    if (evt.defaultPrevented || !tracked(evt.target)) return;
    // HTMX posts clear on success (below); a plain post navigates on purpose.
    if (!evt.target.hasAttribute("hx-post")) leaving = true;
  });
  document.addEventListener("htmx:afterRequest", function (evt) {
    var form = evt.detail.elt && evt.detail.elt.closest && evt.detail.elt.closest("form");
    var xhr = evt.detail.xhr;
    if (form && xhr && xhr.status >= 200 && xhr.status < 300) dirty.delete(form);
    sync();
  });
  document.addEventListener("htmx:afterSettle", sync);
})();
