// timeline page script. Data comes from the JSON block; it is only ever written with
// textContent, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var detail = document.getElementById("detail");
  var byId = {};
  data.events.forEach(function (e) { byId[e.id] = e; });
  var entById = {};
  data.entities.forEach(function (e) { entById[e.id] = e; });

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
  function clear() { while (detail.firstChild) detail.removeChild(detail.firstChild); }
  function docLine(docId) {
    var d = data.documents[docId] || {};
    var p = el("p", "Source: " + (d.title || docId) + (d.published ? " (" + d.published + ")" : ""));
    if (d.url) p.appendChild(el("span", " " + d.url, "url"));
    return p;
  }
  function select(list, id) {
    document.querySelectorAll(".selected").forEach(function (n) { n.classList.remove("selected"); });
    var item = list && list.querySelector('[data-id="' + CSS.escape(id) + '"]');
    if (item) item.classList.add("selected");
  }
  function showEvent(id) {
    var e = byId[id];
    if (!e) return;
    clear();
    detail.appendChild(el("h3", e.label));
    detail.appendChild(el("p", "When: " + (e.value || "undated") + " (" + e.basis + (e.note ? ": " + e.note : "") + ")"));
    detail.appendChild(sentence(e.sentence));
    detail.appendChild(docLine(e.doc));
    select(document.getElementById("event-list"), id);
    highlight([]);
  }
  function highlight(ids) {
    var set = {};
    ids.forEach(function (i) { set[i] = true; });
    document.querySelectorAll("#event-list li").forEach(function (li) {
      li.classList.toggle("hl", !!set[li.getAttribute("data-id")]);
    });
  }
  function showEntity(id) {
    var e = entById[id];
    if (!e) return;
    clear();
    detail.appendChild(el("h3", e.label));
    detail.appendChild(el("p", e.type + (e.aliases.length ? " · also: " + e.aliases.join(", ") : "")));
    var rels = data.relations.filter(function (r) { return r.source === id || r.target === id; });
    rels.forEach(function (r) {
      var s = entById[r.source], t = entById[r.target];
      detail.appendChild(el("p", (s ? s.label : r.source) + " " + r.type + " " + (t ? t.label : r.target) + " (" + r.polarity + ")", "rel"));
      detail.appendChild(sentence(r.sentence));
    });
    detail.appendChild(el("p", e.events.length + " event(s) highlighted in the timeline."));
    highlight(e.events);
    select(document.getElementById("entity-list"), id);
  }

  var network = null;
  if (window.vis && data.graph.nodes.length) {
    var nodes = new vis.DataSet(data.graph.nodes);
    var edges = new vis.DataSet(data.graph.edges);
    network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, {
      layout: { randomSeed: 7 },
      physics: { enabled: data.graph.nodes.length <= 200, stabilization: { iterations: 200 } },
      edges: { smooth: false, font: { size: 10, align: "middle" } },
      interaction: { hover: true, keyboard: true }
    });
    network.on("click", function (p) {
      if (!p.nodes.length) return;
      var id = p.nodes[0];
      if (byId[id]) showEvent(id); else showEntity(id);
    });
  }

  function activate(li, fn) {
    li.addEventListener("click", function () { fn(li.getAttribute("data-id")); });
    li.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(li.getAttribute("data-id")); }
    });
  }
  document.querySelectorAll("#event-list li").forEach(function (li) {
    activate(li, function (id) { showEvent(id); if (network) network.selectNodes([id]); });
  });
  document.querySelectorAll("#entity-list li").forEach(function (li) {
    activate(li, function (id) { showEntity(id); if (network) network.selectNodes([id]); });
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.toLowerCase();
    document.querySelectorAll("#event-list li, #entity-list li").forEach(function (li) {
      li.classList.toggle("hidden", q !== "" && li.textContent.toLowerCase().indexOf(q) < 0);
    });
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (byId[id]) showEvent(id); else if (entById[id]) showEntity(id);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  window.__ready = true;
})();
