// The assistant's chat panel: plain JS, no CDN, no inline script (CSP-friendly).
// Texts come from the template's data- attributes (translated by Django).
(function () {
  "use strict";
  function init(panel) {
    var log = panel.querySelector(".assistant-log");
    var ask = panel.querySelector(".assistant-ask");
    var status = panel.querySelector(".assistant-status");
    var csrf = ask.querySelector("input[name=csrfmiddlewaretoken]");
    var conversation = "";

    function add(who, lines, extra) {
      var item = document.createElement("div");
      item.className = "assistant-message assistant-" + (who === panel.dataset.you ? "you" : "bot");
      var label = document.createElement("strong");
      label.textContent = who + ": ";
      item.appendChild(label);
      lines.forEach(function (line) {
        var p = document.createElement("p");
        p.textContent = line;
        item.appendChild(p);
      });
      if (extra) { item.appendChild(extra); }
      log.appendChild(item);
      item.scrollIntoView({block: "nearest"});
    }

    function links(title, items) {
      if (!items || !items.length) { return null; }
      var box = document.createElement("p");
      box.textContent = title + " ";
      items.forEach(function (s, i) {
        var a = document.createElement("a");
        a.href = s.url;
        a.textContent = s.name + " (" + s.code + ")";
        if (i) { box.appendChild(document.createTextNode("; ")); }
        box.appendChild(a);
      });
      return box;
    }

    function send(body, shown) {
      add(panel.dataset.you, [shown]);
      body.conversation = conversation;
      var headers = {"Content-Type": "application/json"};
      if (csrf) { headers["X-CSRFToken"] = csrf.value; }
      return fetch(panel.dataset.endpoint, {
        method: "POST", headers: headers, credentials: "same-origin", body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (data) { return {ok: response.ok, data: data}; });
      }).then(function (result) {
        var data = result.data;
        if (!result.ok) { add(panel.dataset.bot, [data.message || panel.dataset.error]); return; }
        if (data.conversation) { conversation = data.conversation; }
        var extra = document.createElement("div");
        var src = links(panel.dataset.sources, data.sources);
        var similar = links(panel.dataset.similar, data.suggestions);
        if (src) { extra.appendChild(src); }
        if (similar) { extra.appendChild(similar); }
        add(panel.dataset.bot, data.answer.split("\n"), extra);
        status.hidden = !(data.needs && data.needs.indexOf("dossier_code") >= 0);
        if (!status.hidden) { status.querySelector("input[name=dossier_code]").focus(); }
      }).catch(function () { add(panel.dataset.bot, [panel.dataset.error]); });
    }

    ask.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = ask.querySelector("input[name=question]");
      var question = input.value.trim();
      if (!question) { return; }
      input.value = "";
      send({question: question}, question);
    });

    status.addEventListener("submit", function (event) {
      event.preventDefault();
      var code = status.querySelector("input[name=dossier_code]");
      var id = status.querySelector("input[name=id_number]");
      // The ID number is sent in the body and never shown back in the conversation.
      send({question: panel.dataset.statusQuestion, dossier_code: code.value.trim(), id_number: id.value.trim()},
           panel.dataset.statusQuestion + " " + code.value.trim());
      id.value = "";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("assistant-panel");
    if (panel) { init(panel); }
  });
})();
