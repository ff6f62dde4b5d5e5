/* Loaded before Decap CMS: every request this page makes to the editor's own server carries
   the token the server put in the page (Decap's own requests too: its proxy backend and its
   configuration use the page's fetch). Another website cannot read the page, so it cannot send
   the token, and the server refuses its requests (docs/editor.md, "Security"). */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="roleprint-token"]');
  var token = meta ? meta.content : "";
  if (!token) { return; }  // the hosted editor (GitHub or GitLab) has no Roleprint server
  var realFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== window.location.origin) { return realFetch.call(window, input, init); }
    var options = Object.assign({}, init);
    var headers = new Headers(options.headers || (input instanceof Request ? input.headers : {}));
    headers.set("X-Roleprint-Token", token);
    options.headers = headers;
    return realFetch.call(window, input, options);
  };
}());
