/* Klarchat minimal loader (backbone). Draws a launcher; opens the websocket only when
   the visitor opens the chat. No cookies, no storage. The full widget replaces this. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script.src, location.href);
  var lang = (script.dataset.lang || document.documentElement.lang || "de").slice(0, 2) === "en" ? "en" : "de";
  var T = {
    de: { open: "Chat öffnen", close: "Chat schließen", accept: "Zustimmen", decline: "Ablehnen",
          send: "Senden", withdraw: "Einwilligung widerrufen", placeholder: "Ihre Nachricht",
          ai: "KI", declined: "Ohne Einwilligung kann der Chat nicht genutzt werden. Sie erreichen uns auch auf anderen Wegen.",
          withdrawn: "Einwilligung widerrufen. Es wird nichts mehr verarbeitet.", removed: "Vor dem Senden entfernt: " },
    en: { open: "Open chat", close: "Close chat", accept: "Accept", decline: "Decline",
          send: "Send", withdraw: "Withdraw consent", placeholder: "Your message",
          ai: "AI", declined: "The chat cannot be used without consent. You can reach us in other ways too.",
          withdrawn: "Consent withdrawn. Nothing more is processed.", removed: "Removed before sending: " }
  }[lang];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  var host = el("div", { id: "klarchat" });
  var root = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent =
    ".launcher{position:fixed;bottom:20px;right:20px;padding:12px 18px;border-radius:24px;border:0;background:#1d4ed8;color:#fff;font:600 16px system-ui;cursor:pointer}" +
    ".panel{position:fixed;bottom:80px;right:20px;width:340px;max-height:70vh;display:flex;flex-direction:column;background:#fff;color:#111;border:1px solid #999;border-radius:8px;font:15px system-ui;overflow:hidden}" +
    ".banner{background:#fef3c7;padding:8px 10px;font-size:14px}.log{flex:1;overflow:auto;padding:8px}" +
    ".msg{margin:6px 0;white-space:pre-wrap}.ai::before{content:attr(data-label);font-weight:700;margin-right:6px}" +
    ".note{font-size:12px;color:#444}.row{display:flex;gap:6px;padding:8px}textarea{flex:1}" +
    "button{font:inherit}[hidden]{display:none}";
  var launcher = el("button", { class: "launcher", type: "button", "aria-expanded": "false" }, T.open);
  root.append(style, launcher);
  document.body.appendChild(host);

  var panel, socket, welcome, log, input, sendButton, withdrawButton, consentBox, current;

  launcher.addEventListener("click", function () {
    if (!panel) build();
    panel.hidden = !panel.hidden;
    launcher.setAttribute("aria-expanded", String(!panel.hidden));
    launcher.textContent = panel.hidden ? T.open : T.close;
    if (!socket) connect();
  });

  function build() {
    panel = el("section", { class: "panel", role: "dialog", "aria-label": "Klarchat", hidden: "" });
    var banner = el("p", { class: "banner", role: "note" });
    withdrawButton = el("button", { type: "button", hidden: "" }, T.withdraw);
    log = el("div", { class: "log", "aria-live": "polite" });
    consentBox = el("form", { class: "consent" });
    input = el("textarea", { rows: "2", "aria-label": T.placeholder, placeholder: T.placeholder, disabled: "" });
    sendButton = el("button", { type: "button", disabled: "" }, T.send);
    var row = el("div", { class: "row" });
    row.append(input, sendButton);
    panel.append(banner, withdrawButton, consentBox, log, row);
    root.append(panel);
    sendButton.addEventListener("click", send);
    withdrawButton.addEventListener("click", function () { frame({ type: "withdraw", purposes: "all" }); });
    panel.banner = banner;
  }

  function connect() {
    var url = new URL("ws", base);
    url.protocol = base.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(url);
    socket.onopen = function () { frame({ type: "hello", lang: lang }); };
    socket.onmessage = function (event) { handle(JSON.parse(event.data)); };
  }

  function frame(data) { socket.send(JSON.stringify(data)); }

  function handle(f) {
    if (f.type === "welcome") { welcome = f; panel.banner.textContent = f.disclosure; showConsent(f); }
    else if (f.type === "consent_recorded") { applyConsent(f.consent); }
    else if (f.type === "redacted") { noteRemoved(f.entities); }
    else if (f.type === "delta") { answer(f.id).textContent += f.text; }
    else if (f.type === "done") { current = null; }
    else if (f.type === "error" || f.type === "consent_required") {
      log.append(el("p", { class: "note", role: "alert" }, f.message || f.type));
    }
  }

  function showConsent(w) {
    consentBox.replaceChildren();
    w.purposes.forEach(function (p) {
      var label = el("label", {});
      var box = el("input", { type: "checkbox", name: p.id });
      label.append(box, " " + p.title + ": " + p.text);
      consentBox.append(label, el("br"));
    });
    var accept = el("button", { type: "button" }, T.accept);
    var decline = el("button", { type: "button" }, T.decline);
    accept.addEventListener("click", function () { decide(true); });
    decline.addEventListener("click", function () { decide(false); });
    consentBox.append(accept, " ", decline);
    applyConsent(w.consent);
  }

  function decide(accepting) {
    var choices = {};
    welcome.purposes.forEach(function (p) {
      choices[p.id] = accepting && consentBox.elements[p.id].checked;
    });
    if (accepting && !choices.ai_chat) { consentBox.elements.ai_chat.focus(); return; }
    frame({ type: "consent", policy_version: welcome.policy_version, choices: choices });
  }

  function applyConsent(state) {
    var active = state.ai_chat && state.ai_chat.current;
    input.disabled = sendButton.disabled = !active;
    withdrawButton.hidden = !active;
    consentBox.hidden = active;
    if (state.ai_chat && state.ai_chat.state === "declined") log.append(el("p", { class: "note" }, T.declined));
    if (state.ai_chat && state.ai_chat.state === "withdrawn") log.append(el("p", { class: "note" }, T.withdrawn));
  }

  function send() {
    var text = input.value.trim();
    if (!text || current) return;
    current = "m" + Date.now();
    log.append(el("p", { class: "msg user" }, text));
    input.value = "";
    frame({ type: "message", id: current, text: text });
  }

  function noteRemoved(entities) {
    var names = Object.keys(entities);
    if (names.length) {
      log.append(el("p", { class: "note" }, T.removed + names.map(function (k) { return entities[k] + " " + k; }).join(", ")));
    }
  }

  function answer(id) {
    var node = log.querySelector('[data-id="' + id + '"]');
    if (!node) {
      node = el("p", { class: "msg ai", "data-id": id, "data-label": T.ai });
      log.append(node);
    }
    return node;
  }
})();
