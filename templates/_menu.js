{#- Inline after the menu, so a phone never shows it open first: below 40em the menu hides behind a button; without JavaScript it stays open. -#}
(function () {
  var nav = document.getElementById("site-nav"), button = document.getElementById("menu-button");
  var narrow = window.matchMedia && window.matchMedia("(max-width: 40em)");
  if (!narrow || !nav.classList) return;
  function show(open) { nav.classList.toggle("closed", !open); button.setAttribute("aria-expanded", String(open)); }
  function fit() { button.hidden = !narrow.matches; show(!narrow.matches); }
  button.addEventListener("click", function () { show(nav.classList.contains("closed")); });
  if (narrow.addEventListener) narrow.addEventListener("change", fit); else narrow.addListener(fit);
  fit();
})();
