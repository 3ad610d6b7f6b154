// The centre floor: the display screen's live updates and spoken calls, and the kiosks' idle reset.
(function () {
  "use strict";

  // Kiosk pages with data-idle-return go back to their start after a quiet while (and forget
  // what was typed: a shared touch screen must not show the previous person's dossier).
  var body = document.body;
  var idleUrl = body.getAttribute("data-idle-return");
  if (idleUrl) {
    var seconds = parseInt(body.getAttribute("data-idle-seconds") || "60", 10);
    var timer = null;
    var reset = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { window.location.replace(idleUrl); }, seconds * 1000);
    };
    ["pointerdown", "keydown", "touchstart"].forEach(function (name) {
      document.addEventListener(name, reset, { passive: true });
    });
    reset();
  }

  // One click, one ticket: disable the kiosk's buttons once the form is sent. A form a script
  // handles itself (the assistant's panel: it prevents the default) is not sent and stays usable.
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    var form = event.target;
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  var eventsUrl = body.getAttribute("data-events-url");
  if (!eventsUrl) { return; }

  var audioUrl = body.getAttribute("data-audio-url");
  var chimeUrl = body.getAttribute("data-chime-url");
  var lastCallId = null;
  var soundOn = false;
  var queue = [];
  var playing = false;

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  function playNext() {
    if (playing || !queue.length) { return; }
    playing = true;
    var callId = queue.shift();
    var chime = new Audio(chimeUrl);
    var voice = new Audio(audioUrl.replace(/0\.wav$/, callId + ".wav"));
    var done = function () { playing = false; playNext(); };
    chime.onended = function () { voice.play().catch(done); };
    voice.onended = done;
    chime.play().catch(done);
  }

  function render(state) {
    var counters = document.getElementById("screen-counters");
    counters.replaceChildren.apply(counters, state.counters.map(function (c) {
      var row = document.createElement("tr");
      row.appendChild(text("td", String(c.number)));
      row.appendChild(text("td", c.ticket === null ? "—" : String(c.ticket)));
      return row;
    }));
    var calls = document.getElementById("screen-calls");
    calls.replaceChildren.apply(calls, state.calls.map(function (c) {
      return text("li", c.ticket + " → " + c.counter);
    }));
    var waiting = document.getElementById("screen-waiting");
    waiting.replaceChildren.apply(waiting, state.waiting.map(function (w) {
      return text("li", w.service + ": " + w.count);
    }));
    var latest = state.calls[0];
    if (latest) {
      document.getElementById("latest-number").textContent = String(latest.ticket);
      document.getElementById("latest-counter").textContent = String(latest.counter);
      if (lastCallId !== null && latest.id !== lastCallId) {
        // New calls since the last state, oldest first: each gets its chime and spoken call.
        var fresh = [];
        for (var i = 0; i < state.calls.length && state.calls[i].id !== lastCallId; i++) {
          fresh.unshift(state.calls[i].id);
        }
        var box = document.getElementById("screen-latest");
        box.classList.remove("flash");
        void box.offsetWidth;
        box.classList.add("flash");
        if (soundOn) { queue = queue.concat(fresh); playNext(); }
      }
      lastCallId = latest.id;
    } else if (lastCallId === null) {
      lastCallId = 0;
    }
    body.setAttribute("data-version", String(state.version));
  }

  var link = document.getElementById("screen-link");
  function connect() {
    // EventSource reconnects by itself (the server asks for 1 s); each response lasts
    // a little while, so a restarted server or a new process is picked up without a reload.
    var source = new EventSource(eventsUrl);
    source.addEventListener("floor", function (event) {
      link.textContent = "";
      render(JSON.parse(event.data));
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        link.textContent = link.getAttribute("data-offline");
        window.setTimeout(connect, 2000);
      } else if (source.readyState === EventSource.CONNECTING) {
        link.textContent = link.getAttribute("data-offline");
      }
    };
  }
  connect();

  document.getElementById("screen-sound").addEventListener("click", function (event) {
    soundOn = true;  // browsers play sound only after a person touched the page once
    event.target.hidden = true;
    new Audio(chimeUrl).play().catch(function () {});
  });

  var clock = document.getElementById("screen-clock");
  function tick() {
    var now = new Date();
    clock.textContent = now.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });
  }
  tick();
  window.setInterval(tick, 10000);
})();
