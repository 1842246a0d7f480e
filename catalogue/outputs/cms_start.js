// The web form's guard (admin/start.js), loaded just before Decap CMS: a plain message instead of a
// blank page when Decap's script does not arrive or fails before it draws its own screen. Once Decap
// has drawn into #nc-root, its own screens (and error pages) take over and this box is hidden.
(function () {
  "use strict";
  var box = document.getElementById("cms-message");
  var loading = document.getElementById("cms-loading");
  var problem = document.getElementById("cms-problem");
  var texts = JSON.parse(document.getElementById("cms-texts").textContent);
  var drawn = false;

  function show(kind, detail) {
    if (drawn || !problem.hidden) return; // the first problem is the one to tell
    box.hidden = false;
    loading.hidden = true;
    problem.querySelector("strong").textContent = texts[kind].title;
    problem.querySelector("p + p").textContent = texts[kind].text;
    problem.querySelector("code").textContent = detail || "";
    problem.hidden = false;
    var root = document.getElementById("nc-root");
    if (root) root.hidden = true; // a half-drawn CMS would cover the message
  }

  // Capture: a script that fails to load fires "error" on its element, which does not bubble.
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target.tagName === "SCRIPT") {
      show("missing", target.src);
    } else {
      show("failed", event.message || String(event.error));
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    show("failed", reason && reason.message ? reason.message : String(reason));
  });
  window.addEventListener("load", function () {
    if (!window.CMS) show("missing", document.querySelector("script[data-cms]").src);
  });

  new MutationObserver(function (changes, observer) {
    var root = document.getElementById("nc-root");
    if (root && root.firstChild && problem.hidden) {
      drawn = true;
      box.hidden = true;
      observer.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
