// Deals board: drag a card to another stage column. The drop sets the card's own Stage
// select and submits its form, so a drag posts exactly what the select + Move posts (the
// keyboard and no-JavaScript path) and htmx swaps the re-rendered board the same way.
(function () {
  "use strict";
  var dragged = null;

  function columnOf(evt) {
    return evt.target.closest ? evt.target.closest(".deal-column[data-stage]") : null;
  }
  function unmark() {
    document.querySelectorAll(".deal-column.drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  }

  document.addEventListener("dragstart", function (evt) {
    var card = evt.target.closest ? evt.target.closest(".deal-card[draggable=true]") : null;
    if (!card) return;
    dragged = card;
    evt.dataTransfer.effectAllowed = "move";
    evt.dataTransfer.setData("text/plain", card.getAttribute("data-deal-id"));
    card.classList.add("dragging");
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    unmark();
  });
  document.addEventListener("dragover", function (evt) {
    var col = columnOf(evt);
    if (!col || !dragged) return;
    evt.preventDefault();
    evt.dataTransfer.dropEffect = "move";
    if (!col.classList.contains("drop-target")) { unmark(); col.classList.add("drop-target"); }
  });
  document.addEventListener("drop", function (evt) {
    var col = columnOf(evt), card = dragged;
    if (!col || !card) return;
    evt.preventDefault();
    unmark();
    var form = card.querySelector("form.deal-move");
    var select = form && form.querySelector("select[name=stage]");
    var stage = col.getAttribute("data-stage");
    if (!select || select.value === stage) return;
    select.value = stage;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
})();
