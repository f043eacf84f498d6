// opsdocs status page refresh. Optional: without JavaScript the page is complete as built.
// Every minute it reads api/v2/summary.json and updates the banner, component statuses and
// the "updated N minutes ago" line in place. Text is set with textContent, never as HTML.
(function () {
  "use strict";
  var root = document.querySelector("[data-opsdocs-status]");
  if (!root || !window.fetch) return;
  var summaryUrl = root.getAttribute("data-summary");
  var labelsEl = document.getElementById("opsdocs-labels");
  var labels = labelsEl ? JSON.parse(labelsEl.textContent) : {};
  var icons = { none: "\u2713", minor: "!", major: "\u25d0", critical: "\u2715", maintenance: "\u2699",
    operational: "\u2713", degraded_performance: "!", partial_outage: "\u25d0", major_outage: "\u2715",
    under_maintenance: "\u2699" };
  var generatedAt = Date.parse(root.getAttribute("data-now"));

  function label(key, fallback) { return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : fallback; }

  function showAge() {
    var age = root.querySelector("[data-opsdocs-age]");
    if (!age || isNaN(generatedAt)) return;
    var minutes = Math.max(0, Math.floor((Date.now() - generatedAt) / 60000));
    age.textContent = minutes < 1 ? label("status.refreshed_now", "")
      : label("status.refreshed", "").replace("{minutes}", String(minutes));
  }

  function apply(summary) {
    if (!summary || !summary.status) return;
    var indicator = String(summary.status.indicator || "none");
    if (!icons.hasOwnProperty(indicator)) return;
    var banner = root.querySelector("[data-opsdocs-banner]");
    if (banner) {
      banner.className = "opsdocs-banner opsdocs-banner--" + indicator;
      var icon = banner.querySelector(".opsdocs-banner__icon");
      if (icon) icon.textContent = icons[indicator];
      var text = banner.querySelector("[data-opsdocs-indicator]");
      if (text) text.textContent = String(summary.status.description || "");
    }
    (summary.components || []).forEach(function (component) {
      if (component.group) return;
      var status = String(component.status);
      if (!icons.hasOwnProperty(status)) return;
      var row = root.querySelector('[data-opsdocs-component="' + CSS.escape(String(component.id)) + '"]');
      var pill = row && row.querySelector("[data-opsdocs-status-value]");
      if (!pill) return;
      pill.className = "opsdocs-pill opsdocs-pill--" + status;
      pill.setAttribute("data-opsdocs-status-value", status);
      pill.querySelector(".opsdocs-icon").textContent = icons[status];
      pill.querySelector("[data-opsdocs-status-label]").textContent = label("component.status." + status, status);
    });
    var updated = Date.parse(summary.page && summary.page.updated_at);
    if (!isNaN(updated)) generatedAt = updated;
    showAge();
  }

  function refresh() {
    fetch(summaryUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(apply)
      .catch(function () { /* offline: keep what the page says */ });
  }

  showAge();
  setInterval(refresh, 60000);
  setInterval(showAge, 30000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
})();
