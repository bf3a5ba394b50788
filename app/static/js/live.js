// Live activity lists (templates/live/_stream.html): connection status and a cap
// on the rows kept, so a page left open on a second screen stays light.
(function () {
  "use strict";

  function statusOf(list) {
    var box = list.closest(".live-stream");
    return box && box.querySelector("[data-live-status]");
  }

  function setStatus(list, text, state) {
    var el = statusOf(list);
    if (!el) return;
    el.textContent = text;
    el.setAttribute("data-state", state);
  }

  document.addEventListener("htmx:sseOpen", function (evt) {
    setStatus(evt.target, "Live", "open");
  });
  document.addEventListener("htmx:sseError", function (evt) {
    // The browser (or the extension) reconnects and resends what was missed (Last-Event-ID).
    setStatus(evt.target, "Reconnecting…", "error");
  });
  // A stream that had to start over (a new EventSource after an error carries no
  // Last-Event-ID) may resend rows the page already shows: skip those.
  document.addEventListener("htmx:sseBeforeMessage", function (evt) {
    var id = evt.detail && evt.detail.lastEventId;
    if (id && document.getElementById(id)) evt.preventDefault();
  });
  // The dashboard feed keeps one row per lead: a newer event of a submission takes
  // the place of its older row (and keeps that row's disclosed steps).
  function fold(list) {
    var fresh = list.firstElementChild;
    var sid = fresh && fresh.getAttribute("data-submission");
    if (!sid) return;
    Array.prototype.slice.call(list.children, 1).forEach(function (row) {
      if (row.getAttribute("data-submission") !== sid) return;
      var steps = row.querySelector("details.event-steps");
      if (steps && !fresh.querySelector("details.event-steps")) fresh.appendChild(steps);
      list.removeChild(row);
    });
  }

  document.addEventListener("htmx:sseMessage", function (evt) {
    var list = evt.target;
    if (list.getAttribute("data-fold") === "submission") fold(list);
    var max = parseInt(list.getAttribute("data-live-max") || "0", 10);
    while (max > 0 && list.children.length > max) list.removeChild(list.lastElementChild);
  });
})();
