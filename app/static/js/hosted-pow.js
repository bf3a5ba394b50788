/* The hosted form's proof-of-work (SPEC §19): on the first focus in the form, solve the
   challenge the page carries (data-fa-challenge on the hidden _pow input) in a Web
   Worker (/embed-pow.js, same origin) and put the solution in _pow. A submit before it
   is solved waits for it, then submits again (HTMX sees only that second submit).
   Listeners sit on the document, so a form re-rendered by HTMX (a 422) with a fresh
   challenge is handled the same way. */
(function () {
  "use strict";
  if (!window.Worker) return;
  function powInput(form) {
    return form && form.querySelector && form.querySelector("input[name=_pow][data-fa-challenge]");
  }
  function solve(input) {
    if (!input.faSolving) input.faSolving = new Promise(function (resolve) {
      function done() { input.faDone = true; resolve(); }  // solved, or the worker failed
      var worker = new Worker(input.getAttribute("data-fa-worker"));
      worker.onmessage = function (e) { input.value = JSON.stringify(e.data); done(); };
      worker.onerror = function () { done(); };
      worker.postMessage(JSON.parse(input.getAttribute("data-fa-challenge")));
    });
    return input.faSolving;
  }
  document.addEventListener("focusin", function (e) {
    var input = powInput(e.target.form);
    if (input) solve(input);
  });
  document.addEventListener("submit", function (e) {
    var form = e.target, input = powInput(form), button = e.submitter;  // Next, Back or Submit
    if (!input || input.faDone) return;  // a failed worker sends without: held for review
    e.preventDefault();
    e.stopImmediatePropagation();
    solve(input).then(function () { form.requestSubmit ? form.requestSubmit(button) : form.submit(); });
  }, true);
})();
