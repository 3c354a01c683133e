#!/usr/bin/env node
// Build the Living Plan front-end assets (run with `npm run build`).
//
//   assets/scss/livingplan.scss -> livingplan/static/dist/livingplan.css
//   assets/js/app.mjs           -> livingplan/static/dist/app.mjs
//   nhsuk-frontend.min.js       -> livingplan/static/dist/nhsuk-frontend.min.js
//   htmx.org dist/htmx.min.js   -> livingplan/static/dist/htmx.min.js
//   the NHS.UK assets the page template, manifest.json and the CSS use
//                               -> livingplan/static/nhsuk/assets/...
//
// Only these files are written; stale files left in the two output folders
// by an earlier build are removed. Exits non-zero on any failure.

import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NODE_MODULES = path.join(ROOT, "node_modules");
const NHSUK_DIST = path.join(NODE_MODULES, "nhsuk-frontend", "dist", "nhsuk");
const NHSUK_ASSETS = path.join(NHSUK_DIST, "assets");
const HTMX_DIST = path.join(NODE_MODULES, "htmx.org", "dist");

const STATIC = path.join(ROOT, "livingplan", "static");
const OUT_DIST = path.join(STATIC, "dist");
const OUT_NHSUK = path.join(STATIC, "nhsuk");
const OUT_ASSETS = path.join(OUT_NHSUK, "assets");

// Must match $nhsuk-assets-path in assets/scss/livingplan.scss (STATIC_URL = /static/).
const STATIC_URL = "/static/";
const ASSETS_URL = `${STATIC_URL}nhsuk/assets/`;

const EXPECTED = { "nhsuk-frontend": "10.6.1", "htmx.org": /^2\./ };

// Assets the page template links to directly (paths relative to assets/).
const TEMPLATE_ASSETS = [
  "manifest.json",
  "images/favicon.ico",
  "images/favicon.svg",
  "images/nhsuk-icon-mask.svg",
  "images/nhsuk-icon-180.png",
];

function fail(message) {
  throw new Error(message);
}

function checkVersions() {
  for (const [name, want] of Object.entries(EXPECTED)) {
    const file = path.join(NODE_MODULES, name, "package.json");
    if (!existsSync(file)) fail(`${name} is not installed: run npm ci`);
    const { version } = JSON.parse(readFileSync(file, "utf8"));
    const ok = typeof want === "string" ? version === want : want.test(version);
    if (!ok) fail(`${name} ${version} installed, expected ${want}: run npm ci`);
  }
}

// Drop a trailing `//# sourceMappingURL=...` / `/*# sourceMappingURL=... */`:
// the .map files are not shipped, and Django's ManifestStaticFilesStorage
// fails collectstatic on a reference to a missing map.
function stripSourceMap(text) {
  return text.replace(/\n?(\/\/# sourceMappingURL=[^\n]*|\/\*# sourceMappingURL=[^*]*\*\/)\s*$/, "\n");
}

// All url(...) values in a CSS string.
function cssUrls(css) {
  const urls = new Set();
  for (const m of css.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/g)) urls.add(m[2]);
  return [...urls];
}

// Asset sub-path (relative to assets/) for a URL in the compiled CSS.
function assetPathForCssUrl(url) {
  if (url.startsWith("data:") || url.startsWith("#")) return null;
  if (!url.startsWith(ASSETS_URL)) {
    fail(`compiled CSS references ${url}, outside ${ASSETS_URL}`);
  }
  return url.slice(ASSETS_URL.length).split(/[?#]/)[0];
}

function compileCss() {
  const result = sass.compile(path.join(ROOT, "assets", "scss", "livingplan.scss"), {
    loadPaths: [NODE_MODULES],
    style: "compressed",
    sourceMap: false,
    quietDeps: true,
  });
  return result.css + "\n";
}

// Remove files in `dir` (recursively) whose paths are not in `keep`, then
// any folders left empty.
async function prune(dir, keep) {
  if (!existsSync(dir)) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await prune(full, keep);
      if ((await readdir(full)).length === 0) await rm(full, { recursive: true });
    } else if (!keep.has(full)) {
      await rm(full, { force: true });
    }
  }
}

async function main() {
  const started = performance.now();
  checkVersions();

  const css = compileCss();
  if (css.includes("url(/assets") || css.includes('url("/assets')) {
    fail("compiled CSS still references /assets/: check $nhsuk-assets-path");
  }

  // NHS.UK asset files to copy: template ones, those the CSS references,
  // and the icons listed in manifest.json.
  const assets = new Set(TEMPLATE_ASSETS);
  for (const url of cssUrls(css)) {
    const sub = assetPathForCssUrl(url);
    if (sub) assets.add(sub);
  }
  const manifest = JSON.parse(await readFile(path.join(NHSUK_ASSETS, "manifest.json"), "utf8"));
  for (const icon of manifest.icons ?? []) assets.add(icon.src);

  // Everything to write: destination -> contents.
  const outputs = new Map();
  outputs.set(path.join(OUT_DIST, "livingplan.css"), css);
  outputs.set(
    path.join(OUT_DIST, "nhsuk-frontend.min.js"),
    stripSourceMap(await readFile(path.join(NHSUK_DIST, "nhsuk-frontend.min.js"), "utf8")),
  );
  outputs.set(
    path.join(OUT_DIST, "htmx.min.js"),
    stripSourceMap(await readFile(path.join(HTMX_DIST, "htmx.min.js"), "utf8")),
  );
  outputs.set(path.join(OUT_DIST, "app.mjs"), await readFile(path.join(ROOT, "assets", "js", "app.mjs")));
  for (const sub of [...assets].sort()) {
    const src = path.resolve(NHSUK_ASSETS, sub);
    if (!src.startsWith(NHSUK_ASSETS + path.sep) || !existsSync(src)) {
      fail(`asset ${sub} not found in nhsuk-frontend/dist/nhsuk/assets`);
    }
    outputs.set(path.join(OUT_ASSETS, sub), await readFile(src));
  }

  const keep = new Set(outputs.keys());
  await prune(OUT_DIST, keep);
  await prune(OUT_NHSUK, keep);
  for (const [dest, contents] of outputs) {
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFile(dest, contents);
  }

  const ms = Math.round(performance.now() - started);
  const kb = (Buffer.byteLength(css) / 1024).toFixed(1);
  console.log(
    `build-assets: livingplan.css ${kb} KiB, ${outputs.size - 1 - assets.size} JS files, ` +
      `${assets.size} NHS.UK assets -> ${path.relative(ROOT, STATIC)}/ in ${ms} ms`,
  );
}

main().catch((error) => {
  console.error(`build-assets: FAILED: ${error.message ?? error}`);
  process.exitCode = 1;
});
