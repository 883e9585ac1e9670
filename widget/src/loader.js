/*
 * Klarchat loader: the one script a site owner embeds.
 *
 * It draws the launcher button and nothing else: no websocket, no further request, no
 * cookie, no storage until the visitor clicks it. The first click loads the chat UI
 * for its language (<server>/static/klarchat-ui.<lang>.js) and hands over to `window.KlarchatUI.mount`.
 * Styles come from a constructed stylesheet, so a page CSP without 'unsafe-inline' works.
 */
import css from "./loader.css";

(() => {
  const script =
    document.currentScript || document.querySelector('script[src*="klarchat.js"]');
  if (!script || document.querySelector("klarchat-widget")) return;

  const data = script.dataset;
  const src = new URL(script.src, location.href);
  // Served as /klarchat.js (or /static/klarchat.js): the server's base is the root above.
  const base = new URL(/\/static\/[^/]*$/.test(src.pathname) ? "../" : "./", src).href;
  // data-lang, else the page's <html lang>, whichever is German or English; else German.
  const lang =
    [data.lang, document.documentElement.lang]
      .map((l) => (l || "").slice(0, 2).toLowerCase())
      .find((l) => l === "de" || l === "en") || "de";
  const position = data.position === "bottom-left" ? "bottom-left" : "bottom-right";

  const start = () => {
    const host = document.createElement("klarchat-widget");
    host.id = "klarchat";
    host.lang = lang;
    host.setAttribute("data-kc", "host");
    host.setAttribute("data-position", position);
    const shadowRoot = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadowRoot.adoptedStyleSheets = [sheet];

    const launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("data-kc", "launcher");
    launcher.setAttribute("aria-expanded", "false");
    launcher.textContent = lang === "en" ? "Open chat" : "Chat öffnen";
    shadowRoot.append(launcher);
    document.body.append(host);

    const load = () => {
      launcher.onclick = null;
      const ui = document.createElement("script");
      ui.src = base + "static/klarchat-ui." + lang + ".js";
      // The bundle's hash, written in at build time: a changed file does not run.
      ui.integrity = __UI_SRI__[lang];
      ui.crossOrigin = "anonymous";
      ui.onload = () =>
        window.KlarchatUI.mount({ host, shadowRoot, launcher, base, lang, position, site: data.site });
      ui.onerror = () => {
        ui.remove();
        launcher.onclick = load;
      };
      document.head.append(ui);
    };
    launcher.onclick = load;
  };

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
