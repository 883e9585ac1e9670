// Builds the widget into ../static/: the loader (klarchat.js), the chat UI
// (klarchat-ui.js) and the handoff to a person (klarchat-handoff.js). Deterministic: the
// same sources give the same bytes, so a test can rebuild and compare with the committed
// files. `npm run build` runs this.
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

await build({
  ...common,
  entryPoints: [here("src/loader.js")],
  outfile: here("../static/klarchat.js"),
  banner: { js: "/*! Klarchat loader | MIT licence */" },
});
await build({
  ...common,
  entryPoints: [here("src/ui/index.js")],
  outfile: here("../static/klarchat-ui.js"),
  banner: { js: "/*! Klarchat chat UI | MIT licence */" },
});
// Loaded by the chat UI only when the visitor asks for a person (or is already with one).
await build({
  ...common,
  entryPoints: [here("src/handoff/index.js")],
  outfile: here("../static/klarchat-handoff.js"),
  banner: { js: "/*! Klarchat handoff | MIT licence */" },
});
