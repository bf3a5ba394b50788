/* FormAgent embed, SPEC §17: conditional logic (show_if), steps and the one_at_a_time
   layout. embed.js loads this file only for a form that uses them, so the script every
   form needs stays small. The rules are those of app/services/forms/logic.py; one table
   (tests/data/logic_cases.json) runs against both. Exposes window.FormAgent.rule for it. */
(function () {
  "use strict";
  // An answer as a rule compares it: a checkbox's tick, a number (parseFloat, "," as the
  // decimal point), a date as the number YYYYMMDD, anything else as lowercased trimmed text.
  function sv(t, v) {
    v = (v == null ? "" : (v + "").trim()).toLowerCase();
    if (t == "checkbox") return /^(1|true|on|yes|y|checked)$/.test(v);
    if (t == "number" || t == "date") return parseFloat(t == "date" ? v.replace(/-/g, "") : v.replace(",", "."));
    return v;
  }
  // Whether a show_if rule holds for the answers {name: value}; ty maps names to types.
  function rule(r, a, ty) {
    var any = r && r.any;
    return !r || (any || r.all || [])[any ? "some" : "every"](function (c) {
      var o = c.op, t = ty[c.field], x = [].concat(a[c.field]), v = sv(t, c.value);
      var l = x.map(function (i) { return sv(t, i); });
      var filled = t == "checkbox" ? !!l[0] : x.some(function (i) { return sv("", i); });
      if (o == "filled" || o == "empty") return filled == (o == "filled");
      if (o == "gt") return l[0] > v;  // NaN (not a number, no answer) compares false
      if (o == "lt") return l[0] < v;
      // equals / in: one of the answers (all of a multiselect's) is one of the values
      return [].concat(c.value).some(function (b) { return l.indexOf(sv(t, b)) >= 0; }) == !/not/.test(o);
    });
  }

  // Live show/hide, and steps with progress, back and next. Hooks from embed.js: values,
  // el, clearErrors, showErrors. Answers: next() true when it moved on (or showed errors)
  // instead of submitting; back(fields) goes to the first page with a server error.
  function steps(form, s, p, btn, values, el, clearErrors, showErrors) {
    var cur = 0, n, pg, ty = {}, fm = {}, bar, back, head;
    var w = s.words || {}, one = s.layout == "one_at_a_time", multi = s.steps.length > 1 || one;
    s.fields.forEach(function (f) { ty[f.name] = f.type; fm[f.name] = f; });
    function each(fn) {
      s.fields.forEach(function (f) {
        var i = form.querySelector("[name='" + f.name + "']");
        fn(f.name, i, i.closest(".fa-field"));
      });
    }
    function show() {  // pg: visible field -> its page; a hidden field counts as unanswered
      var a = values(form, s), seen = {}, titles = [];
      pg = {};
      n = 0;
      (s.steps.length ? s.steps : [{ fields: Object.keys(fm) }]).forEach(function (st) {
        var on = rule(st.show_if, seen, ty), k = n;
        st.fields.forEach(function (f) {
          if (!fm[f] || !on || !rule(fm[f].show_if, seen, ty)) return;
          seen[f] = a[f];
          if (fm[f].type == "hidden") return;
          pg[f] = one ? n++ : k;
          if (!one) n = k + 1;
          titles[pg[f]] = st.title;
        });
      });
      cur = Math.max(0, Math.min(cur, n - 1));
      each(function (f, i, b) { if (b) b.hidden = !(f in pg) || (multi && pg[f] != cur); });
      if (multi) {
        bar.max = n;
        bar.value = cur + 1;
        bar.setAttribute("aria-label", (w.step_of || "Step {n} of {count}").replace("{n}", cur + 1).replace("{count}", n));
        head.textContent = titles[cur] || "";
        back.hidden = !cur;
        btn.textContent = cur < n - 1 ? w.next || "Next" : s.submit_label || "Submit";
      }
    }
    function go(i) {
      cur = i;
      show();
      // the step on screen rides with the next partial save (embed.js listens to input)
      form.setAttribute("data-fa-step", cur + 1);
      form.dispatchEvent(new Event("input"));
      var b = form.querySelector(".fa-field:not([hidden])");
      if (b) b.querySelector("input,select,textarea").focus();
    }
    if (multi) {
      head = el("p", { "class": "fa-step-title" });
      bar = el("progress", { "class": "fa-progress" });
      form.insertBefore(head, form.firstChild);
      form.insertBefore(bar, head);
      back = el("button", { "class": "fa-submit fa-back", type: "button" }, w.back || "Back");
      btn.parentNode.insertBefore(back, btn);
      back.onclick = function () { clearErrors(form); go(cur - 1); };
    }
    form.addEventListener("input", show);
    form.addEventListener("change", show);
    show();
    return {
      next: function () {
        if (!multi || cur >= n - 1) return false;
        var errors = {}, bad = false;
        clearErrors(form);
        each(function (f, i) {
          if (pg[f] === cur && i.willValidate && !i.checkValidity()) { errors[f] = i.validationMessage; bad = true; }
        });
        if (bad) showErrors(form, p, errors); else go(cur + 1);
        return true;
      },
      back: function (errors) {
        var m = n;
        for (var k in errors) if (pg[k] < m) m = pg[k];
        if (m < n) go(m);
      }
    };
  }

  var FA = window.FormAgent = window.FormAgent || {};
  FA.rule = rule;
  FA.steps = steps;
})();
