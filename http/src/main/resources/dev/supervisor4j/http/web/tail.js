// supervisor4j tail pages: one event stream (<main data-stream>) carries every log of the page;
// each event is named after its pane's data-channel and holds the new text as a JSON string.
// Text goes in as text nodes, never as markup, so a log line "<script>..." shows as text.
(function () {
  "use strict";

  var MAX_CHARS = 400000; // keep the page light: drop the oldest text beyond this
  var main = document.querySelector("main[data-stream]");
  var conn = document.getElementById("conn");
  if (!main) return; // no such process: the page says so
  var panes = {};

  function pane(section) {
    var pre = section.querySelector("pre.logtext");
    var state = section.querySelector(".pane-state");
    var pauseButton = section.querySelector("button.pause");
    var p = { paused: false, held: [] };

    function show(node) {
      var atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
      pre.appendChild(node);
      if (pre.textContent.length > MAX_CHARS) {
        pre.textContent = pre.textContent.slice(-Math.floor(MAX_CHARS * 0.8));
      }
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }
    p.add = function (node) { if (p.paused) p.held.push(node); else show(node); };
    p.text = function (text) { if (text) p.add(document.createTextNode(text)); };
    p.marker = function (text) {
      var m = document.createElement("span");
      m.className = "marker";
      m.textContent = text;
      p.add(m);
    };
    p.state = function (text) { state.textContent = text; };

    pauseButton.addEventListener("click", function () {
      p.paused = !p.paused;
      pauseButton.textContent = p.paused ? "Resume" : "Pause";
      p.state(p.paused ? "paused" : "");
      if (!p.paused) {
        var held = p.held; p.held = [];
        held.forEach(show);
        pre.scrollTop = pre.scrollHeight;
      }
    });
    section.querySelector("button.clear").addEventListener("click", function () { pre.textContent = ""; p.held = []; });
    return p;
  }

  document.querySelectorAll("section.log[data-channel]").forEach(function (section) {
    panes[section.dataset.channel] = pane(section);
  });

  function setConn(state, text) { conn.className = "conn " + state; conn.textContent = text; }

  var source = null, retryMs = 1000, opened = false;
  function connect() {
    source = new EventSource(main.dataset.stream);
    source.onopen = function () {
      // A new connection starts again with each log's last kilobyte, which may repeat lines.
      if (opened) Object.keys(panes).forEach(function (c) { panes[c].marker("\n\u2014 reconnected \u2014\n"); });
      opened = true;
      retryMs = 1000;
      setConn("live", "live");
    };
    Object.keys(panes).forEach(function (channel) {
      source.addEventListener(channel, function (ev) { panes[channel].text(JSON.parse(ev.data)); });
    });
    source.addEventListener("unavailable", function (ev) {
      var info = JSON.parse(ev.data);
      if (panes[info.channel]) panes[info.channel].state(info.message);
    });
    source.onerror = function () {
      source.close();
      setConn("down", "disconnected, retrying\u2026");
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }
  connect();
})();
