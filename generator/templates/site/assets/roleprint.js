// Glossary abbreviations: make each one reachable with the keyboard, so that its meaning
// (Material's tooltip) shows on focus as well as on hover (WCAG 2.1.1 and 1.4.13).
(function () {
  function reachable() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(reachable);
  } else {
    reachable();
  }
})();
