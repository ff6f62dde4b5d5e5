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

  function item(problem) {
    var li = document.createElement("li");
    li.className = problem.severity === "error" ? "roleprint-error" : "roleprint-warning";
    var file = document.createElement("span");
    file.className = "roleprint-file";
    file.textContent = problem.file + " (" + problem.where + "): ";
    li.appendChild(file);
    li.appendChild(document.createTextNode(problem.message));
    if (problem.hint) {
      li.appendChild(document.createTextNode(" " + problem.hint));
    }
    return li;
  }

  function show(report) {
    if (report.checking && shown >= 0) { summary.textContent = "Checking the content again…"; return; }
    if (report.version === shown) { return; }
    shown = report.version;
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
    fetch("/roleprint/problems", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () { summary.textContent = "The editor's server has stopped."; });
  }
  refresh();
  window.setInterval(refresh, 1500);

  PAGES.forEach(function (name) {
    CMS.registerPreviewTemplate(name, createClass({
      render: function () {
        var slug = this.props.entry.get("slug");
        if (!slug || this.props.entry.get("newRecord")) {
          return h("p", {}, "The published page appears here once the record has been saved.");
        }
        return h("iframe", {
          src: preview + "/" + name + "/" + encodeURIComponent(slug) + "/",
          title: "The published page of this record (live preview)",
          style: {width: "100%", height: "95vh", border: "0"}
        });
      }
    }));
  });
  CMS.registerEventListener({name: "postSave", handler: function () { refresh(); }});
})();
