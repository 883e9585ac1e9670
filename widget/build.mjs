// Builds the widget into ../static/: the loader (klarchat.js), the chat UI, one per
// language (klarchat-ui.de.js, klarchat-ui.en.js), and the handoff to a person (klarchat-handoff.js). Deterministic: the
// same sources give the same bytes, so a test can rebuild and compare with the committed
// files. `npm run build` runs this.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// CSS is minified, then bundled as a string that the code adopts as a constructed
// stylesheet (no <style> element, no extra request).
const cssAsText = {
  name: "css-as-text",
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const { code } = await transform(source, { loader: "css", minify: true });
      return { contents: code.trim(), loader: "text" };
    });
  },
};

const common = {
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  loader: { ".css": "text" },
  sourcemap: false,
  legalComments: "none",
  charset: "ascii",
  plugins: [cssAsText],
  logLevel: "info",
};

// Subresource Integrity: each script loads the next with the hash of its exact bytes,
// so a site owner who pins the loader (integrity="…" on the one tag) pins all of it.
const sri = async (file) =>
  `sha384-${createHash("sha384").update(await readFile(here(file))).digest("base64")}`;

// Loaded by the chat UI only when the visitor asks for a person (or is already with one).
await build({
  ...common,
  entryPoints: [here("src/handoff/index.js")],
  outfile: here("../static/klarchat-handoff.js"),
  banner: { js: "/*! Klarchat handoff | MIT licence */" },
});
// One chat UI per language: a visitor loads only the words of their own.
const languages = ["de", "en"];
const handoffSri = JSON.stringify(await sri("../static/klarchat-handoff.js"));
for (const lang of languages) {
  await build({
    ...common,
    entryPoints: [here("src/ui/index.js")],
    outfile: here(`../static/klarchat-ui.${lang}.js`),
    banner: { js: "/*! Klarchat chat UI | MIT licence */" },
    define: { __HANDOFF_SRI__: handoffSri, __KLARCHAT_LANG__: JSON.stringify(lang) },
  });
}
const uiSri = {};
for (const lang of languages) uiSri[lang] = await sri(`../static/klarchat-ui.${lang}.js`);
await build({
  ...common,
  entryPoints: [here("src/loader.js")],
  outfile: here("../static/klarchat.js"),
  banner: { js: "/*! Klarchat loader | MIT licence */" },
  define: { __UI_SRI__: JSON.stringify(uiSri) },
});
