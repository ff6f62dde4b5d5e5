/* The site's search: Pagefind's own interface in the search region at the top of every page
   (theme/partials/site-search.html). The index is in pagefind/ on this site: nothing else is
   fetched. Results link from the site's own address, so a site in a sub-folder works too. */
(function () {
  "use strict";

  function start() {
    var box = document.getElementById("rp-search");
    if (!box || typeof window.PagefindUI === "undefined") {
      return;
    }
    var bundle = box.getAttribute("data-bundle");
    var base = new URL(bundle + "../", document.baseURI).pathname;
    new window.PagefindUI({
      element: "#rp-search",
      bundlePath: bundle,
      baseUrl: base,
      showSubResults: false,
      showImages: false,
      excerptLength: 24,
      translations: {
        placeholder: "Search roles, vacancies and references",
        search_label: "Search this site"
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
