/* rasid dashboard: map, timeline, table and review panel.
   Data never goes through innerHTML: every text is set with textContent (see el()). */
"use strict";

(function () {
  const TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#7d3c98",
    "Protests": "#27ae60",
    "Riots": "#d4a017",
    "Strategic developments": "#2e86c1",
  };
  const FIELD_LABELS = {
    fatalities: "killed", injured: "injured", date: "date", location: "place", actor1: "actor 1",
    actor2: "actor 2", event_type: "event words", weapon: "weapon",
  };
  const MAX_TABLE_ROWS = 500;

  const state = {
    config: null,
    events: [],          // as loaded with the server-side filters
    days: null,          // [from, to] ISO dates picked on the timeline, or null
    hiddenTypes: new Set(),
    sort: { key: "date", dir: -1 },
    selected: null,
    markers: new Map(),
  };

  // --- small DOM helpers (text only) ---------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  const $ = (id) => document.getElementById(id);
  const color = (type) => TYPE_COLORS[type] || "#7f8c8d";
  const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"));

  function toast(message, isError) {
    const t = $("toast");
    t.textContent = message;
    t.className = "toast" + (isError ? " error" : "");
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, isError ? 6000 : 2500);
  }

  // --- API -----------------------------------------------------------------------------
  function token() { return sessionStorage.getItem("rasid-token") || ""; }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    if (token()) opts.headers["Authorization"] = "Bearer " + token();
    if (opts.json !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    const response = await fetch(path, opts);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = (body && body.error) || ("request failed (" + response.status + ")");
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function filterParams() {
    const p = new URLSearchParams();
    const add = (key, id) => { const v = $(id).value.trim(); if (v) p.set(key, v); };
    add("since", "f-since"); add("until", "f-until"); add("type", "f-type"); add("country", "f-country");
    add("actor", "f-actor"); add("q", "f-q"); add("min_fatalities", "f-minfat");
    return p;
  }

  async function load() {
    const p = filterParams();
    const exportParams = new URLSearchParams(p);
    ["actor", "q", "min_fatalities"].forEach((k) => exportParams.delete(k));
    exportParams.set("format", "acled-csv");
    $("export-link").href = "/api/export?" + exportParams.toString();
    p.set("limit", "10000");
    p.set("sort", "date");
    try {
      const data = await api("/api/events?" + p.toString());
      state.events = data.events;
      if (data.total > data.events.length) toast("Showing the first " + data.events.length + " of " + data.total + " incidents");
    } catch (e) {
      state.events = [];
      toast(e.message, true);
    }
    state.days = null;
    render(true);
  }

  // --- the visible subset ----------------------------------------------------------------
  function visible() {
    return state.events.filter((e) => {
      if (state.hiddenTypes.has(e.event_type)) return false;
      if (state.days && (!e.date || e.date < state.days[0] || e.date > state.days[1])) return false;
      return true;
    });
  }

  function render(fit) {
    const rows = visible();
    renderKpis(rows);
    renderLegend();
    renderMap(rows, fit);
    renderTimeline();
    renderTable(rows);
  }

  function renderKpis(rows) {
    $("kpi-events").textContent = fmt(rows.length);
    $("kpi-fatalities").textContent = fmt(rows.reduce((s, e) => s + (e.fatalities || 0), 0));
    $("kpi-sources").textContent = fmt(rows.filter((e) => e.n_sources > 1).length);
    const dates = rows.map((e) => e.date).filter(Boolean).sort();
    $("kpi-range").textContent = dates.length ? dates[0] + " → " + dates[dates.length - 1] : "–";
  }

  function renderLegend() {
    const counts = {};
    for (const e of state.events) counts[e.event_type] = (counts[e.event_type] || 0) + 1;
    const list = $("legend");
    list.replaceChildren();
    for (const type of Object.keys(TYPE_COLORS)) {
      const item = el("li", {
        class: state.hiddenTypes.has(type) ? "off" : "",
        title: "Show or hide " + type,
        "data-type": type,
        onclick: () => {
          if (state.hiddenTypes.has(type)) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type);
          render(false);
        },
      },
      el("span", { class: "swatch", style: "background:" + color(type) }),
      el("span", { text: type }),
      el("span", { class: "n", text: fmt(counts[type] || 0) }));
      list.append(item);
    }
  }

  // --- map -------------------------------------------------------------------------------
  let map, cluster;

  function radius(e) { return 5 + Math.min(14, Math.sqrt(e.fatalities || 0) * 2.2); }

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, zoomSnap: 0.25, minZoom: 2, maxZoom: 14 }).setView([31, 40], 4);
    map.attributionControl.setPrefix(false);
    if (state.config.tile_url) {
      L.tileLayer(state.config.tile_url, { attribution: state.config.tile_attribution || "", maxZoom: 18 }).addTo(map);
    } else {
      map.attributionControl.addAttribution("Natural Earth · OCHA/CSO Iraq admin-1");
    }
    try {
      const countries = await (await fetch("/basemap/countries.geojson")).json();
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#b7b1a3", weight: 0.8, fillColor: "#f4f2ec", fillOpacity: state.config.tile_url ? 0 : 1 },
      }).addTo(map);
      const iraq = await (await fetch("/basemap/iraq_admin1.geojson")).json();
      L.geoJSON(iraq, {
        style: { color: "#a39c8c", weight: 0.6, dashArray: "3 3", fill: true, fillOpacity: 0 },
        onEachFeature: (f, layer) => {
          const tip = el("span", {}, f.properties.name || "", " ", el("span", { class: "tip-ar", lang: "ar", dir: "rtl", text: f.properties.name_ar || "" }));
          layer.bindTooltip(tip, { sticky: true, opacity: 0.85 });
        },
      }).addTo(map);
    } catch (e) {
      toast("Base map missing: " + e.message, true);
    }
    cluster = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
    map.addLayer(cluster);
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => el("div", { class: "map-legend" },
      Object.keys(TYPE_COLORS).map((t) => el("div", {}, el("span", { class: "swatch", style: "background:" + color(t) }), t)));
    legend.addTo(map);
  }

  function renderMap(rows, fit) {
    cluster.clearLayers();
    state.markers.clear();
    const layers = [];
    for (const e of rows) {
      if (e.lat === null || e.lon === null) continue;
      const marker = L.circleMarker([e.lat, e.lon], {
        radius: radius(e), color: "#ffffff", weight: 1.2, fillColor: color(e.event_type), fillOpacity: 0.88,
        className: "rasid-marker",
      });
      const tip = el("div", {},
        el("strong", { text: e.sub_event_type }), el("br"),
        (e.date || "undated") + " · " + (e.location || "?"), el("br"),
        "killed " + fmt(e.fatalities));
      marker.bindTooltip(tip, { direction: "top", offset: [0, -4] });
      marker.on("click", () => select(e.id));
      marker.eventId = e.id;
      state.markers.set(e.id, marker);
      layers.push(marker);
    }
    cluster.addLayers(layers);
    if (fit && layers.length) {
      const bounds = L.latLngBounds(layers.map((m) => m.getLatLng()));
      map.fitBounds(bounds.pad(0.25), { maxZoom: 8 });
    }
  }

  // --- timeline (SVG, stacked bars per day) ------------------------------------------------
  const DAY = 86400000;
  const toDay = (iso) => Date.parse(iso + "T00:00:00Z");
  const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function renderTimeline() {
    const box = $("timeline");
    box.replaceChildren();
    const shown = state.events.filter((e) => e.date && !state.hiddenTypes.has(e.event_type));
    const width = box.clientWidth || 800;
    const height = box.clientHeight || 100;
    box.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (!shown.length) {
      const t = svg("text", { x: 8, y: 20, class: "axis" });
      t.textContent = "No dated incidents";
      box.append(t);
      return;
    }
    const dates = shown.map((e) => toDay(e.date));
    const first = Math.min(...dates) - DAY, last = Math.max(...dates) + DAY;
    const days = Math.round((last - first) / DAY) + 1;
    const left = 28, bottom = 16, plotW = width - left - 6, plotH = height - bottom - 6;
    const bw = plotW / days;
    const byDay = new Map();
    for (const e of shown) {
      const d = byDay.get(e.date) || [];
      d.push(e);
      byDay.set(e.date, d);
    }
    const maxN = Math.max(...[...byDay.values()].map((d) => d.length));
    const y = (n) => (plotH * n) / maxN;
    const axis = svg("g", { class: "axis" });
    axis.append(svg("line", { x1: left, x2: width - 6, y1: plotH + 6, y2: plotH + 6 }));
    const yLabel = svg("text", { x: 2, y: 14 }); yLabel.textContent = String(maxN); axis.append(yLabel);
    const ticks = Math.max(1, Math.min(days - 1, Math.floor(plotW / 90)));
    let lastX = -Infinity;
    for (let i = 0; i <= ticks; i++) {
      const ms = first + Math.round((i * (days - 1)) / ticks) * DAY;
      const x = Math.min(left + ((ms - first) / DAY) * bw, width - 62);
      if (x - lastX < 80) continue;
      lastX = x;
      const label = svg("text", { x: x, y: height - 3 });
      label.textContent = toIso(ms);
      axis.append(label);
    }
    box.append(axis);
    const order = Object.keys(TYPE_COLORS);
    for (const [date, list] of byDay) {
      const x = left + ((toDay(date) - first) / DAY) * bw;
      const inSel = !state.days || (date >= state.days[0] && date <= state.days[1]);
      const g = svg("g", { class: "day" + (inSel ? "" : " dim"), "data-date": date });
      let stacked = 0;
      list.sort((a, b) => order.indexOf(a.event_type) - order.indexOf(b.event_type));
      for (const e of list) {
        const h = y(1);
        g.append(svg("rect", {
          class: "bar", x: x + Math.max(0.5, bw * 0.1), width: Math.max(2, bw * 0.8),
          y: plotH + 6 - stacked - h, height: Math.max(1, h - 1), fill: color(e.event_type),
        }));
        stacked += h;
      }
      const title = svg("title", {});
      title.textContent = date + ": " + list.length + " incident" + (list.length === 1 ? "" : "s");
      g.append(title);
      // a full-height hit area makes small days easy to click
      g.append(svg("rect", { x: x, width: Math.max(bw, 6), y: 6, height: plotH, fill: "transparent" }));
      box.append(g);
    }
    if (state.days) {
      const x1 = left + ((toDay(state.days[0]) - first) / DAY) * bw;
      const x2 = left + ((toDay(state.days[1]) - first) / DAY + 1) * bw;
      box.append(svg("rect", { class: "brush", x: x1, width: Math.max(2, x2 - x1), y: 4, height: plotH + 2, "pointer-events": "none" }));
    }
    box.dataset.first = String(first);
    box.dataset.bw = String(bw);
    box.dataset.left = String(left);
    $("timeline-selection").textContent = state.days
      ? (state.days[0] === state.days[1] ? state.days[0] : state.days[0] + " → " + state.days[1]) : "";
    $("timeline-clear").hidden = !state.days;
  }

  function dayAt(evt) {
    const day = evt.target && evt.target.closest ? evt.target.closest("#timeline g.day") : null;
    if (day) return day.dataset.date;
    const box = $("timeline");
    const rect = box.getBoundingClientRect();
    const scale = (box.viewBox.baseVal && box.viewBox.baseVal.width) ? box.viewBox.baseVal.width / rect.width : 1;
    const x = (evt.clientX - rect.left) * scale;
    const i = Math.floor((x - Number(box.dataset.left)) / Number(box.dataset.bw));
    return toIso(Number(box.dataset.first) + Math.max(0, i) * DAY);
  }

  function initTimeline() {
    const box = $("timeline");
    let start = null;
    box.addEventListener("mousedown", (evt) => { if (box.dataset.bw) start = dayAt(evt); });
    window.addEventListener("mouseup", (evt) => {
      if (start === null) return;
      const end = dayAt(evt);
      const range = [start, end].sort();
      start = null;
      const same = state.days && state.days[0] === range[0] && state.days[1] === range[1];
      state.days = same ? null : range;
      render(false);
    });
    $("timeline-clear").addEventListener("click", () => { state.days = null; render(false); });
    window.addEventListener("resize", () => renderTimeline());
  }

  // --- table -----------------------------------------------------------------------------
  function sortValue(e, key) {
    const v = e[key];
    return v === null || v === undefined ? null : v;
  }

  function renderTable(rows) {
    const { key, dir } = state.sort;
    const sorted = rows.slice().sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      if (x === y) return a.id < b.id ? -1 : 1;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
    const body = document.querySelector("#events-table tbody");
    body.replaceChildren(...sorted.slice(0, MAX_TABLE_ROWS).map((e) => el("tr", {
      "data-id": e.id, class: e.id === state.selected ? "selected" : "", onclick: () => select(e.id),
    },
    el("td", { text: e.date || "undated" }),
    el("td", { title: e.event_type }, el("span", { class: "type-dot", style: "background:" + color(e.event_type) }), e.sub_event_type,
      e.locked && e.locked.length ? el("span", { class: "locked-mark", title: "corrected by a reviewer: " + e.locked.join(", "), text: "✎" }) : null),
    el("td", { title: e.location_ar || "" , text: e.location || "" }),
    el("td", { text: [e.country, e.admin1].filter(Boolean).join(" · ") }),
    el("td", { title: e.actor1 || "", text: e.actor1 || "" }),
    el("td", { title: e.actor2 || "", text: e.actor2 || "" }),
    el("td", { class: "num", text: fmt(e.fatalities) }),
    el("td", { class: "num", text: String(e.n_sources) }))));
    $("table-count").textContent = rows.length + " incident" + (rows.length === 1 ? "" : "s")
      + (rows.length > MAX_TABLE_ROWS ? " (first " + MAX_TABLE_ROWS + " listed)" : "")
      + (state.days ? " on the selected days" : "");
    document.querySelectorAll("#events-table th").forEach((th) => {
      th.classList.toggle("sorted-asc", th.dataset.sort === key && dir === 1);
      th.classList.toggle("sorted-desc", th.dataset.sort === key && dir === -1);
    });
  }

  function initTable() {
    document.querySelectorAll("#events-table th").forEach((th) => th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === "date" || key === "fatalities" ? -1 : 1) };
      renderTable(visible());
    }));
  }

  function showOnMap(marker) {
    if (!marker) return;
    try {
      const where = marker.getLatLng();
      const parent = cluster.getVisibleParent(marker);
      if (parent !== marker) map.setView(where, Math.min(12, Math.max(map.getZoom() + 3, 8)), { animate: false });
      else if (!map.getBounds().contains(where)) map.panTo(where, { animate: false });
      if (cluster.getVisibleParent(marker) === marker) marker.openTooltip();
    } catch (e) { /* the map is a convenience here: never let it break the panel */ }
  }

  // --- event panel -----------------------------------------------------------------------
  async function select(id) {
    state.selected = id;
    document.querySelectorAll("#events-table tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === id));
    showOnMap(state.markers.get(id));
    try {
      const detail = await api("/api/events/" + encodeURIComponent(id));
      renderPanel(detail);
    } catch (e) {
      toast(e.message, true);
    }
  }

  function evidenceNode(source) {
    const p = el("p", { class: "evidence", dir: "rtl", lang: "ar" });
    const text = source.evidence || "";
    let at = 0;
    const spans = (source.highlights || []).slice().sort((a, b) => a.start - b.start);
    for (const h of spans) {
      if (h.start < at) continue; // overlapping spans: keep the first
      if (h.start > at) p.append(document.createTextNode(text.slice(at, h.start)));
      p.append(el("mark", { class: "hl hl-" + h.field, title: FIELD_LABELS[h.field] || h.field, "data-field": h.field, text: text.slice(h.start, h.end) }));
      at = h.end;
    }
    if (at < text.length) p.append(document.createTextNode(text.slice(at)));
    return p;
  }

  function place(d) {
    if (!d.location) return "–";
    return d.location + (d.admin1 ? ", " + d.admin1 : "") + (d.country ? " (" + d.country + ")" : "");
  }
  function actorText(name, inter) { return name ? name + (inter ? " [" + inter + "]" : "") : "–"; }

  const EDITORS = {
    event_type: () => Object.keys(state.config.event_types),
    sub_event_type: () => Object.values(state.config.event_types).flat(),
    weapon: () => ["", ...state.config.weapons],
  };

  function fieldRow(d, field, label, shown, arabic) {
    const dd = el("dd", {}, shown);
    if (arabic) dd.append(" ", el("span", { lang: "ar", dir: "rtl", class: "muted", text: arabic }));
    if (d.locked && d.locked.some((k) => k === field || k === field + "_id" || (field === "location" && k === "place_id"))) {
      dd.append(el("span", { class: "locked-mark", title: "corrected by a reviewer", text: " ✎" }));
    }
    const button = el("button", { class: "edit-link", type: "button", "data-edit": field, text: "edit", onclick: () => startEdit(d, field, dd) });
    return [el("dt", { text: label }), dd, el("div", { class: "edit-cell" }, button)];
  }

  function startEdit(d, field, dd) {
    let input;
    if (EDITORS[field]) {
      input = el("select", { name: field }, EDITORS[field]().map((v) => el("option", { value: v, text: v || "(none)" })));
      input.value = d[field] || "";
    } else if (field === "location") {
      input = el("input", { name: field, placeholder: "name; lat; lon", value: [d.location || "", d.lat ?? "", d.lon ?? ""].join("; ") });
    } else if (field === "actor1" || field === "actor2") {
      input = el("input", { name: field, placeholder: "name; inter code 1-8", value: d[field] ? d[field] + "; " + (d[field === "actor1" ? "inter1" : "inter2"] ?? "") : "" });
    } else if (field === "date") {
      input = el("input", { name: field, type: "date", value: d.date || "" });
    } else if (field === "notes") {
      input = el("input", { name: field, value: d.notes || d.note || "" });
    } else {
      input = el("input", { name: field, type: "number", min: 0, step: 1, value: d[field] ?? "" });
    }
    const save = el("button", { class: "button small", type: "submit", text: "Save" });
    const cancel = el("button", { class: "button ghost small", type: "button", text: "Cancel", onclick: () => renderPanel(d) });
    const form = el("form", { class: "edit-form", "data-form": field }, input, save, cancel);
    form.addEventListener("submit", async (evt) => {
      evt.preventDefault();
      let value = input.value.trim();
      if (["fatalities", "fatalities_max", "injured", "injured_max", "time_precision"].includes(field)) value = value === "" ? null : Number(value);
      else if (field === "location") {
        const [name, lat, lon] = value.split(";").map((s) => s.trim());
        value = { name, country: d.country, admin1: d.admin1, lat: lat ? Number(lat) : null, lon: lon ? Number(lon) : null };
      } else if (field === "actor1" || field === "actor2") {
        const [name, inter] = value.split(";").map((s) => s.trim());
        value = name ? { name, inter: inter ? Number(inter) : null } : null;
      } else if (value === "") value = null;
      await review(d.id, "PATCH", "/api/events/" + encodeURIComponent(d.id), { [field]: value }, "Saved " + field);
    });
    dd.replaceChildren(form);
    input.focus();
  }

  async function review(id, method, path, json, done) {
    if (!token()) { toast("Paste a reviewer token (top right) to make changes", true); return null; }
    try {
      const result = await api(path, { method, json });
      toast(done);
      await reloadKeeping(id);
      return result;
    } catch (e) {
      toast(e.message, true);
      return null;
    }
  }

  async function reloadKeeping(id) {
    const days = state.days;
    await load();
    state.days = days;
    render(false);
    if (id && state.events.some((e) => e.id === id)) await select(id);
    else { $("panel-body").hidden = true; $("panel-empty").hidden = false; state.selected = null; }
  }

  function renderPanel(d) {
    const body = $("panel-body");
    $("panel-empty").hidden = true;
    body.hidden = false;
    $("panel").classList.add("open");
    const fields = el("dl", { class: "fields" },
      fieldRow(d, "event_type", "Event type", d.event_type),
      fieldRow(d, "sub_event_type", "Sub-event type", d.sub_event_type),
      fieldRow(d, "date", "Date", (d.date || "unresolved") + (d.time_precision ? " (precision " + d.time_precision + ")" : "")),
      fieldRow(d, "location", "Location", place(d), d.location_ar),
      el("dt", { text: "Coordinates" }), el("dd", { text: d.lat !== null ? d.lat + ", " + d.lon + (d.geo_precision ? "  (geo precision " + d.geo_precision + ")" : "") : "–" }), el("div"),
      fieldRow(d, "actor1", "Actor 1", actorText(d.actor1, d.inter1), d.actor1_ar),
      fieldRow(d, "actor2", "Actor 2", actorText(d.actor2, d.inter2), d.actor2_ar),
      el("dt", { text: "Interaction" }), el("dd", { text: d.interaction || "–" }), el("div"),
      fieldRow(d, "weapon", "Weapon", d.weapon || "–"),
      fieldRow(d, "fatalities", "Killed", d.fatalities_max !== null && d.fatalities_max !== d.fatalities ? fmt(d.fatalities) + " (up to " + fmt(d.fatalities_max) + ")" : fmt(d.fatalities)),
      fieldRow(d, "injured", "Injured", d.injured_max !== null && d.injured_max !== d.injured ? fmt(d.injured) + " (up to " + fmt(d.injured_max) + ")" : fmt(d.injured)),
      el("dt", { text: "Confidence" }), el("dd", { text: d.confidence !== null ? Math.round(d.confidence * 100) + "%" : "–" }), el("div"),
      fieldRow(d, "notes", "Notes", d.locked.includes("notes") ? "reviewer's note (above)" : "as extracted (above)"),
    );
    const sources = d.sources.map((s) => el("div", { class: "source", "data-source": s.id },
      el("div", { class: "source-head" },
        el("span", {}, el("strong", { lang: "ar", dir: "auto", text: s.outlet || "unknown outlet" }), " · ", s.published || "?"),
        el("span", { class: "id", text: s.article_id })),
      s.title ? el("div", { class: "source-title", dir: "rtl", lang: "ar", text: s.title }) : null,
      evidenceNode(s),
      el("div", { class: "says", text: "this report: " + [s.event.sub_event_type, s.event.date || "no date",
        s.event.location ? s.event.location.name : "?", "killed " + fmt(s.event.fatalities), "injured " + fmt(s.event.injured)].join(" · ") }),
      s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer", text: "open article" }) : null,
      d.sources.length > 1 ? el("button", { class: "button ghost small", type: "button", text: "Split this report off",
        onclick: () => review(d.id, "POST", "/api/events/" + encodeURIComponent(d.id) + "/split", { article_id: s.article_id }, "Split") }) : null));
    const mergeInput = el("input", { id: "merge-ids", placeholder: "other incident id(s), comma-separated" });
    const history = d.history.length ? el("ul", { class: "history" }, d.history.map((h) => el("li", {},
      el("span", { class: "when", text: h.at.replace("T", " ").slice(0, 16) }), " ", el("strong", { text: h.who }), " ",
      h.field + ": " + JSON.stringify(h.old) + " → " + JSON.stringify(h.new)))) : el("p", { class: "muted", text: "No reviewer changes yet." });
    body.replaceChildren(
      el("div", { class: "type-line" }, el("span", { class: "type-dot", style: "background:" + color(d.event_type) }), d.event_type,
        d.rejected ? el("span", { class: "badge warn", text: "not an event" }) : null,
        d.n_sources > 1 ? el("span", { class: "badge", text: d.n_sources + " sources" }) : null),
      el("h3", { text: d.sub_event_type + " · " + (d.location || "unknown place") }),
      el("div", { class: "id", text: d.id }),
      el("p", { class: "note", text: d.note }),
      fields,
      el("h2", { text: "Sources (" + d.sources.length + ")" }),
      el("div", { class: "hl-legend" }, ["event_type", "date", "location", "actor1", "fatalities"].map((f) =>
        el("mark", { class: "hl hl-" + f, text: { event_type: "event / weapon", date: "date", location: "place", actor1: "actors", fatalities: "killed / injured" }[f] }))),
      ...sources,
      el("div", { class: "review" },
        el("h2", { text: "Review" }),
        el("div", { class: "row" }, mergeInput, el("button", { class: "button small", type: "button", text: "Merge", onclick: () => {
          const ids = mergeInput.value.split(/[\s,]+/).filter(Boolean);
          if (!ids.length) { toast("Enter the id of the incident to merge into this one", true); return; }
          review(d.id, "POST", "/api/events/" + encodeURIComponent(d.id) + "/merge", { with: ids }, "Merged");
        } })),
        el("div", { class: "row" },
          d.rejected
            ? el("button", { class: "button ghost small", type: "button", text: "Restore as an event", onclick: () => review(d.id, "POST", "/api/events/" + encodeURIComponent(d.id) + "/restore", undefined, "Restored") })
            : el("button", { class: "button danger small", type: "button", id: "reject", text: "Mark as not an event", onclick: () => review(null, "DELETE", "/api/events/" + encodeURIComponent(d.id), undefined, "Marked as not an event") }),
          el("a", { class: "button ghost small", href: "/api/articles/" + encodeURIComponent(d.sources[0] ? d.sources[0].article_id : ""), target: "_blank", text: "Article JSON" })),
        el("h2", { text: "History" }), history));
  }

  // --- token -------------------------------------------------------------------------------
  async function checkToken() {
    const who = $("whoami");
    who.className = "whoami";
    if (!token()) { who.textContent = ""; return; }
    try {
      const me = await api("/api/whoami");
      who.textContent = "✓ " + me.name;
    } catch (e) {
      who.textContent = "✗ token refused";
      who.className = "whoami bad";
    }
  }

  function initFilters() {
    const types = $("f-type");
    for (const [type, subs] of Object.entries(state.config.event_types)) {
      types.append(el("option", { value: type, text: type }));
      const group = el("optgroup", { label: type });
      subs.forEach((s) => group.append(el("option", { value: s, text: "  " + s })));
      types.append(group);
    }
    let timer = null;
    const later = () => { clearTimeout(timer); timer = setTimeout(load, 350); };
    ["f-since", "f-until", "f-type", "f-country", "f-minfat"].forEach((id) => $(id).addEventListener("change", load));
    ["f-actor", "f-q"].forEach((id) => $(id).addEventListener("input", later));
    $("f-reset").addEventListener("click", () => {
      ["f-since", "f-until", "f-type", "f-country", "f-actor", "f-q", "f-minfat"].forEach((id) => { $(id).value = ""; });
      state.hiddenTypes.clear();
      load();
    });
    const t = $("token");
    t.value = token();
    t.addEventListener("change", () => {
      if (t.value.trim()) sessionStorage.setItem("rasid-token", t.value.trim());
      else sessionStorage.removeItem("rasid-token");
      checkToken();
    });
  }

  async function fillCountries() {
    try {
      const stats = await api("/api/stats");
      const select = $("f-country");
      stats.by_country.filter((c) => c.country).forEach((c) =>
        select.append(el("option", { value: c.country, text: c.country + " (" + c.events + ")" })));
    } catch (e) { /* private mode without a token: loaded after the token is given */ }
  }

  async function main() {
    try {
      state.config = await api("/api/config");
    } catch (e) {
      toast(e.message, true);
      return;
    }
    initFilters();
    initTable();
    initTimeline();
    await initMap();
    await checkToken();
    await fillCountries();
    await load();
    document.body.dataset.ready = "1";
  }

  window.rasid = { state, select, load };
  main();
})();
