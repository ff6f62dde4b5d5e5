/* The "Publish site" button (issue 27, point 4): asks the editor's server to build the site, as
   `make site` does, and says how it is going and how it ended. Saving a record only keeps it
   in its file and the live preview; this puts every saved record on the site people see.
   The hosted editor (GitHub or GitLab) has no Roleprint server: the site is published by CI
   there, so the button stays hidden. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="roleprint-token"]');
  var box = document.getElementById("roleprint-publish");
  if (!box || !meta || !meta.content) { return; }
  var button = document.getElementById("roleprint-publish-button");
  var said = document.getElementById("roleprint-publish-status");
  var clock = document.getElementById("roleprint-publish-time");
  var list = document.getElementById("roleprint-publish-problems");
  var timer = null;
  box.hidden = false;

  // The live region is told only what changes (a stage, the result), not every second.
  function say(text) { if (said.textContent !== text) { said.textContent = text; } }

  function show(status) {
    list.textContent = "";
    if (status.state === "building") {
      button.setAttribute("aria-disabled", "true");
      say("Publishing the site: " + status.doing + "\u2026");
      clock.textContent = status.seconds + " s so far";
      if (timer === null) { timer = window.setInterval(ask, 1000); }
      return;
    }
    window.clearInterval(timer);
    timer = null;
    button.removeAttribute("aria-disabled");
    clock.textContent = "";
    say(status.message || "");
    (status.problems || []).forEach(function (problem) {
      var li = document.createElement("li");
      li.textContent = problem;
      list.appendChild(li);
    });
  }

  function stopped() {
    window.clearInterval(timer);
    timer = null;
    button.removeAttribute("aria-disabled");
    say("The editor's server is not answering, so the site cannot be published from here.");
  }

  function ask() {
    fetch("/roleprint/publish", {cache: "no-store"})
      .then(function (r) { return r.json(); }).then(show).catch(stopped);
  }

  button.addEventListener("click", function () {
    fetch("/roleprint/publish", {method: "POST", cache: "no-store",
                                 headers: {"Content-Type": "application/json"}, body: "{}"})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.state) { show(answer); }
        if (answer.error) { say(answer.error); }  // already publishing, or refused
      })
      .catch(stopped);
  });
  ask();
})();
