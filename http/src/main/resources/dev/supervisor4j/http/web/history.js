// supervisor4j history page: the ledger of one process (a timeline of its states, then every state
// change and operator action) or, without a process, the operator actions and daemon events. All
// text goes in through textContent, never as markup.
(function () {
  "use strict";

  var name = document.body.dataset.process;
  var tbody = document.querySelector("#entries tbody");
  var message = document.getElementById("hist-msg");
  var BAND = { RUNNING: "running", STARTING: "starting", BACKOFF: "error", FATAL: "error", STOPPING: "starting" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function when(t) {
    var d = new Date(t);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " "
      + pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  }
  function span(ms) {
    var s = Math.round(ms / 1000);
    if (s < 120) return s + " s";
    if (s < 7200) return Math.round(s / 60) + " min";
    return Math.round(s / 3600) + " h";
  }
  function exitText(e) {
    if (e.exitStatus === null || e.exitStatus === undefined) return "";
    if (e.exitStatus === -1) return "terminated by a signal";
    return "exit status " + e.exitStatus + (e.to === "EXITED" ? (e.expected ? " (expected)" : " (not expected)") : "");
  }

  function describe(e) {
    if (e.kind === "state") {
      var parts = [];
      if (e.pid) parts.push("pid " + e.pid);
      var exit = exitText(e);
      if (exit) parts.push(exit);
      if (e.spawnError) parts.push(e.spawnError);
      return { what: e.from + " \u2192 " + e.to, detail: parts.join(", "), cls: "state-row " + (BAND[e.to] || "nominal") };
    }
    if (e.kind === "action") {
      var who = (e.user || "someone") + " via " + e.via;
      return { what: e.action + (e.target ? " " + e.target : ""), detail: who + ": " + e.result,
        cls: "action-row" + (e.ok ? "" : " failed") };
    }
    return { what: "daemon " + e.event, detail: e.detail, cls: "daemon-row" };
  }

  function table(entries) {
    tbody.textContent = "";
    entries.slice().reverse().forEach(function (e) {
      var d = describe(e);
      var tr = el("tr", d.cls);
      tr.appendChild(el("td", "c-time", when(e.t)));
      tr.appendChild(el("td", "c-what", d.what));
      tr.appendChild(el("td", "c-detail", d.detail));
      tbody.appendChild(tr);
    });
    message.hidden = entries.length !== 0;
    if (!entries.length) message.textContent = "Nothing recorded yet";
  }

  // One band per recorded state, as wide as the state lasted; the last lasts until now.
  function timeline(entries) {
    var states = entries.filter(function (e) { return e.kind === "state"; });
    var box = document.getElementById("timeline");
    box.textContent = "";
    if (!states.length) return;
    var now = Date.now(), first = states[0].t, total = Math.max(now - first, 1);
    var unexpected = 0;
    states.forEach(function (e, i) {
      var end = i + 1 < states.length ? states[i + 1].t : now;
      var seg = el("div", "seg " + (BAND[e.to] || "nominal"));
      seg.style.width = Math.max(100 * (end - e.t) / total, 0.15) + "%";
      seg.title = e.to + " at " + when(e.t) + " for " + span(end - e.t) + (exitText(e) ? ", " + exitText(e) : "");
      if (e.to === "EXITED" && !e.expected) { seg.classList.add("exit"); unexpected++; }
      box.appendChild(seg);
    });
    document.getElementById("t-from").textContent = when(first);
    document.getElementById("t-to").textContent = "now";
    var starts = states.filter(function (e) { return e.to === "STARTING"; }).length;
    document.getElementById("summary").textContent = starts + (starts === 1 ? " start, " : " starts, ") + unexpected
      + (unexpected === 1 ? " unexpected exit" : " unexpected exits") + " shown";
  }

  function load() {
    var url = name ? "api/v1/history/processes/" + encodeURIComponent(name) + "?limit=500"
      : "api/v1/history/actions?limit=200";
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (!body.entries) {
          message.hidden = false;
          message.textContent = body.message || "history unavailable";
          return;
        }
        if (name) timeline(body.entries);
        table(body.entries);
      })
      .catch(function (e) { message.hidden = false; message.textContent = "ERROR: " + e; });
  }
  load();
  setInterval(load, 5000);
})();
