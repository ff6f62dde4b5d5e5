// Roleprint's editor: the "Done" boxes of an imported role's review (issue 27, point 5), and
// every other yes-or-no field. Decap CMS 3 draws a yes-or-no field as a switch that has no
// name and cannot be reached from the keyboard: each is named by its field's label, can be
// reached with Tab, and is turned on or off with Space or Enter, as a checkbox is.
(function () {
  "use strict";
  var pending = false;
  function named(toggle) {
    var label = toggle.id && document.querySelector('label[for="' + CSS.escape(toggle.id) + '"]');
    if (label) {
      if (!label.id) { label.id = toggle.id + "-label"; }
      toggle.setAttribute("aria-labelledby", label.id);
    }
    if (!toggle.hasAttribute("tabindex")) { toggle.tabIndex = 0; }
    if (!toggle.dataset.roleprintKeys) {
      toggle.dataset.roleprintKeys = "1";
      toggle.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault();
          toggle.click();
        }
      });
    }
  }
  function name() {
    pending = false;
    document.querySelectorAll('[role="switch"]:not([aria-labelledby])').forEach(named);
  }
  new MutationObserver(function () {
    if (!pending) { pending = true; window.requestAnimationFrame(name); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
