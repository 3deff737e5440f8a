// supervisor4j status page: draws the process table from JSON, keeps it live from the event
// stream, and sends actions as POSTs carrying the CSRF token. All text goes in through
// textContent, never as markup, so process names, descriptions and messages cannot inject HTML.
(function () {
  "use strict";

  var token = document.querySelector('meta[name="csrf-token"]').content;
  var tbody = document.querySelector("#processes tbody");
  var table = document.getElementById("processes");
  var empty = document.getElementById("empty");
  var filter = document.getElementById("filter");
  var flash = document.getElementById("flash");
  var conn = document.getElementById("conn");
  var SIGNALS = ["HUP", "INT", "TERM", "QUIT", "KILL", "USR1", "USR2"];
  var STOPPED = { STOPPED: 1, EXITED: 1, FATAL: 1, UNKNOWN: 1 };
  var RUNNING = { STARTING: 1, RUNNING: 1, BACKOFF: 1 };
  var SIGNALLABLE = { STARTING: 1, RUNNING: 1, STOPPING: 1 };

  var rows = {};          // namespec -> <tr>
  var collapsed = loadCollapsed();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function loadCollapsed() {
    try { return JSON.parse(localStorage.getItem("s4j.collapsed") || "{}"); } catch (e) { return {}; }
  }
  function saveCollapsed() {
    try { localStorage.setItem("s4j.collapsed", JSON.stringify(collapsed)); } catch (e) { /* private mode */ }
  }

  function showFlash(message, ok) {
    flash.querySelector(".text").textContent = message;
    flash.className = "flash " + (ok ? "ok" : "error");
  }
  flash.querySelector(".close").addEventListener("click", function () { flash.className = "flash hidden"; });

  function formatCpu(p) { return p.cpuPercent === null || p.cpuPercent === undefined ? "\u2013" : p.cpuPercent.toFixed(1) + " %"; }
  function formatRss(p) {
    if (p.rssKb === null || p.rssKb === undefined) return "\u2013";
    if (p.rssKb >= 1048576) return (p.rssKb / 1048576).toFixed(1) + " GiB";
    if (p.rssKb >= 1024) return (p.rssKb / 1024).toFixed(1) + " MiB";
    return p.rssKb + " KiB";
  }

  function button(label, action, target, cls) {
    var b = el("button", cls || "", label);
    b.type = "button";
    b.dataset.action = action;
    b.dataset.target = target;
    return b;
  }

  // One process row; the cells are filled by update() so that live updates touch only text and flags.
  function makeRow(p, inGroup) {
    var tr = el("tr", "proc" + (inGroup ? " in-group" : ""));
    tr.dataset.name = p.namespec;
    tr.dataset.group = p.group;
    var state = el("td", "c-state"); state.appendChild(el("span", "state"));
    var name = el("td", "c-name");
    var link = el("a", "", p.namespec);
    link.href = "tail.html?processname=" + encodeURIComponent(p.namespec);
    link.target = "_blank"; link.rel = "noopener";
    name.appendChild(link);
    var actions = el("td", "c-actions");
    actions.appendChild(button("Start", "start", p.namespec));
    actions.appendChild(button("Stop", "stop", p.namespec, "danger"));
    actions.appendChild(button("Restart", "restart", p.namespec));
    actions.appendChild(button("Clear log", "clearlog", p.namespec));
    var tail = el("a", "", "Tail -f");
    tail.href = link.href; tail.target = "_blank"; tail.rel = "noopener";
    actions.appendChild(tail);
    var sig = el("select", "signal");
    sig.setAttribute("aria-label", "Send a signal");
    sig.appendChild(el("option", "", "Signal\u2026")).value = "";
    SIGNALS.forEach(function (s) { sig.appendChild(el("option", "", s)).value = s; });
    actions.appendChild(sig);
    tr.appendChild(state);
    tr.appendChild(name);
    tr.appendChild(el("td", "c-desc"));
    tr.appendChild(el("td", "c-num cpu"));
    tr.appendChild(el("td", "c-num rss"));
    var hist = el("td", "c-hist");
    var hlink = el("a", "", "\u2013");
    hlink.href = "history.html?processname=" + encodeURIComponent(p.namespec);
    hist.appendChild(hlink);
    tr.appendChild(hist);
    tr.appendChild(actions);
    update(tr, p);
    return tr;
  }

  function update(tr, p) {
    var badge = tr.querySelector(".state");
    badge.textContent = p.state.toLowerCase();
    badge.className = "state " + p.stateClass;
    tr.dataset.state = p.state;
    tr.querySelector(".c-desc").textContent = p.description;
    tr.querySelector(".cpu").textContent = formatCpu(p);
    tr.querySelector(".rss").textContent = formatRss(p);
    var busy = tr.classList.contains("busy");
    tr.querySelector('[data-action="start"]').disabled = busy || !STOPPED[p.state];
    tr.querySelector('[data-action="stop"]').disabled = busy || !RUNNING[p.state];
    tr.querySelector('[data-action="restart"]').disabled = busy || p.state === "STOPPING";
    tr.querySelector("select.signal").disabled = busy || !SIGNALLABLE[p.state];
    tr.dataset.json = JSON.stringify(p);
    showHistory(tr);
  }

  // Restart counts and last exit from the daemon's history (absent when it keeps none).
  var history = {};
  function showHistory(tr) {
    var h = history[tr.dataset.name];
    var a = tr.querySelector(".c-hist a");
    if (!h) { a.textContent = "history"; return; }
    var text = h.starts + (h.starts === 1 ? " start" : " starts");
    if (h.lastExitStatus !== null && h.lastExitStatus !== undefined) text += " \u00b7 last exit " + h.lastExitStatus;
    a.textContent = text;
    a.classList.toggle("bad", h.unexpectedExits > 0);
    a.title = h.unexpectedExits + " unexpected exits" + (h.lastExitMillis ? ", last exit " + new Date(h.lastExitMillis).toLocaleString() : "");
  }
  function loadHistory() {
    fetch("api/v1/history/summary", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { summary: [] }; })
      .then(function (body) {
        history = {};
        (body.summary || []).forEach(function (h) { history[h.namespec] = h; });
        Object.keys(rows).forEach(function (ns) { showHistory(rows[ns]); });
      })
      .catch(function () { /* the event stream shows the connection state */ });
  }

  function groupRow(group, members) {
    var tr = el("tr", "group" + (collapsed[group] ? " collapsed" : ""));
    tr.dataset.groupHeader = group;
    var td = el("td");
    td.colSpan = 6;
    var toggle = el("button", "toggle", group);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", collapsed[group] ? "false" : "true");
    td.appendChild(toggle);
    td.appendChild(el("span", "count", members.length + (members.length === 1 ? " process" : " processes")));
    var actions = el("td", "c-actions");
    actions.appendChild(button("Start group", "start", group + ":*"));
    actions.appendChild(button("Stop group", "stop", group + ":*", "danger"));
    actions.appendChild(button("Restart group", "restart", group + ":*"));
    tr.appendChild(td);
    tr.appendChild(actions);
    return tr;
  }

  // Redraws the whole table (first load, and when processes are added or removed).
  function render(processes) {
    tbody.textContent = "";
    rows = {};
    var groups = [], byGroup = {};
    processes.forEach(function (p) {
      if (!byGroup[p.group]) { byGroup[p.group] = []; groups.push(p.group); }
      byGroup[p.group].push(p);
    });
    groups.forEach(function (g) {
      var members = byGroup[g];
      // A real group (not one program named like its group) gets a header row with its own actions.
      var real = members.length > 1 || members[0].name !== g;
      if (real) tbody.appendChild(groupRow(g, members));
      members.forEach(function (p) {
        var tr = makeRow(p, real);
        rows[p.namespec] = tr;
        tbody.appendChild(tr);
      });
    });
    table.hidden = processes.length === 0;
    empty.hidden = processes.length !== 0;
    applyFilter();
  }

  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var visibleInGroup = {};
    Object.keys(rows).forEach(function (ns) {
      var tr = rows[ns];
      var match = !q || ns.toLowerCase().indexOf(q) >= 0;
      var g = tr.dataset.group;
      if (match) visibleInGroup[g] = true;
      tr.hidden = !match || (tr.classList.contains("in-group") && collapsed[g] && !q);
    });
    tbody.querySelectorAll("tr.group").forEach(function (tr) {
      tr.hidden = !visibleInGroup[tr.dataset.groupHeader];
    });
  }
  filter.addEventListener("input", applyFilter);

  tbody.addEventListener("click", function (ev) {
    var toggle = ev.target.closest("button.toggle");
    if (toggle) {
      var tr = toggle.closest("tr");
      var g = tr.dataset.groupHeader;
      collapsed[g] = !collapsed[g];
      if (!collapsed[g]) delete collapsed[g];
      tr.classList.toggle("collapsed", !!collapsed[g]);
      toggle.setAttribute("aria-expanded", collapsed[g] ? "false" : "true");
      saveCollapsed();
      applyFilter();
    }
  });

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-action]");
    if (!b || b.disabled) return;
    // Everything at once is one misclick away from an outage: ask first.
    if (b.dataset.target === "*" && !window.confirm(b.textContent + " processes?")) return;
    act(b.dataset.action, b.dataset.target, null, b);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement === document.body) { ev.preventDefault(); filter.focus(); }
    if (ev.key === "Escape" && document.activeElement === filter) { filter.value = ""; applyFilter(); filter.blur(); }
  });
  tbody.addEventListener("change", function (ev) {
    if (!ev.target.matches("select.signal") || !ev.target.value) return;
    var tr = ev.target.closest("tr");
    var signal = ev.target.value;
    ev.target.value = "";
    act("signal", tr.dataset.name, signal, null);
  });

  function setBusy(target, busy) {
    var tr = rows[target];
    if (!tr) return;
    tr.classList.toggle("busy", busy);
    update(tr, JSON.parse(tr.dataset.json));
  }

  function act(action, target, signal, b) {
    var url = "api/v1/processes/" + encodeURIComponent(target) + "/" + action;
    if (signal) url += "?signal=" + encodeURIComponent(signal);
    if (b) b.classList.add("busy");
    setBusy(target, true);
    fetch(url, { method: "POST", headers: { "X-CSRF-Token": token }, credentials: "same-origin" })
      .then(function (r) {
        return r.json().catch(function () { return { ok: false, message: "HTTP " + r.status }; });
      })
      .then(function (res) {
        showFlash(res.message, res.ok);
        setBusy(target, false);
        if (res.process && rows[res.process.namespec]) update(rows[res.process.namespec], res.process);
      })
      .catch(function (e) {
        showFlash("ERROR: " + e, false);
        setBusy(target, false);
      })
      .finally(function () { if (b) b.classList.remove("busy"); });
  }

  // Live updates. EventSource retries by itself after a dropped connection, but gives up on an
  // HTTP error (a restarting daemon answers 503 or nothing); so we reconnect ourselves, with backoff.
  var source = null, retryMs = 1000;
  function setConn(state, text) {
    conn.className = "conn " + state;
    conn.textContent = text;
    document.body.classList.toggle("offline", state === "down"); // the table may be out of date
  }
  function connect() {
    source = new EventSource("api/v1/events");
    source.onopen = function () { retryMs = 1000; setConn("live", "live"); };
    source.addEventListener("snapshot", function (ev) { render(JSON.parse(ev.data).processes); });
    source.addEventListener("process", function (ev) {
      var p = JSON.parse(ev.data);
      var tr = rows[p.namespec];
      if (tr) update(tr, p);
    });
    source.onerror = function () {
      source.close();
      setConn("down", "disconnected, retrying\u2026");
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  var initial = document.getElementById("initial");
  render(JSON.parse(initial.textContent).processes);
  connect();
  loadHistory();
  setInterval(loadHistory, 10000);
})();
