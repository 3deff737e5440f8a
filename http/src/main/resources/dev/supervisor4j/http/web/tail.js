// supervisor4j tail pages: each <section class="log" data-url> follows one log as it is written
// (the /logtail and /mainlogtail streams), with pause/resume. Log bytes go in as text nodes, never
// as markup, so a log line "<script>..." shows as text.
(function () {
  "use strict";

  var MAX_CHARS = 400000; // keep the page light: drop the oldest text beyond this

  function follow(section) {
    var pre = section.querySelector("pre.logtext");
    var status = section.querySelector(".conn");
    var pauseButton = section.querySelector("button.pause");
    var url = section.dataset.url;
    var paused = false, held = [], retryMs = 1000, started = false;

    function setStatus(cls, text) { status.className = "conn " + cls; status.textContent = text; }

    function append(text) {
      if (!text) return;
      if (paused) { held.push(text); return; }
      var atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
      pre.appendChild(document.createTextNode(text));
      if (pre.textContent.length > MAX_CHARS) {
        pre.textContent = pre.textContent.slice(-Math.floor(MAX_CHARS * 0.8));
      }
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }

    function marker(text) {
      var m = document.createElement("span");
      m.className = "marker";
      m.textContent = text;
      if (paused) { held.push(m); } else { pre.appendChild(m); }
    }

    pauseButton.addEventListener("click", function () {
      paused = !paused;
      pauseButton.textContent = paused ? "Resume" : "Pause";
      if (paused) {
        setStatus("paused", "paused");
      } else {
        setStatus("live", "live");
        var items = held; held = [];
        items.forEach(function (t) { if (typeof t === "string") append(t); else pre.appendChild(t); });
        pre.scrollTop = pre.scrollHeight;
      }
    });
    section.querySelector("button.clear").addEventListener("click", function () { pre.textContent = ""; held = []; });

    function retry(why) {
      setStatus("down", "disconnected, retrying\u2026");
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    }

    function connect() {
      fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
        if (!response.ok) {
          setStatus("down", response.status === 404 ? "no such log" : "HTTP " + response.status);
          if (response.status !== 404) retry();
          return;
        }
        // A reconnect starts again with the log's last kilobyte, which may repeat lines already shown.
        if (started) marker("\n\u2014 reconnected \u2014\n");
        started = true;
        retryMs = 1000;
        setStatus(paused ? "paused" : "live", paused ? "paused" : "live");
        var reader = response.body.getReader();
        var decoder = new TextDecoder("utf-8");
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { append(decoder.decode()); retry(); return; }
            append(decoder.decode(chunk.value, { stream: true }));
            return pump();
          });
        }
        return pump();
      }).catch(function () { retry(); });
    }
    connect();
  }

  document.querySelectorAll("section.log").forEach(follow);
})();
