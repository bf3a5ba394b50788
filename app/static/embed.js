/* FormAgent embed: renders <div data-formagent="form_id"> (or <script data-form-id>)
   from the public schema. Dependency-free. The markup matches the hosted page
   (app/templates/public/_form.html): same names, same fa- classes. */
(function () {
  "use strict";
  var CSS = "__FA_CSS__";
  var me = document.currentScript || (function () {
    var s = document.querySelectorAll("script[src*='/embed.js']");
    return s[s.length - 1];
  })();
  var ORIGIN = new URL(me.src, location.href).origin;
  var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];
  var count = {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  function store(key, value) {
    try { if (value === undefined) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { return null; }
  }
  function style() {
    if (document.getElementById("fa-style")) return;
    var s = el("style", { id: "fa-style" });
    s.textContent = CSS;
    (document.head || document.documentElement).insertBefore(s, (document.head || document.documentElement).firstChild);
  }
  function beacon(id, type, variant) {
    var url = ORIGIN + "/api/forms/" + encodeURIComponent(id) + "/beacon";
    var body = JSON.stringify({ type: type, variant_id: variant || undefined });
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
      fetch(url, { method: "POST", body: body, keepalive: true, headers: { "Content-Type": "text/plain" } });
    } catch (e) { /* counting must never break the form */ }
  }
  function meta() {
    var q = new URLSearchParams(location.search), m = { page_url: location.href, referrer: document.referrer };
    UTM.forEach(function (k) { if (q.get(k)) m[k] = q.get(k); });
    return m;
  }
  function pow(c) {
    return c && new Promise(function (ok) {
      var w = new Worker(URL.createObjectURL(new Blob(["importScripts('" + ORIGIN + "/embed-pow.js')"])));
      w.onmessage = w.onerror = ok;
      w.postMessage(c);
    });
  }
  function req(label, f) {
    if (f.required) label.appendChild(el("span", { "class": "fa-req", "aria-hidden": "true" }, "*"));
    return label;
  }

  var BOX = { checkbox: 1, consent: 1 };

  function field(f, p) {
    var fid = p + "-" + f.name, v = f.default, q = new URLSearchParams(location.search);
    if (f.type === "hidden") {
      if (UTM.indexOf(f.name) >= 0 && q.get(f.name)) v = q.get(f.name);
      return el("input", { type: "hidden", name: f.name, value: v == null ? "" : v });
    }
    var help = f.help ? el("p", { "class": "fa-help", id: fid + "-help" }, f.help) : null, box, input;
    if (f.type === "multiselect") {
      box = el("fieldset", { "class": "fa-field fa-field-multiselect", "aria-describedby": help ? fid + "-help" : null });
      box.appendChild(req(el("legend", { "class": "fa-label" }, f.label), f));
      (f.options || []).forEach(function (o, i) {
        var l = el("label", { "class": "fa-option", "for": fid + "-" + i });
        l.appendChild(el("input", { "class": "fa-check", type: "checkbox", id: fid + "-" + i, name: f.name, value: o, checked: (v || []).indexOf(o) >= 0 }));
        l.appendChild(document.createTextNode(o));
        box.appendChild(l);
      });
    } else {
      box = el("div", { "class": "fa-field fa-field-" + f.type });
      var common = { id: fid, name: f.name, required: !!f.required, "aria-describedby": help ? fid + "-help" : null };
      if (BOX[f.type]) {
        input = el("input", Object.assign({ "class": "fa-check", type: "checkbox", value: "true", checked: v === true }, common));
        var l = el("label", { "class": "fa-check-row fa-label", "for": fid });
        l.appendChild(input);
        l.appendChild(document.createTextNode(f.label));
        if (f.privacy_url) l.appendChild(el("a", { href: f.privacy_url, target: "_blank" }, "Privacy policy"));
        box.appendChild(req(l, f));
      } else {
        box.appendChild(req(el("label", { "class": "fa-label", "for": fid }, f.label), f));
        if (f.type === "textarea") {
          input = el("textarea", Object.assign({ "class": "fa-input", placeholder: f.placeholder || null, maxlength: f.max_length, rows: 4 }, common), v == null ? "" : String(v));
        } else if (f.type === "select") {
          input = el("select", Object.assign({ "class": "fa-input" }, common));
          input.appendChild(el("option", { value: "" }, f.placeholder || "Choose\u2026"));
          (f.options || []).forEach(function (o) { input.appendChild(el("option", { value: o, selected: v === o }, o)); });
        } else {
          var num = f.type === "number" || f.type === "date";
          input = el("input", Object.assign({
            "class": "fa-input", type: f.type === "phone" ? "tel" : f.type, value: v == null ? "" : v,
            placeholder: f.placeholder || null, min: num ? f.min : null, max: num ? f.max : null,
            step: f.type === "number" ? "any" : null, maxlength: f.max_length,
            autocomplete: f.type === "email" ? "email" : f.type === "phone" ? "tel" : null,
            multiple: f.max_files > 1, accept: f.accept
          }, common));
        }
        box.appendChild(input);
      }
    }
    if (help) box.appendChild(help);
    return box;
  }

  function values(form, schema) {
    var data = {};
    schema.fields.forEach(function (f) {
      var els = form.querySelectorAll("[name='" + f.name + "']");
      if (f.type === "multiselect") data[f.name] = [].filter.call(els, function (e) { return e.checked; }).map(function (e) { return e.value; });
      else if (BOX[f.type]) data[f.name] = !!(els[0] && els[0].checked);
      else data[f.name] = els[0] ? els[0].value : "";
    });
    return data;
  }

  function upload(form, schema, data) {
    var bad = {}, q = [];
    schema.fields.forEach(function (f) {
      var n = f.name;
      if (f.type === "file") [].forEach.call(form.querySelector("[name='" + n + "']").files, function (x, i) {
        var b = new FormData();
        if (!i) data[n] = [];
        b.append("field", n);
        b.append("file", x);
        q.push(fetch(ORIGIN + "/api/forms/" + encodeURIComponent(schema.id) + "/uploads", { method: "POST", body: b }).then(function (r) {
          return r.json().then(function (j) { r.ok ? data[n].push(j.token) : bad[n] = j.error.message; });
        }));
      });
    });
    return Promise.all(q).then(function () { for (var k in bad) throw bad; });
  }

  function clearErrors(form) {
    [].forEach.call(form.querySelectorAll(".fa-error,.fa-message-error"), function (e) { e.remove(); });
    [].forEach.call(form.querySelectorAll(".fa-has-error"), function (e) { e.classList.remove("fa-has-error"); });
    [].forEach.call(form.querySelectorAll("[aria-invalid]"), function (e) {
      e.removeAttribute("aria-invalid");
      var d = (e.getAttribute("aria-describedby") || "").replace(/\S+-error/, "").trim();
      d ? e.setAttribute("aria-describedby", d) : e.removeAttribute("aria-describedby");
    });
  }
  function formMessage(form, text, isError) {
    var m = el("p", { "class": "fa-message" + (isError ? " fa-message-error" : ""), role: isError ? "alert" : "status" }, text);
    form.insertBefore(m, form.firstChild);
  }
  function showErrors(form, p, fields) {
    var first = null, rest = [];
    for (var name in fields) {
      var fid = p + "-" + name, box = form.querySelector("[name='" + name + "']");
      box = box && box.closest(".fa-field");
      if (!box) { rest.push(fields[name]); continue; }
      box.classList.add("fa-has-error");
      box.appendChild(el("p", { "class": "fa-error", id: fid + "-error" }, fields[name]));
      var target = box.tagName === "FIELDSET" ? box : box.querySelector("input,select,textarea");
      target.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", ((target.getAttribute("aria-describedby") || "") + " " + fid + "-error").trim());
      first = first || box.querySelector("input,select,textarea");
    }
    formMessage(form, rest.length ? rest.join(" ") : "Please correct the highlighted fields.", true);
    if (first) first.focus();
  }
  function done(root, schema, body) {
    var url = (body && body.redirect_url) || schema.response.redirect_url;
    if (url && /^https?:\/\//i.test(url)) { location.href = url; return; }
    var box = el("div", { "class": "fa-form fa-done" });
    box.appendChild(el("p", { "class": "fa-message", role: "status", tabindex: "-1" }, (body && body.message) || schema.response.thank_you_message));
    root.replaceChildren(box);
    box.firstChild.focus();
  }

  function partial(form, schema) {
    var k = "fa_r_" + schema.id, t;
    form.addEventListener("submit", function () { clearTimeout(t); });
    form.addEventListener("input", function () {
      clearTimeout(t);
      t = setTimeout(function () {
        var data = values(form, schema);
        if (schema.fields.some(function (f) { return f.type === "email" && /.@.+\../.test(data[f.name]); }))
          fetch(ORIGIN + "/api/forms/" + schema.id + "/partials", {
            method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ resume_token: store(k), data: data, page_url: location.href, step: +form.getAttribute("data-fa-step") || undefined })
          }).then(function (r) { return r.json(); }).then(function (b) { b.resume_token && store(k, b.resume_token); }, function () {});
      }, 1500);
    });
  }

  // SPEC §17 show_if, steps and layouts live in embed-logic.js, loaded only for forms that use them
  function logic(schema, go) {
    if (window.FormAgent && FormAgent.steps || !/show_if|"steps":\[\{|one_at_a_time/.test(JSON.stringify(schema))) return go();
    var s = el("script", { src: ORIGIN + "__FA_LOGIC__" });
    s.onload = s.onerror = go;
    document.head.appendChild(s);
  }

  function render(root, schema) {
    var n = count[schema.id] = (count[schema.id] || 0) + 1;
    var p = "fa-" + schema.id + (n > 1 ? "-" + n : ""), started = false, inter = {}, since = {}, t0 = Date.now(), sol;
    var variant = schema.variant_id;
    if (variant) store("fa_v_" + schema.id, variant);
    var form = el("form", { "class": "fa-form", id: p, "data-fa-form": schema.id, method: "post", action: ORIGIN + "/f/" + schema.id, novalidate: true });
    schema.fields.forEach(function (f) { form.appendChild(field(f, p)); });
    var hp = el("div", { "class": "fa-hp", "aria-hidden": "true" }), hpid = p + "-" + schema.honeypot_field;
    hp.appendChild(el("label", { "for": hpid }, "Leave this field empty"));
    hp.appendChild(el("input", { type: "text", id: hpid, name: schema.honeypot_field, tabindex: "-1", autocomplete: "off" }));
    form.appendChild(hp);
    var button = el("button", { "class": "fa-submit", type: "submit" }, schema.submit_label || "Submit");
    form.appendChild(button);
    var lg = window.FormAgent && FormAgent.steps ? FormAgent.steps(form, schema, p, button, values, el, clearErrors, showErrors) : { next: Boolean, back: Boolean };
    root.replaceChildren(form);
    if (schema.partials) partial(form, schema);

    form.addEventListener("focusin", function (e) {
      var name = e.target.name;
      if (!name || name === schema.honeypot_field) return;
      if (!started) { started = true; beacon(schema.id, "start", variant); sol = pow(schema.challenge); }
      inter[name] = inter[name] || { focused: true, filled: false, time_ms: 0 };
      since[name] = Date.now();
    });
    form.addEventListener("focusout", function (e) {
      var name = e.target.name;
      if (since[name]) { inter[name].time_ms += Date.now() - since[name]; since[name] = 0; }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (button.disabled || lg.next()) return;
      clearErrors(form);
      var data = values(form, schema);
      for (var k in inter) inter[k].filled = Array.isArray(data[k]) ? data[k].length > 0 : !!data[k];
      data[schema.honeypot_field] = form.querySelector("[name='" + schema.honeypot_field + "']").value;
      data._meta = meta();
      data._lang = schema.locale;
      data._interactions = inter;
      data._elapsed = Date.now() - t0;
      if (schema.experiment_id) { data._experiment_id = schema.experiment_id; data._variant_id = variant; }
      data._resume_token = store("fa_r_" + schema.id);
      button.disabled = true;
      Promise.all([sol, upload(form, schema, data)]).then(function (a) {
        data._pow = a[0] && a[0].data;
        return fetch(ORIGIN + "/api/submissions/" + encodeURIComponent(schema.id), {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data)
        });
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          button.disabled = false;
          if (r.ok || r.status === 409) return done(root, schema, r.ok ? body : null);
          var err = body.error || {};
          if (r.status === 422 && err.fields) return lg.back(err.fields), showErrors(form, p, err.fields);
          if (r.status === 404 || r.status === 410) return formMessage(form, "This form is not available.", true);
          formMessage(form, err.message || "Something went wrong (" + r.status + "). Please try again.", true);
        });
      }, function (x) {
        button.disabled = false;
        if (!(x instanceof Error)) return lg.back(x), showErrors(form, p, x);
        formMessage(form, "Could not send the form. Check your connection and try again.", true);
      });
    });
    beacon(schema.id, "view", variant);
  }

  function mode(root, schema) {
    var m = root.getAttribute("data-fa-mode"), d = el("dialog", { "class": "fa-dialog fa-" + m }), x = el("button", { "aria-label": "Close" }, "\u00d7"),
      b = el("button", { "class": "fa-submit" }, root.getAttribute("data-fa-button") || schema.name);
    if (!m || m == "inline") return root;
    x.onclick = function () { d.close(); };
    b.onclick = function () { m == "popup" ? d.showModal() : d.show(); };
    root.replaceChildren(b, d);
    d.append(x, root = el("div"));
    m == "popup" || d.show();
    return root;
  }

  function load(root, id) {
    if (root.getAttribute("data-fa-ready")) return;
    root.setAttribute("data-fa-ready", "1");
    var v = store("fa_v_" + id), who = store("fa_vid");
    if (!who) { who = Math.random().toString(36).slice(2) + Date.now().toString(36); store("fa_vid", who); }
    fetch(ORIGIN + "/api/forms/" + encodeURIComponent(id) + "/schema?visitor_id=" + encodeURIComponent(who) + "&lang=" + (root.getAttribute("data-lang") || navigator.language) + (v ? "&variant_id=" + encodeURIComponent(v) : ""))
      .then(function (r) { if (!r.ok) throw r; return r.json(); })
      .then(function (schema) {
        document.getElementById("fa-style").textContent += schema.theme_css;
        logic(schema, function () { render(mode(root, schema), schema); });
      }, function () {
        root.replaceChildren(el("p", { "class": "fa-unavailable" }, "This form is not available."));
      });
  }

  function init() {
    style();
    [].forEach.call(document.querySelectorAll("script[data-form-id]"), function (s) {
      if (s.getAttribute("data-fa-ready")) return;
      s.setAttribute("data-fa-ready", "1");
      var div = el("div", { "data-formagent": s.getAttribute("data-form-id") });
      s.parentNode.insertBefore(div, s.nextSibling);
    });
    [].forEach.call(document.querySelectorAll("[data-formagent]"), function (d) { load(d, d.getAttribute("data-formagent")); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
