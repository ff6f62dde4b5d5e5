// Keyboard access that Material leaves to the mouse (WCAG 2.1.1, 2.4.3 and 1.4.13).
(function () {
  // Glossary abbreviations: each one reachable with the keyboard, so that its meaning
  // (Material's tooltip) shows on focus as well as on hover.
  function reachable() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }

  // On narrow screens Material opens the navigation drawer from a <label>, which the keyboard
  // cannot reach. Put a real button in its place that works the same checkbox, says whether
  // the menu is open, moves focus into the menu, and closes it again with Escape.
  function menuButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (!toggle || !label || document.querySelector(".rp-menu-button")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " rp-menu-button";
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.parentNode.insertBefore(button, label);
    label.hidden = true;

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    function set(open) {
      if (toggle.checked !== open) {
        toggle.click();  // fires the change event Material listens for
      }
      sync();
    }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      set(!toggle.checked);
      if (toggle.checked) {
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (first) {
          // After the drawer has become visible (it slides in).
          setTimeout(function () { first.focus(); }, 50);
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
  }

  // Material's search results box takes focus so that a long list can be scrolled with the
  // keyboard; while there is no query it is empty and has no height, an invisible tab stop.
  function searchResults() {
    var input = document.querySelector(".md-search__input");
    var results = document.querySelector(".md-search__scrollwrap");
    if (!input || !results) {
      return;
    }
    function sync() {
      results.tabIndex = input.value.trim() ? 0 : -1;
    }
    sync();
    input.addEventListener("input", sync);
    input.addEventListener("keyup", sync);
  }

  function setUp() {
    reachable();
    menuButton();
    searchResults();
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
