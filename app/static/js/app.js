// Dashboard behaviour that must live in a file (the CSP forbids inline scripts).
(function () {
  "use strict";

  function toast(message, kind) {
    var box = document.getElementById("toasts");
    if (!box || !message) return;
    var el = document.createElement("div");
    el.className = "flash flash-" + (kind || "error");
    el.setAttribute("role", "alert");
    el.textContent = message;
    box.appendChild(el);
    setTimeout(function () { el.remove(); }, 6000);
  }

  // Error responses are not swapped (see the htmx-config meta); show their text instead.
  document.addEventListener("htmx:responseError", function (evt) {
    var xhr = evt.detail.xhr, text = "";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      text = (doc.querySelector("[role=alert], .error-box p:not(.status), p") || doc.body).textContent.trim();
    } catch (e) { text = ""; }
    toast(text || ("Request failed (" + xhr.status + ")."), "error");
  });
  document.addEventListener("htmx:sendError", function () {
    toast("Could not reach the server. Check your connection and try again.", "error");
  });

  // Selects marked data-autosubmit submit their form on change (workspace switcher, filters).
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
  });

  // Buttons marked data-disable-on-submit cannot double-submit a plain form.
  document.addEventListener("submit", function (evt) {
    var buttons = evt.target.querySelectorAll("[data-disable-on-submit]");
    buttons.forEach(function (b) { setTimeout(function () { b.disabled = true; b.setAttribute("aria-disabled", "true"); }, 0); });
  });

  // Copy buttons: <button data-copy="#selector">.
  document.addEventListener("click", function (evt) {
    var btn = evt.target.closest && evt.target.closest("[data-copy]");
    if (!btn) return;
    var src = document.querySelector(btn.getAttribute("data-copy"));
    if (!src) return;
    var text = src.value !== undefined ? src.value : src.textContent;
    navigator.clipboard.writeText(text).then(function () {
      var old = btn.textContent; btn.textContent = "Copied!"; setTimeout(function () { btn.textContent = old; }, 1500);
    }, function () { toast("Copy failed: select the text and copy it by hand.", "error"); });
  });

  // Confirm dangerous actions: <form data-confirm="Delete this form?">.
  document.addEventListener("submit", function (evt) {
    var msg = evt.target.getAttribute && evt.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) evt.preventDefault();
  }, true);

  // Phone menu: the button (hidden without JavaScript) folds the sidebar nav away; see
  // .nav-folding in app.css. Escape closes it and gives focus back to the button.
  var navToggle = document.querySelector(".nav-toggle[aria-controls]");
  var nav = navToggle && document.getElementById(navToggle.getAttribute("aria-controls"));
  if (navToggle && nav) {
    var setNav = function (open) {
      navToggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    };
    document.documentElement.classList.add("nav-folding");
    navToggle.hidden = false;
    navToggle.addEventListener("click", function () {
      setNav(navToggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (evt) {
      if (evt.key !== "Escape" || navToggle.getAttribute("aria-expanded") !== "true") return;
      setNav(false);
      navToggle.focus();
    });
  }

  // API key scope presets: choosing one ticks its boxes; ticking a box by hand means "custom".
  document.addEventListener("change", function (evt) {
    var el = evt.target, form = el.form;
    if (!form || !form.querySelector("[data-scope-presets]")) return;
    if (el.name === "preset" && el.hasAttribute("data-scopes")) {
      var wanted = el.getAttribute("data-scopes").split(" ");
      form.querySelectorAll("input[name=scopes]").forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    } else if (el.name === "scopes") {
      var custom = form.querySelector("input[name=preset][value=custom]");
      if (custom) custom.checked = true;
    }
  });

  // The bell: a plain link to /notifications without JavaScript; here it opens the list in
  // its panel through HTMX (the server marks the items read and clears the badge out of
  // band). A second click, Escape or a click elsewhere closes it.
  var bell = document.querySelector("[data-bell]");
  var bellPanel = bell && document.getElementById(bell.getAttribute("aria-controls"));
  if (bell && bellPanel && window.htmx) {
    var setBell = function (open) {
      bell.setAttribute("aria-expanded", open ? "true" : "false");
      bellPanel.hidden = !open;
    };
    bell.addEventListener("click", function (evt) {
      if (evt.ctrlKey || evt.metaKey || evt.shiftKey || evt.button) return;
      evt.preventDefault();
      if (!bellPanel.hidden) { setBell(false); return; }
      htmx.ajax("GET", bell.getAttribute("href"), { target: bellPanel, swap: "innerHTML" }).then(function () {
        setBell(true);
        bell.setAttribute("aria-label", "Notifications");
      });
    });
    document.addEventListener("keydown", function (evt) {
      if (evt.key !== "Escape" || bellPanel.hidden) return;
      setBell(false);
      bell.focus();
    });
    document.addEventListener("click", function (evt) {
      if (!bellPanel.hidden && !evt.target.closest(".bell")) setBell(false);
    });
  }

  // Global search (search/_box.html): "/" focuses the box unless someone is typing;
  // Escape or a click elsewhere closes the suggestions, Down moves into them.
  var searchBox = document.querySelector("[data-global-search]");
  if (searchBox) {
    var searchInput = searchBox.querySelector("input[name=q]");
    var suggest = searchBox.querySelector(".search-suggest");
    var closeSuggest = function () { suggest.innerHTML = ""; };
    document.addEventListener("keydown", function (evt) {
      if (evt.key !== "/" || evt.ctrlKey || evt.metaKey || evt.altKey || evt.defaultPrevented) return;
      var t = evt.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      evt.preventDefault();
      searchInput.focus();
      searchInput.select();
    });
    searchBox.addEventListener("keydown", function (evt) {
      var links = Array.prototype.slice.call(suggest.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (evt.key === "Escape") {
        closeSuggest();
        searchInput.focus();
      } else if (evt.key === "ArrowDown" && links.length) {
        evt.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (evt.key === "ArrowUp" && at >= 0) {
        evt.preventDefault();
        if (at === 0) searchInput.focus(); else links[at - 1].focus();
      }
    });
    document.addEventListener("click", function (evt) {
      if (!searchBox.contains(evt.target)) closeSuggest();
    });
  }

  window.FormAgent = { toast: toast };
})();
