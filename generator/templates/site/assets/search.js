/* The site's search: Pagefind's own interface in the search region at the top of every page
   (theme/partials/site-search.html). The index is in pagefind/ on this site: nothing else is
   fetched. Results link from the site's own address, so a site in a sub-folder works too. */
(function () {
  "use strict";

  // A role or vacancy page ends its text with its references' hidden variants ("DBCPG0412
  // PG-0412 …", generator/render/site/findable.py), named in its `variants` metadata: they
  // find the page, but are not shown in its excerpt, nor as a tag.
  function withoutVariants(result) {
    var named = result.meta && result.meta.variants;
    if (!named) {
      return result;
    }
    delete result.meta.variants;
    var hidden = {};
    named.split(/\s+/).forEach(function (word) { hidden[word] = true; });
    var words = result.excerpt.split(/\s+/);
    while (words.length) {
      var plain = words[words.length - 1].replace(/<[^>]*>/g, "").replace(/[.,;:]+$/, "");
      if (!hidden[plain]) {
        break;
      }
      words.pop();
    }
    result.excerpt = words.join(" ");
    return result;
  }

  function start() {
    var box = document.getElementById("rp-search");
    if (!box || typeof window.PagefindUI === "undefined") {
      return;
    }
    // The theme writes the address relative to the page; Pagefind imports from it, which
    // needs a path from the site's root.
    var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname;
    var base = new URL("../", new URL(bundle, document.baseURI)).pathname;
    new window.PagefindUI({
      element: "#rp-search",
      bundlePath: bundle,
      baseUrl: base,
      showSubResults: false,
      showImages: false,
      excerptLength: 24,
      processResult: withoutVariants,
      translations: {
        placeholder: "Search the site",
        search_label: "Search this site",
        searching: "Searching for [SEARCH_TERM]…",
        zero_results: "No results for [SEARCH_TERM]",
        one_result: "[COUNT] result for [SEARCH_TERM]",
        many_results: "[COUNT] results for [SEARCH_TERM]"
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
