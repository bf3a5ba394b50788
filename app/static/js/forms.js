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
