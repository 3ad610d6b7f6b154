// The desk's digitised scans: while recognition runs, poll its progress and show it;
// when every scan is recognised, offer to reload the page (its form then holds the proposal).
(function () {
  "use strict";
  var section = document.getElementById("digitised");
  if (!section) { return; }
  var url = section.getAttribute("data-status-url");
  function working(state) { return state === "pending" || state === "running"; }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var busy = false;
        data.documents.forEach(function (doc) {
          var box = section.querySelector('.digitised-scan[data-id="' + doc.id + '"]');
          if (!box) { return; }
          var label = box.querySelector(".ocr-state");
          var bar = box.querySelector("progress");
          if (working(doc.state)) {
            busy = true;
            label.textContent = doc.label + " (" + doc.pages_done + "/" + doc.pages + ")";
            if (bar) { bar.value = doc.pages_done; }
          } else if (label.getAttribute("data-state") !== doc.state) {
            label.textContent = doc.label;
            label.setAttribute("data-state", doc.state);
            if (bar) { bar.remove(); }
            section.querySelector(".ocr-ready").hidden = false;
          }
        });
        if (busy) { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  if (section.querySelector("progress")) { window.setTimeout(poll, 1000); }
}());
