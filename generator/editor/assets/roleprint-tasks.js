/* Roleprint's mends for an officer's round of tasks in Decap CMS 3.16.3 (issue 27, point 1). */
(function () {
  "use strict";
  // Decap keeps a collection's list as it first read it: a record saved since is still listed
  // as it was (a vacancy just closed still said "open", so the officer could not tell the save
  // had worked) until the page was loaded again. So once a record has been saved, going back
  // to a list loads the page again, and the list is read afresh from the files.
  var saved = false;
  CMS.registerEventListener({name: "postSave", handler: function () { saved = true; }});
  window.addEventListener("hashchange", function () {
    if (saved && /^#\/collections\/[^/?]+\/?(\?|$)/.test(window.location.hash)) {
      saved = false;
      // The stale list is never shown, nor clicked, while the page loads again.
      document.documentElement.style.visibility = "hidden";
      window.location.reload();
    }
  });

  // A date's "Now" button is named "Set closing_date to now" in Decap (the field's name in the
  // file, not its label): a screen reader would read the file's word. It is named for what it
  // gives a date instead, its visible word first (WCAG's label in name); it follows its date
  // box, so the box says which date it sets.
  var NOW = /^Set \S+ to now$/;
  function rename() {
    document.querySelectorAll("button[aria-label]").forEach(function (button) {
      if (NOW.test(button.getAttribute("aria-label"))) {
        button.setAttribute("aria-label", "Now (today's date)");
      }
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () { pending = false; rename(); });
    }
  }).observe(document.body, {childList: true, subtree: true});
})();
