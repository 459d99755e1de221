/* Marsad's pages: timelines (uPlot), offline maps (Leaflet over the shipped world outline), and the
   highlighting of a fact's evidence when an article is opened at #q…, #e…, #p…, #n…, #d…. No inline
   script anywhere: pages hand their data over in <script type="application/json"> blocks. */
(function () {
  "use strict";

  var COLOURS = ["#1f6f9f", "#c0392b", "#2e8b57", "#8e44ad"];
  var KIND_COLOURS = { country: "#1f77b4", region: "#2ca02c", city: "#d62728", landmark: "#9467bd", other: "#8c564b", event: "#e67e22" };

  function dataOf(el) {
    var source = document.getElementById(el.getAttribute("data-source"));
    return source ? JSON.parse(source.textContent) : null;
  }

  // Evidence ------------------------------------------------------------------------------------
  function focusFact() {
    Array.prototype.forEach.call(document.querySelectorAll(".focus"), function (el) { el.classList.remove("focus"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^[a-z]\d+$/.test(id)) { return; }
    var parts = document.querySelectorAll(".f-" + id);
    Array.prototype.forEach.call(parts, function (el) { el.classList.add("focus"); });
    if (parts.length) { parts[0].scrollIntoView({ block: "center" }); }
  }

  // Timelines -----------------------------------------------------------------------------------
  var DAY = 86400;
  function isoDay(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

  function timeline(el) {
    var data = dataOf(el);  // {days: [...], series: [[name, counts], ...], labels: {name: label}}
    if (!data || !data.days.length) { return; }
    var xs = data.days.map(function (day) { return Date.parse(day + "T00:00:00Z") / 1000; });
    var few = xs.length < 3;
    var series = [{ label: "اليوم", value: function (u, t) { return t === null ? "--" : isoDay(t); } }];
    data.series.forEach(function (pair, i) {
      var colour = COLOURS[i % COLOURS.length];
      var options = { label: (data.labels && data.labels[pair[0]]) || pair[0], stroke: colour, width: 1.5, points: { show: few } };
      if (i === 0) {
        options.fill = colour + "55";
        options.paths = uPlot.paths.bars({ size: [0.8, 24] });
        options.points = { show: false };
      }
      series.push(options);
    });
    var height = 150;
    var plot = new uPlot({
      width: Math.max(el.clientWidth, 200),
      height: height,
      scales: {
        // Half a day of margin around the first and last day, so their bars show whole (a fixed range: uPlot's own widens one day to years).
        x: { time: true, auto: false, range: [xs[0] - DAY / 2, xs[xs.length - 1] + DAY / 2] },
        y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } }
      },
      axes: [
        { space: 80, incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY],
          values: function (u, splits) { return splits.map(isoDay); } },
        { size: 36 }
      ],
      legend: { show: data.series.length > 1 },
      series: series
    }, [xs].concat(data.series.map(function (pair) { return pair[1]; })), el);
    el.setAttribute("data-rendered", String(xs.length));
    window.addEventListener("resize", function () { plot.setSize({ width: Math.max(el.clientWidth, 200), height: height }); });
  }

  // Maps ----------------------------------------------------------------------------------------
  var world = null;
  function withWorld(callback) {
    if (world) { callback(world); return; }
    fetch("/map/world.geojson").then(function (response) { return response.json(); }).then(function (data) {
      world = data;
      callback(world);
    });
  }

  function tooltip(point) {
    var box = document.createElement("span");
    box.textContent = (point.name || "") + " (" + point.n + ")";  // textContent: names come from articles
    return box;
  }

  function map(el) {
    var points = dataOf(el) || [];
    // A view first: Leaflet cannot add layers to a map that has none.
    var view = L.map(el, { minZoom: 1, maxZoom: 9, zoomSnap: 0.5, worldCopyJump: false }).setView([25, 30], 2);
    view.attributionControl.setPrefix(false);
    view.on("zoomend", function () { el.setAttribute("data-zoom", String(view.getZoom())); });
    view.attributionControl.addAttribution("Natural Earth");
    withWorld(function (outline) {
      L.geoJSON(outline, { interactive: false, style: { color: "#9aa39a", weight: 0.6, fillColor: "#e6eadf", fillOpacity: 1 } }).addTo(view);
      var markers = [];
      points.forEach(function (point) {
        if (point.lat === null || point.lon === null) { return; }
        var marker = L.circleMarker([point.lat, point.lon], {
          radius: 4 + Math.min(10, Math.sqrt(point.n || 1)),
          color: "#ffffff", weight: 1, fillColor: KIND_COLOURS[point.kind] || KIND_COLOURS.other, fillOpacity: 0.85
        }).bindTooltip(tooltip(point));
        if (point.href) { marker.on("click", function () { location.href = point.href; }); }
        marker.addTo(view);
        markers.push([point.lat, point.lon]);
      });
      if (markers.length === 1) { view.setView(markers[0], 5); }
      else if (markers.length) { view.fitBounds(markers, { padding: [24, 24], maxZoom: 6 }); }
      el.setAttribute("data-markers", String(markers.length));
    });
  }

  function start() {
    if (window.uPlot) { Array.prototype.forEach.call(document.querySelectorAll(".timeline[data-source]"), timeline); }
    if (window.L) { Array.prototype.forEach.call(document.querySelectorAll(".map[data-source]"), map); }
    focusFact();
    window.addEventListener("hashchange", focusFact);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
