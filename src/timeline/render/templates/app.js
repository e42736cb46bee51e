// timeline page script. Data comes from the JSON block; it is only ever written with
// textContent, never parsed as HTML. The SVG timeline is laid out in Python; this script
// only zooms it (moving marks along x), filters it and links it to the lists and the graph.
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var detail = document.getElementById("detail");
  var byId = Object.create(null);
  data.events.forEach(function (e) {
    byId[e.id] = e;
    if (e.label !== undefined) return;
    // the embed page keeps an event's title, date and provenance only in its list item
    var li = document.getElementById(e.id);
    e.label = li ? li.querySelector(".title").textContent : "";
    e.when = li ? li.querySelector("time").textContent : "";
    e.note = li ? li.querySelector(".basis").getAttribute("title") : "";
  });
  var entById = Object.create(null);
  data.entities.forEach(function (e) { entById[e.id] = e; });
  var list = document.getElementById("event-list");
  var svg = document.getElementById("tl");

  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function sentence(pieces) {
    var q = el("blockquote");
    pieces.forEach(function (p) { q.appendChild(p[1] ? el("mark", p[0]) : document.createTextNode(p[0])); });
    return q;
  }
  function clear() {  // and open the panel, with a button that closes it
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    var close = el("button", "\u00d7", "close");
    close.type = "button";
    close.setAttribute("aria-label", "Close the details");
    close.addEventListener("click", function () { detail.classList.remove("open"); });
    detail.appendChild(close);
    detail.classList.add("open");
  }
  function docLine(docId) {
    var d = data.documents[docId] || {};
    var p = el("p", "Source: " + (d.title || docId) + (d.published ? " (" + d.published + ")" : ""));
    if (d.url) p.appendChild(el("span", " " + d.url, "url"));
    return p;
  }
  function byData(root, id) {
    return root ? root.querySelectorAll('[data-id="' + CSS.escape(id) + '"]') : [];
  }
  function select(id) {
    document.querySelectorAll(".selected").forEach(function (n) { n.classList.remove("selected"); });
    [list, svg, document.getElementById("entity-list")].forEach(function (root) {
      byData(root, id).forEach(function (n) { n.classList.add("selected"); });
    });
  }
  function highlight(ids) {
    var set = Object.create(null);
    ids.forEach(function (i) { set[i] = true; });
    document.querySelectorAll("#event-list li, #tl .mark").forEach(function (n) {
      n.classList.toggle("hl", !!set[n.getAttribute("data-id")]);
    });
  }
  function showEvent(id) {
    var e = byId[id];
    if (!e) return;
    clear();
    detail.appendChild(el("h3", e.label));
    detail.appendChild(el("p", "When: " + (e.when || "undated") + (e.value ? " [" + e.value + "]" : "") + " (" + e.basis + (e.note ? ": " + e.note : "") + ")"));
    var item = document.getElementById(id), quote = item && item.querySelector("blockquote");
    if (quote) detail.appendChild(quote.cloneNode(true));
    detail.appendChild(docLine(e.doc));
    select(id);
    highlight([]);
    if (svg) svg.querySelectorAll(".link").forEach(function (p) {
      p.classList.toggle("active", p.getAttribute("data-from") === id || p.getAttribute("data-to") === id);
    });
  }
  function showEntity(id) {
    var e = entById[id];
    if (!e) return;
    clear();
    detail.appendChild(el("h3", e.label));
    detail.appendChild(el("p", e.type + (e.aliases.length ? " · also: " + e.aliases.join(", ") : "")));
    data.relations.forEach(function (r) {
      if (r.source !== id && r.target !== id) return;
      var s = entById[r.source], t = entById[r.target];
      detail.appendChild(el("p", (s ? s.label : r.source) + " " + r.type + " " + (t ? t.label : r.target) + " (" + r.polarity + ")", "rel"));
      detail.appendChild(sentence(r.sentence));
      detail.appendChild(docLine(r.doc));
    });
    detail.appendChild(el("p", e.events.length + " event(s) highlighted in the timeline."));
    highlight(e.events);
    select(id);
  }
  function showEdge(edgeId) {
    var r = null;
    data.relations.forEach(function (x) { if (x.id === edgeId) r = x; });
    if (!r) return;
    clear();
    var s = entById[r.source], t = entById[r.target];
    detail.appendChild(el("h3", (s ? s.label : r.source) + " " + r.type + " " + (t ? t.label : r.target)));
    detail.appendChild(sentence(r.sentence));
    detail.appendChild(docLine(r.doc));
  }

  // ---- graph
  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#000"; }
  var network = null;
  if (window.vis && data.graph && data.graph.nodes.length) {
    var physics = data.graph.physics;
    network = new vis.Network(document.getElementById("graph"), {
      nodes: new vis.DataSet(data.graph.nodes),
      edges: new vis.DataSet(data.graph.edges)
    }, {
      layout: { randomSeed: 7, improvedLayout: physics },
      physics: { enabled: physics, stabilization: { iterations: 200 } },
      // labels in the page's colours, with a halo of the background (both colour schemes)
      nodes: { shape: "dot", font: { color: css("--fg"), strokeWidth: 4, strokeColor: css("--bg") },
        scaling: { label: { drawThreshold: 7 } } },
      edges: { smooth: false, font: { size: 10, align: "middle" }, color: "#cccccc", arrows: "to", width: 1 },
      interaction: { hover: true, keyboard: true, hideEdgesOnDrag: !physics }
    });
    network.on("click", function (p) {
      if (p.nodes.length) {
        var id = p.nodes[0];
        if (byId[id]) showEvent(id); else showEntity(id);
      } else if (p.edges.length) {
        var edge = network.body.data.edges.get(p.edges[0]);
        if (edge && edge.relation) showEdge(edge.relation);
      }
    });
  }

  // ---- timeline zoom: the view is a window on the scale's [0, 1]; marks keep their size
  var box = svg && svg.querySelector ? svg : null;
  var NS = "http://www.w3.org/2000/svg";
  var scale = box ? JSON.parse(box.getAttribute("data-scale")) : { t: [0, 1], u: [0, 1] };
  var starts = Object.create(null);
  var x0 = box ? Number(box.getAttribute("data-x")) : 0;
  var w = box ? Number(box.getAttribute("data-w")) : 1;
  var h = box ? Number(box.getAttribute("data-h")) : 1;
  var view = [0, 1];
  var marks = box ? Array.prototype.slice.call(box.querySelectorAll(".mark, .bin")) : [];
  marks.forEach(function (m) { starts[m.getAttribute("data-t0")] = true; });
  var pos = Object.create(null);
  function unit(t) {
    var T = scale.t, U = scale.u, lo = 0, hi = T.length - 1;
    if (t <= T[0]) return U[0];
    if (t >= T[hi]) return U[hi];
    while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (T[mid] <= t) lo = mid; else hi = mid; }
    return U[lo] + (U[lo + 1] - U[lo]) * (t - T[lo]) / (T[lo + 1] - T[lo]);
  }
  function day(t) { return new Date((t - 719163) * 864e5); }  // proleptic ordinal -> Date (UTC)
  function ordinal(y, m, d) { var x = new Date(Date.UTC(2000, m - 1, d)); x.setUTCFullYear(y); return Math.round(x.getTime() / 864e5) + 719163; }
  function inv(u) {  // unit -> day
    var T = scale.t, U = scale.u, lo = 0, hi = U.length - 1;
    if (u <= U[0]) return T[0];
    if (u >= U[hi]) return T[hi];
    while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (U[mid] <= u) lo = mid; else hi = mid; }
    return T[lo] + (T[lo + 1] - T[lo]) * (u - U[lo]) / ((U[lo + 1] - U[lo]) || 1);
  }
  function yearLabel(y) { return y >= 1 ? String(y) : (1 - y) + " BC"; }  // as timeline_svg.year_label
  var MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function candidates(lo, hi) {  // the same list as timeline_svg.tick_candidates
    var a = day(lo), b = day(hi), span = b.getUTCFullYear() - a.getUTCFullYear(), out = [];
    var step = span <= 400 ? 1 : span <= 4000 ? 10 : 100, y, o;
    for (y = a.getUTCFullYear(); y <= Math.min(b.getUTCFullYear(), 9999); y++) {
      var n = y >= 1 ? y : 1 - y;  // the year as written: decades of 480 BC, not of -479
      o = ordinal(y, 1, 1);
      if (n % step === 0 && o >= lo && o <= hi) out.push([o, yearLabel(y), n % 100 === 0 ? 0 : n % 10 === 0 ? 1 : 2]);
    }
    if (span <= 200) {
      for (y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) {
        for (var m = 2; m <= 12; m++) { o = ordinal(y, m, 1); if (o >= lo && o <= hi) out.push([o, MON[m - 1] + " " + yearLabel(y), 3]); }
      }
    }
    if (hi - lo <= 400) {
      for (o = Math.ceil(lo); o <= hi; o++) { var d = day(o); if (d.getUTCDate() !== 1) out.push([o, d.getUTCDate() + " " + MON[d.getUTCMonth()], 4]); }
    }
    out.sort(function (p, q) { return p[2] - q[2] || (starts[q[0]] ? 1 : 0) - (starts[p[0]] ? 1 : 0) || p[0] - q[0]; });
    return out;
  }
  function sx(t) { return x0 + (unit(t) - view[0]) * w / (view[1] - view[0]); }
  function axis() {
    var g = box.querySelector(".axis");
    while (g.firstChild) g.removeChild(g.firstChild);
    var chosen = [], picked = [], avoid = [];
    box.querySelectorAll(".gap").forEach(function (gp) {  // labels keep clear of the gap marks
      if (gp.style.display !== "none") avoid.push(Number(gp.querySelector("text").getAttribute("x")) + 5);
    });
    candidates(inv(view[0]), inv(view[1])).forEach(function (c) {  // already in the order to try: coarse first, event starts first
      var px = sx(c[0]), right = px + 3 + 7 * String(c[1]).length;  // as timeline_svg.pick_ticks
      if (px < x0 || px > x0 + w || chosen.length > 40) return;
      for (var k = 0; k < avoid.length; k++) if (avoid[k] >= px - 6 && avoid[k] <= right + 6) return;
      for (var i = 0; i < chosen.length; i++) if (Math.abs(px - chosen[i]) < 58) return;
      chosen.push(px); picked.push(c);
    });
    picked.sort(function (a, b) { return a[0] - b[0]; });
    picked.forEach(function (c, i) {
      var px = sx(c[0]);
      if (i % 2 === 1) {
        var nx = i + 1 < picked.length ? sx(picked[i + 1][0]) : x0 + w;
        var band = document.createElementNS(NS, "rect");
        band.setAttribute("class", "band");
        band.setAttribute("x", px); band.setAttribute("y", 26);
        band.setAttribute("width", Math.max(0, nx - px)); band.setAttribute("height", h - 26);
        g.insertBefore(band, g.firstChild);
      }
      var line = document.createElementNS(NS, "line");
      line.setAttribute("class", "tick");
      line.setAttribute("x1", px); line.setAttribute("x2", px); line.setAttribute("y1", 22); line.setAttribute("y2", h);
      var label = document.createElementNS(NS, "text");
      label.setAttribute("class", "tick");
      label.setAttribute("x", px + 3); label.setAttribute("y", 18);
      label.textContent = String(c[1]);
      g.appendChild(line); g.appendChild(label);
    });
  }
  function place() {
    marks.forEach(function (a) {
      var t0 = Number(a.getAttribute("data-t0")), t1 = Number(a.getAttribute("data-t1"));
      var a0 = sx(t0), a1 = sx(t1), c = a.querySelector("circle"), r = a.querySelector("rect"), tx = a.querySelector("text");
      var off = a0 > x0 + w + 20 || a1 < x0 - 20;
      a.style.display = off ? "none" : "";
      var left = tx && tx.getAttribute("text-anchor") === "end";
      if (c) { c.setAttribute("cx", (a0 + a1) / 2); if (tx) tx.setAttribute("x", (a0 + a1) / 2 + (left ? -8 : 8)); }
      if (r) {
        var bin = a.classList.contains("bin");
        r.setAttribute("x", a0 + (bin ? 1 : 0));
        r.setAttribute("width", Math.max(bin ? 1 : 3, a1 - a0 - (bin ? 2 : 0)));
        if (tx) tx.setAttribute("x", bin ? a0 + 3 : left ? a0 - 4 : a1 + 4);
      }
      pos[a.getAttribute("data-id")] = c ? [(a0 + a1) / 2, Number(c.getAttribute("cy"))] : r ? [a1, Number(r.getAttribute("y")) + 5] : null;
    });
    box.querySelectorAll(".gap").forEach(function (g) {
      var gx = (sx(Number(g.getAttribute("data-t0"))) + sx(Number(g.getAttribute("data-t1")))) / 2;
      g.style.display = gx < x0 || gx > x0 + w ? "none" : "";
      g.querySelector("text").setAttribute("x", gx - 5);
    });
    box.querySelectorAll(".link").forEach(function (p) {
      var a = pos[p.getAttribute("data-from")], b = pos[p.getAttribute("data-to")];
      if (!a || !b) return;
      p.setAttribute("d", "M" + a[0] + "," + a[1] + " Q" + (a[0] + b[0]) / 2 + "," + (Math.min(a[1], b[1]) - 14) + " " + b[0] + "," + b[1]);
    });
    axis();
    drawDetail();
  }
  // ---- aggregated (thousands of events): counts per period until few events are in view,
  // then the events themselves, drawn here from the data (textContent only)
  var bins = box ? box.querySelector(".bins") : null;
  var detailed = [], layer = null, MAX_DRAWN = 600;
  if (bins) {
    var actors = JSON.parse(box.getAttribute("data-actors") || "[]");
    var laneY = JSON.parse(box.getAttribute("data-lane-y") || "[0]");
    data.events.forEach(function (e) {
      if (!e.span) return;
      var lane = laneY.length - 1;
      e.entities.forEach(function (id) { var i = actors.indexOf(id); if (i >= 0 && i < lane) lane = i; });
      if (!actors.length) lane = 0;
      detailed.push({ id: e.id, label: e.label, when: e.when, t0: e.span[0], t1: e.span[1], lane: lane,
        point: ["day", "part_of_day", "time"].indexOf(e.granularity) >= 0 });
    });
    detailed.sort(function (a, b) { return a.t0 - b.t0; });
    layer = document.createElementNS(NS, "g");
    layer.setAttribute("class", "marks");
    bins.parentNode.appendChild(layer);
  }
  function drawDetail() {
    if (!bins) return;
    var lo = inv(view[0]), hi = inv(view[1]);
    var inView = detailed.filter(function (e) { return e.t1 > lo && e.t0 < hi; });
    var few = inView.length <= MAX_DRAWN;
    bins.style.display = few ? "none" : "";
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    if (!few) return;
    var ends = Object.create(null);
    inView.forEach(function (e) {
      var a0 = sx(e.t0), a1 = sx(e.t1), rows = ends[e.lane] || (ends[e.lane] = [-1e9, -1e9]);
      var row = rows[0] <= a0 ? 0 : rows[1] <= a0 ? 1 : 0;
      rows[row] = Math.max(a1, a0 + 10);
      var y = laneY[e.lane] + row * 20 + 9;
      var a = document.createElementNS(NS, "a");
      a.setAttribute("href", "#" + e.id);
      a.setAttribute("class", "mark");
      a.setAttribute("data-id", e.id);
      var title = document.createElementNS(NS, "title");
      title.textContent = (e.when || "") + ": " + e.label;
      a.appendChild(title);
      var shape;
      if (a1 - a0 < 6 || e.point) {
        shape = document.createElementNS(NS, "circle");
        shape.setAttribute("cx", (a0 + a1) / 2); shape.setAttribute("cy", y); shape.setAttribute("r", 4.5);
      } else {
        shape = document.createElementNS(NS, "rect");
        shape.setAttribute("x", a0); shape.setAttribute("y", y - 5); shape.setAttribute("width", a1 - a0);
        shape.setAttribute("height", 10); shape.setAttribute("rx", 3);
      }
      a.appendChild(shape);
      layer.appendChild(a);
    });
  }
  function zoom(factor, at) {
    var span = view[1] - view[0], centre = at === undefined ? (view[0] + view[1]) / 2 : at;
    var next = Math.min(1, Math.max(1e-4, span * factor));
    var lo = centre - (centre - view[0]) * next / span;
    lo = Math.max(0, Math.min(lo, 1 - next));
    view = [lo, lo + next];
    place();
  }
  function pan(fraction) {
    var span = view[1] - view[0], lo = Math.max(0, Math.min(view[0] + span * fraction, 1 - span));
    view = [lo, lo + span];
    place();
  }
  if (box) {
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "reset") { view = [0, 1]; place(); } else zoom(z === "in" ? 0.5 : 2);
      });
    });
    box.addEventListener("wheel", function (ev) {
      if (!ev.ctrlKey && !ev.shiftKey && Math.abs(ev.deltaX) <= Math.abs(ev.deltaY)) {
        var rect = box.getBoundingClientRect(), ratio = rect.width / box.viewBox.baseVal.width;
        var at = view[0] + ((ev.clientX - rect.left) / ratio - x0) / w * (view[1] - view[0]);
        ev.preventDefault();
        zoom(ev.deltaY < 0 ? 0.8 : 1.25, at);
      } else if (ev.deltaX) { ev.preventDefault(); pan(ev.deltaX / 1000); }
    }, { passive: false });
    var drag = null;
    box.addEventListener("pointerdown", function (ev) { if (ev.button === 0 && !ev.target.closest(".mark")) drag = ev.clientX; });
    window.addEventListener("pointerup", function () { drag = null; });
    box.addEventListener("pointermove", function (ev) {
      if (drag === null) return;
      var ratio = box.getBoundingClientRect().width / box.viewBox.baseVal.width;
      pan(-(ev.clientX - drag) / ratio / w);
      drag = ev.clientX;
    });
    box.addEventListener("keydown", function (ev) {
      var k = ev.key;
      if (k === "+" || k === "=") zoom(0.5);
      else if (k === "-") zoom(2);
      else if (k === "0") { view = [0, 1]; place(); }
      else if ((k === "ArrowRight" || k === "ArrowLeft") && ev.target.closest(".mark")) {
        var vis = marks.filter(function (m) { return m.style.display !== "none" && !m.classList.contains("hidden"); });
        var i = vis.indexOf(ev.target.closest(".mark"));
        var next = vis[i + (k === "ArrowRight" ? 1 : -1)];
        if (next) next.focus();
      } else return;
      ev.preventDefault();
    });
    box.addEventListener("click", function (ev) {
      var a = ev.target.closest("a");
      if (!a) return;
      if (a.classList.contains("mark")) {  // open it where we are: no jump to the anchor
        ev.preventDefault();
        var id = a.getAttribute("data-id");
        try { history.replaceState(null, "", "#" + encodeURIComponent(id)); } catch (e) { /* file: */ }
        showEvent(id);
        return;
      }
      if (a.classList.contains("bin")) {
        ev.preventDefault();
        var from = new Date((Number(a.getAttribute("data-t0")) - 719163) * 864e5).getUTCFullYear();
        document.getElementById("from").value = from;
        document.getElementById("to").value = new Date((Number(a.getAttribute("data-t1")) - 719164) * 864e5).getUTCFullYear();
        filter();
      }
    });
  }

  // ---- lists, keyboard, filters
  function activate(li, fn) {
    li.addEventListener("click", function () { fn(li.getAttribute("data-id")); });
    li.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(li.getAttribute("data-id")); return; }
      var step = { ArrowDown: 1, ArrowUp: -1 }[ev.key];
      var items = Array.prototype.filter.call(li.parentNode.children, function (n) { return !n.classList.contains("hidden"); });
      var i = items.indexOf(li), target = null;
      if (step) target = items[i + step];
      else if (ev.key === "Home") target = items[0];
      else if (ev.key === "End") target = items[items.length - 1];
      if (target) { ev.preventDefault(); target.focus(); }
    });
  }
  document.querySelectorAll("#event-list li").forEach(function (li) {
    activate(li, function (id) { showEvent(id); if (network && byId[id]) network.selectNodes(network.body.data.nodes.get(id) ? [id] : []); });
  });
  document.querySelectorAll("#entity-list li").forEach(function (li) {
    activate(li, function (id) { showEntity(id); if (network) network.selectNodes(network.body.data.nodes.get(id) ? [id] : []); });
  });
  function yearDay(y, end) {
    if (y === "" || isNaN(Number(y))) return end ? Infinity : -Infinity;
    var d = new Date(Date.UTC(2000, end ? 11 : 0, end ? 31 : 1));
    d.setUTCFullYear(Number(y));
    return Math.floor(d.getTime() / 864e5) + 719163 + (end ? 1 : 0);
  }
  function filter() {
    var q = document.getElementById("search").value.toLowerCase();
    var lo = yearDay(document.getElementById("from").value, false);
    var hi = yearDay(document.getElementById("to").value, true);
    var kind = document.getElementById("kind").value;
    var shown = Object.create(null);
    document.querySelectorAll("#event-list li").forEach(function (li) {
      var t0 = li.hasAttribute("data-t0") ? Number(li.getAttribute("data-t0")) : null;
      var t1 = t0 === null ? null : Number(li.getAttribute("data-t1"));
      var ok = (q === "" || li.textContent.toLowerCase().indexOf(q) >= 0) &&
        (kind === "" || (" " + li.getAttribute("data-types") + " ").indexOf(" " + kind + " ") >= 0) &&
        ((lo === -Infinity && hi === Infinity) || (t0 !== null && t1 > lo && t0 < hi));
      li.classList.toggle("hidden", !ok);
      if (ok) shown[li.getAttribute("data-id")] = true;
    });
    if (box) {
      box.querySelectorAll(".mark").forEach(function (m) { m.classList.toggle("hidden", !shown[m.getAttribute("data-id")]); });
      box.querySelectorAll(".link").forEach(function (p) { p.classList.toggle("hidden", !shown[p.getAttribute("data-from")] || !shown[p.getAttribute("data-to")]); });
    }
    document.querySelectorAll("#entity-list li").forEach(function (li) {
      li.classList.toggle("hidden", q !== "" && li.textContent.toLowerCase().indexOf(q) < 0);
    });
  }
  ["search", "from", "to", "kind"].forEach(function (id) {
    var n = document.getElementById(id);
    if (n) n.addEventListener("input", filter);
  });

  function fromHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  // "#%E0%A4%A"
    if (byId[id]) showEvent(id); else if (entById[id]) showEntity(id);
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("keydown", function (ev) {  // Escape closes the detail panel
    if (ev.key === "Escape" && detail.classList.contains("open")) detail.classList.remove("open");
  });
  fromHash();

  // ---- embedded: tell the host page our height so its iframe fits (see the embed snippet)
  if (data.embed && window.parent !== window) {
    var last = 0;
    var report = function () {
      var h = document.documentElement.scrollHeight;
      if (h !== last) { last = h; window.parent.postMessage({ type: "timeline:height", height: h }, "*"); }
    };
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
    report();
  }
  window.__readyAt = performance.now();  // ms since navigation start, for benchmarks
  window.__scriptMs = window.__readyAt - started;
  window.__ready = true;
})();
