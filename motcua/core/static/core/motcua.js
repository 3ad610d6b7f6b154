// motcua: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Ask before irreversible actions (withdraw, refuse, stop processing).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      return;
    }
    // One click, one submission: disable the buttons once the form is on its way.
    if (form.method && form.method.toLowerCase() === "post" && !event.defaultPrevented) {
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-print]");
    if (target) {
      event.preventDefault();
      window.print();
    }
  });
})();
