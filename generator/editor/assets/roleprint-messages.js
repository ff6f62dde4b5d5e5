/* Roleprint's problems beside the fields they are about, and Decap's own messages in plain
   words. Loaded before roleprint-editor.js (which starts Decap), so the words are Decap's
   before it draws anything. Each problem comes from the server (`messages.py`) with the
   record, the field's label, what is wrong and what to do, and the steps to the field in the
   form: the labels of the fields on the way, and the number of a list's item. */
(function () {
  "use strict";

  // Decap CMS 3.16.3's English, where it says "Oops" or speaks of patterns: the rest stands.
  var WORDS = {
    ui: {toast: {missingRequiredField:
      "The record is not saved yet: a field needs filling in. It is marked in red; fill it " +
      "in, then save again."}},
    editor: {editorControlPane: {widget: {
      required: "Fill in %{fieldLabel}: it cannot be left empty.",
      regexPattern: "%{fieldLabel} is not written as it should be. %{pattern}"
    }}}
  };
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      if (typeof from[key] === "object") {
        into[key] = merge(Object.assign({}, into[key] || {}), from[key]);
      } else {
        into[key] = from[key];
      }
    });
    return into;
  }
  var english = CMS.getLocale("en");
  if (english) { CMS.registerLocale("en", merge(Object.assign({}, english), WORDS)); }

  var problems = [], pending = false, made = 0;

  function ownLabel(container) {
    var label = container.querySelector("label");
    return label ? label.textContent.replace(/\s*\(optional\)\s*$/, "").trim() : "";
  }
  function owner(el) { return el.parentElement && el.parentElement.closest('[class*="ControlContainer"]'); }
  function step(scope, s) {
    if (s.label !== undefined) {
      var all = scope.querySelectorAll('[class*="ControlContainer"]');
      for (var i = 0; i < all.length; i++) {
        if (ownLabel(all[i]) === s.label) { return all[i]; }
      }
      return null;
    }
    var items = [].filter.call(scope.querySelectorAll('[class*="SortableListItem"]'),
                               function (item) { return owner(item) === scope; });
    return items[s.index] || null;
  }
  // The field a problem is about in the open form, or null when the form does not show it.
  function field(root, problem) {
    var scope = root;
    if (!problem.steps.length) { return null; }
    for (var i = 0; i < problem.steps.length && scope; i++) { scope = step(scope, problem.steps[i]); }
    return scope;
  }

  function opened() {
    var found = /^#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(window.location.hash);
    return found ? {collection: found[1], slug: decodeURIComponent(found[2])} : null;
  }
  function key(problem) { return [problem.field, problem.problem, problem.todo].join("\u0000"); }
  function message(problem, named) {
    var box = document.createElement("div");
    box.className = "roleprint-field-problem roleprint-" + problem.severity;
    box.id = "roleprint-field-problem-" + (++made);
    box.setAttribute("role", "note");
    box.dataset.key = key(problem);
    var what = document.createElement("p");
    what.className = "roleprint-problem";
    what.textContent = (named && problem.field ? problem.field + ": " : "") + problem.problem;
    var todo = document.createElement("p");
    todo.className = "roleprint-todo";
    todo.textContent = problem.todo;
    box.appendChild(what);
    box.appendChild(todo);
    return box;
  }
  function describe(container, box) {
    var control = container.querySelector("input, textarea, select");
    if (!control || owner(control) !== container && !container.matches('[class*="SortableListItem"]')) { return; }
    var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && document.getElementById(id);
    });
    if (ids.indexOf(box.id) < 0) { ids.push(box.id); }
    control.setAttribute("aria-describedby", ids.join(" "));
  }

  function place() {
    pending = false;
    var first = document.querySelector('[class*="ControlPaneContainer"] [class*="ControlContainer"]');
    var root = first && first.parentElement;
    var record = opened();
    var wanted = !root || !record ? [] : problems.filter(function (p) {
      return p.collection === record.collection && p.slug === record.slug;
    });
    var keep = [];
    var top = document.getElementById("roleprint-form-problems");
    wanted.forEach(function (problem) {
      var target = field(root, problem);
      var named = !target;
      if (!target) {
        if (!top) {
          top = document.createElement("div");
          top.id = "roleprint-form-problems";
          root.insertBefore(top, root.firstChild);
        }
        target = top;
      }
      var here = [].filter.call(target.children, function (el) {
        return el.dataset && el.dataset.key === key(problem);
      })[0];
      if (!here) {
        here = message(problem, named);
        target.appendChild(here);
        if (!named) { describe(target, here); }
      }
      keep.push(here);
    });
    document.querySelectorAll(".roleprint-field-problem").forEach(function (el) {
      if (keep.indexOf(el) < 0) { el.remove(); }
    });
    if (top && !top.children.length) { top.remove(); }
  }
  function later() {
    if (!pending) { pending = true; window.requestAnimationFrame(place); }
  }

  window.roleprintMessages = {
    // Called by roleprint-editor.js with each new report.
    show: function (report) { problems = report.problems || []; later(); }
  };
  new MutationObserver(function (changes) {
    var ours = changes.every(function (c) {
      return c.target.closest && c.target.closest(".roleprint-field-problem, #roleprint-form-problems") ||
        [].every.call(c.addedNodes, function (n) { return n.classList && n.classList.contains("roleprint-field-problem"); }) &&
        [].every.call(c.removedNodes, function (n) { return n.classList && n.classList.contains("roleprint-field-problem"); });
    });
    if (!ours) { later(); }
  }).observe(document.body, {childList: true, subtree: true});
  window.addEventListener("hashchange", later);

  // Decap's page ends where the bar (the problems, and the Publish site box beside them) begins
  // (roleprint-editor.css), so the bar, open or closed, never covers a field.
  var bar = document.getElementById("roleprint-bar");
  function fit() {
    document.documentElement.style.setProperty("--roleprint-bar", bar.offsetHeight + "px");
  }
  if (bar && window.ResizeObserver) { new ResizeObserver(fit).observe(bar); }
  if (bar) { fit(); }
})();
