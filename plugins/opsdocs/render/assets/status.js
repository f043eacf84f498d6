// opsdocs status page refresh. Optional: without JavaScript the page is complete as built and
// says when it was built ("as of"). With it, the page:
// - every minute reads api/v2/summary.json and updates the banner and component statuses in
//   place (text is set with textContent, never as HTML);
// - moves on by itself when a maintenance window it knows of starts or ends (the changes the
//   build computed, in #opsdocs-ahead), even when the next build is late; once a newer build's
//   summary.json arrives, those are dropped, being of older data;
// - says how old its data is ("updated N min ago") and, once that is more than the status
//   plugin's stale_after_minutes (data-stale-after), shows a notice that it may be out of date.
(function () {
  "use strict";
  var root = document.querySelector("[data-opsdocs-status]");
  if (!root) return;
  var summaryUrl = root.getAttribute("data-summary");
  function readJson(id, fallback) {
    var el = document.getElementById(id);
    try { return el ? JSON.parse(el.textContent) : fallback; } catch (e) { return fallback; }
  }
  var labels = readJson("opsdocs-labels", {});
  var ahead = readJson("opsdocs-ahead", []);
  var icons = { none: "\u2713", minor: "!", major: "\u25d0", critical: "\u2715", maintenance: "\u2699",
    operational: "\u2713", degraded_performance: "!", partial_outage: "\u25d0", major_outage: "\u2715",
    under_maintenance: "\u2699" };
  // When the data shown was true: the build's time, or the newer summary's.
  var dataTime = Date.parse(root.getAttribute("data-now"));
  var staleAfter = parseInt(root.getAttribute("data-stale-after"), 10);
  var shownChange = null;

  function label(key, fallback) { return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : fallback; }

  function showIndicator(indicator, description) {
    if (!icons.hasOwnProperty(indicator)) return;
    var banner = root.querySelector("[data-opsdocs-banner]");
    if (!banner) return;
    banner.className = "opsdocs-banner opsdocs-banner--" + indicator;
    var icon = banner.querySelector(".opsdocs-banner__icon");
    if (icon) icon.textContent = icons[indicator];
    var text = banner.querySelector("[data-opsdocs-indicator]");
    if (text) text.textContent = description;
  }

  function showComponent(id, status) {
    if (!icons.hasOwnProperty(status)) return;
    var row = root.querySelector('[data-opsdocs-component="' + CSS.escape(String(id)) + '"]');
    var pill = row && row.querySelector("[data-opsdocs-status-value]");
    if (!pill) return;
    pill.className = "opsdocs-pill opsdocs-pill--" + status;
    pill.setAttribute("data-opsdocs-status-value", status);
    pill.querySelector(".opsdocs-icon").textContent = icons[status];
    pill.querySelector("[data-opsdocs-status-label]").textContent = label("component.status." + status, status);
  }

  function minutesOld() {
    return Math.max(0, Math.floor((Date.now() - dataTime) / 60000));
  }

  function showAge() {
    if (isNaN(dataTime)) return;
    var minutes = minutesOld();
    var age = root.querySelector("[data-opsdocs-age]");
    if (age) {
      age.textContent = minutes < 1 ? label("status.refreshed_now", "")
        : label("status.refreshed", "").replace("{minutes}", String(minutes));
    }
    var stale = root.querySelector("[data-opsdocs-stale]");
    if (stale && staleAfter > 0) {
      stale.hidden = minutes < staleAfter;
      stale.textContent = stale.hidden ? "" : label("status.stale", "").replace("{minutes}", String(minutes));
    }
  }

  // The latest scheduled change whose time has come and that the data shown does not yet hold.
  function moveOn() {
    var now = Date.now();
    var due = null;
    for (var i = 0; i < ahead.length; i++) {
      var at = Date.parse(ahead[i].at);
      if (at > dataTime && at <= now) due = ahead[i];
    }
    if (!due || due === shownChange) return;
    shownChange = due;
    var indicator = String(due.indicator);
    showIndicator(indicator, label("status.indicator." + indicator, indicator));
    Object.keys(due.components || {}).forEach(function (id) { showComponent(id, String(due.components[id])); });
  }

  function apply(summary) {
    if (!summary || !summary.status) return;
    var updated = Date.parse(summary.page && summary.page.updated_at);
    if (!isNaN(updated) && updated < dataTime) return; // older than what the page shows
    showIndicator(String(summary.status.indicator || "none"), String(summary.status.description || ""));
    (summary.components || []).forEach(function (component) {
      if (!component.group) showComponent(component.id, String(component.status));
    });
    if (!isNaN(updated) && updated > dataTime) {
      // A newer build: the changes this page knows of were computed from older data.
      ahead = [];
      dataTime = updated;
    }
    shownChange = null;
    tick();
  }

  function refresh() {
    if (!window.fetch || !summaryUrl) return;
    fetch(summaryUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(apply)
      .catch(function () { /* offline: keep what the page says */ });
  }

  function tick() {
    moveOn();
    showAge();
  }

  tick();
  setInterval(refresh, 60000);
  setInterval(tick, 30000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { tick(); refresh(); } });
})();
