// awstutor's one script for every page (console, workshop dashboard). No framework: pages are
// rendered on the server; this keeps "live regions" current and adds small conveniences.
//
// A live region: <div data-live="URL" data-events="EVENTS-URL" data-topics="s3 iam">.
// When an event of one of its topics arrives on EVENTS-URL (server-sent events), the region
// re-fetches URL (an HTML fragment) and replaces its content. After a reconnect every region
// refreshes, so nothing that happened while the stream was down is missed.
(function () {
  "use strict";

  var sources = {};
  var pending = new Map();

  function topicsOf(el) {
    return (el.getAttribute("data-topics") || "*").split(/\s+/).filter(Boolean);
  }

  function refresh(el) {
    if (pending.has(el)) return;
    // debounce: a burst of calls (an upload loop) refreshes a region once
    pending.set(el, setTimeout(function () {
      pending.delete(el);
      var url = el.getAttribute("data-live");
      fetch(url, { headers: { "X-Awstutor-Fragment": "1" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var focused = document.activeElement && el.contains(document.activeElement) ? document.activeElement.id : null;
          el.innerHTML = html;
          el.setAttribute("data-refreshed", String(Date.now()));
          if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
          document.dispatchEvent(new CustomEvent("awstutor:refreshed", { detail: el }));
        })
        .catch(function () { el.setAttribute("data-stale", "true"); });
    }, 150));
  }

  function regionsFor(eventsUrl) {
    return Array.prototype.slice.call(document.querySelectorAll("[data-live]"))
      .filter(function (el) { return el.getAttribute("data-events") === eventsUrl; });
  }

  function listen(eventsUrl) {
    if (sources[eventsUrl] || !window.EventSource) return;
    var source = new EventSource(eventsUrl);
    sources[eventsUrl] = source;
    var opened = false;
    source.onopen = function () {
      document.documentElement.setAttribute("data-live-connected", "true");
      if (opened) regionsFor(eventsUrl).forEach(refresh);
      opened = true;
    };
    source.onerror = function () {
      document.documentElement.setAttribute("data-live-connected", "false");
    };
    var topics = new Set();
    regionsFor(eventsUrl).forEach(function (el) { topicsOf(el).forEach(function (t) { topics.add(t); }); });
    var handler = function (event) {
      regionsFor(eventsUrl).forEach(function (el) {
        var t = topicsOf(el);
        if (t.indexOf("*") >= 0 || t.indexOf(event.type) >= 0) refresh(el);
      });
      document.dispatchEvent(new CustomEvent("awstutor:event", { detail: { type: event.type, data: event.data } }));
    };
    source.onmessage = handler;
    topics.forEach(function (t) { if (t !== "*") source.addEventListener(t, handler); });
    // pages may list extra topics they care about for "*" regions
    (document.body.getAttribute("data-all-topics") || "").split(/\s+/).filter(Boolean)
      .forEach(function (t) { source.addEventListener(t, handler); });
  }

  function confirmForms() {
    document.addEventListener("submit", function (e) {
      var form = e.target;
      var question = form.getAttribute && form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) e.preventDefault();
    });
  }

  function toggles() {
    // <button data-toggle-class="large" data-target="body">: keyboard-usable display switches
    document.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest("[data-toggle-class]");
      if (!button) return;
      var target = document.querySelector(button.getAttribute("data-target") || "body");
      var on = target.classList.toggle(button.getAttribute("data-toggle-class"));
      button.setAttribute("aria-pressed", String(on));
      try { localStorage.setItem("awstutor:" + button.getAttribute("data-toggle-class"), on ? "1" : ""); } catch (ignored) {}
    });
    document.querySelectorAll("[data-toggle-class]").forEach(function (button) {
      var cls = button.getAttribute("data-toggle-class");
      var saved = null;
      try { saved = localStorage.getItem("awstutor:" + cls); } catch (ignored) {}
      if (saved) {
        document.querySelector(button.getAttribute("data-target") || "body").classList.add(cls);
        button.setAttribute("aria-pressed", "true");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var urls = new Set();
    document.querySelectorAll("[data-live]").forEach(function (el) {
      var u = el.getAttribute("data-events");
      if (u) urls.add(u);
    });
    urls.forEach(listen);
    confirmForms();
    toggles();
  });
})();
