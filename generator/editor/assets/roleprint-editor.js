/* Roleprint's additions to Decap CMS: the published page as the preview, and the problems
   Roleprint finds across records, in plain words. No framework: Decap's own `h` and
   `createClass` globals draw the preview pane. */
(function () {
  "use strict";
  var preview = document.querySelector('meta[name="roleprint-preview"]').content;
  // Collections whose records have a page of their own on the site.
  var PAGES = ["roles", "vacancies", "organisations", "frameworks", "families"];
  var list = document.getElementById("roleprint-problems-list");
  var summary = document.getElementById("roleprint-problems-summary");
  var panel = document.querySelector("#roleprint-problems details");
  var shown = -1;
  // Published for GitHub or GitLab (roleprint edit --export) there is no Roleprint server:
  // the checks run in CI on each pull or merge request instead.
  var local = preview.indexOf("http://127.0.0.1:") === 0;

  // The local editor has no login (it answers only on this computer), so Decap's login screen
  // is not shown: Decap finds a signed-in user of its local backend and opens the editor.
  // Nor is its Account menu, which holds only "Log out" (roleprint-editor.css hides it).
  if (local) {
    try {
      window.localStorage.setItem("decap-cms-user", JSON.stringify({backendName: "proxy"}));
    } catch (e) {}  // storage turned off: Decap shows its Login button, which still works
    document.documentElement.classList.add("roleprint-local");
  }
  // Records take no uploaded files (the server refuses them), so no Media tab is offered: the
  // configuration names this media library (config.py), which has no page of its own.
  CMS.registerMediaLibrary({name: "roleprint-none", init: function () {
    return Promise.resolve({show: function () {}, hide: function () {},
                            enableStandalone: function () { return false; }});
  }});

  // One problem in the panel: the record (a link that opens it) and the field, by their
  // names, then what is wrong and what to do, each a sentence of its own.
  function item(problem) {
    var li = document.createElement("li");
    li.className = problem.severity === "error" ? "roleprint-error" : "roleprint-warning";
    var where = document.createElement("p");
    where.className = "roleprint-where";
    var record = document.createElement(problem.link ? "a" : "span");
    record.textContent = problem.record || "A file in the content folder";
    if (problem.link) { record.href = problem.link; }
    where.appendChild(record);
    if (problem.field) { where.appendChild(document.createTextNode(", " + problem.field)); }
    li.appendChild(where);
    ["problem", "todo"].forEach(function (part) {
      var p = document.createElement("p");
      p.className = "roleprint-" + part;
      p.textContent = problem[part];
      li.appendChild(p);
    });
    return li;
  }

  function show(report) {
    if (report.checking && shown >= 0) { summary.textContent = "Checking the content again…"; return; }
    if (report.version === shown) { return; }
    shown = report.version;
    window.roleprintMessages.show(report);  // beside the fields (roleprint-messages.js)
    list.textContent = "";
    report.problems.forEach(function (p) { list.appendChild(item(p)); });
    var errors = report.problems.filter(function (p) { return p.severity === "error"; }).length;
    if (report.failed) {
      summary.textContent = report.failed;
    } else if (!report.problems.length) {
      summary.textContent = "No problems: the site can be published.";
    } else {
      summary.textContent = errors + " problem" + (errors === 1 ? "" : "s") + " to fix, " +
        (report.problems.length - errors) + " to consider.";
      if (errors) { panel.open = true; }

    }
  }

  function refresh() {
    if (!local) {
      window.clearInterval(timer);
      summary.textContent = "the checks run on each pull or merge request (see its CI results).";
      return;
    }
    fetch("/roleprint/problems", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () { summary.textContent = "the editor's server has stopped."; });
  }
  var timer = window.setInterval(refresh, 1500);
  refresh();

  // Each record the server gives comes with its version (a hash of the file). Decap's proxy
  // backend knows nothing of it, so its requests are amended here: a save or a delete sends
  // back the version the record was opened at, and the server refuses it if someone else has
  // changed the file since. A record opened in the form keeps the version it was opened at
  // (a list fetched later, for a pick list say, does not replace it), and an answer is read
  // before Decap sees it, so that the next save sends the version just written.
  var opened = {}, listed = {};
  function learn(action, params, answer) {
    [].concat(answer || []).forEach(function (entry) {
      if (entry && entry.file && entry.version) {
        (action === "getEntry" ? opened : listed)[entry.file.path] = entry.version;
      }
    });
    var written = (answer && answer.versions) || {};
    var gone = action === "deleteFiles" ? params.paths || [] : [];
    Object.keys(written).concat(gone).forEach(function (path) {
      delete listed[path];
      if (written[path]) { opened[path] = written[path]; } else { delete opened[path]; }
    });
  }
  function version(path) { return opened[path] || listed[path]; }
  var send = window.fetch.bind(window);
  window.fetch = function (input, init) {
    if (input !== "/api/v1" || !init || typeof init.body !== "string") { return send(input, init); }
    var body = JSON.parse(init.body), params = body.params || {};
    (params.dataFiles || []).forEach(function (file) {
      if (version(file.path)) { file.version = version(file.path); }
    });
    if (params.paths) {  // a delete: the versions of the records it removes
      params.versions = {};
      params.paths.forEach(function (path) { params.versions[path] = version(path); });
    }
    return send(input, Object.assign({}, init, {body: JSON.stringify(body)})).then(function (response) {
      if (!response.ok) { return response; }
      return response.clone().json().then(function (answer) {
        learn(body.action, params, answer);
        return response;
      }, function () { return response; });
    });
  };

  // The page is shown once the live preview has it (a new record's page appears a few seconds
  // after its first save); from then on the preview's own live reload keeps it up to date.
  // While the saved records have problems to fix, the preview cannot rebuild the page (it
  // checks the records as the problems panel does) and keeps its last good version: the pane
  // says so, over that version if there is one, rather than waiting for a page that will not
  // come (issue 27, point 4).
  var SLOW = 60000;  // ms: a page not shown after this long is said to be taking long
  var NOTE = {font: "16px/1.5 system-ui, sans-serif", color: "#1a1a1a", margin: "0 0 0.5rem",
              padding: "0.5rem", borderLeft: "4px solid #7a4b00", background: "#fff"};
  function note(text) { return h("p", {role: "status", style: NOTE}, text); }
  PAGES.forEach(function (name) {
    CMS.registerPreviewTemplate(name, createClass({
      getInitialState: function () { return {ready: "", status: {}, since: Date.now()}; },
      componentDidMount: function () {
        var self = this;
        this.timer = window.setInterval(function () { self.check(); }, 1000);
        this.check();
      },
      componentWillUnmount: function () { window.clearInterval(this.timer); },
      path: function () {
        var slug = this.props.entry.get("slug");
        return slug && !this.props.entry.get("newRecord") ? name + "/" + encodeURIComponent(slug) + "/" : "";
      },
      check: function () {
        var self = this, path = this.path();
        if (!path) { return; }
        fetch("/roleprint/preview-status?path=" + encodeURIComponent(path), {cache: "no-store"})
          .then(function (r) { return r.json(); })
          .then(function (answer) {
            var ready = answer.ready ? path : (self.state.ready === path ? path : "");
            // The wait for the page counts from when the saved records could be shown.
            var since = answer.checking || answer.builds !== true ? Date.now() : self.state.since;
            self.setState({ready: ready, status: answer, since: since});
          })
          .catch(function () { self.setState({status: {answering: false}}); });
      },
      says: function (shown) {
        var s = this.state.status;
        if (s.answering === false) {
          return "The live preview is not answering, so this page cannot be shown. Stop the " +
            "editor and start it again.";
        }
        if (s.checking) { return "Checking your save\u2026"; }
        if (s.builds === false) {
          return "Your changes are saved, but the records have problems to fix, so the live " +
            "preview and the site still show the last good version of this page" +
            (shown ? " (below)" : ", and it has none yet") + ". \u201cWhat Roleprint " +
            "found\u201d, at the bottom left of the editor, says what to fix.";
        }
        if (s.builds === null) {
          return "Roleprint could not check this save, so it cannot tell whether the live " +
            "preview shows it.";
        }
        if (shown) { return ""; }
        if (Date.now() - this.state.since > SLOW) {
          return "The live preview has not shown this page yet, after more than a minute. " +
            "Open the live preview of the whole site (from \u201cWhat Roleprint found\u201d) " +
            "to look for it.";
        }
        return "The live preview is building this page\u2026";
      },
      render: function () {
        var path = this.path();
        if (!path) {
          return h("p", {}, "The published page appears here once the record has been saved.");
        }
        var shown = this.state.ready === path;
        var words = this.says(shown);
        return h("div", {},
          words ? note(words) : null,
          shown ? h("iframe", {
            src: preview + "/" + path,
            title: "The published page of this record (live preview)",
            style: {width: "100%", height: "95vh", border: "0"}
          }) : null);
      }
    }));
  });
  CMS.registerEventListener({name: "postSave", handler: function () { refresh(); }});

  // Names for the controls Decap CMS 3.16.3 leaves without one (screen readers would say only
  // "button" or "frame"). Its icons are told apart by their drawing, fixed for this version.
  var ICONS = {"M11.916": "Remove this item", "m5.123 ": "Show or hide this item"};
  var pending = false;
  // Decap says "Changes saved" over a new record's blank form, before anything is saved: there
  // it says "Not saved yet" (and its own words again once the record has been saved).
  var SAVED = "Changes saved", NOT_YET = "Not saved yet";
  function status() {
    var badge = document.querySelector('[class*="BackStatusUnchanged"]');
    if (!badge) { return; }
    var blank = /^#\/collections\/[^/]+\/new(\?|$)/.test(window.location.hash);
    var words = blank ? NOT_YET : SAVED;
    if (badge.textContent !== words) { badge.textContent = words; }
  }
  function name() {
    pending = false;
    status();
    var pane = document.getElementById("preview-pane");
    if (pane && !pane.title) { pane.title = "Preview of this record"; }
    document.querySelectorAll('[aria-roledescription="sortable"]:not([aria-label])')
      .forEach(function (el) { el.setAttribute("aria-label", "Move this item"); });
    document.querySelectorAll("button:not([aria-label])").forEach(function (button) {
      if (button.textContent.trim()) { return; }
      var path = button.querySelector("svg path");
      var d = path ? path.getAttribute("d") || "" : "";
      Object.keys(ICONS).forEach(function (start) {
        if (d.indexOf(start) === 0) { button.setAttribute("aria-label", ICONS[start]); }
      });
    });
  }
  new MutationObserver(function () {
    if (!pending) { pending = true; window.requestAnimationFrame(name); }
  }).observe(document.body, {childList: true, subtree: true});
  window.addEventListener("hashchange", status);

  CMS.init();  // index.html asked Decap to wait for this script (CMS_MANUAL_INIT)
})();
