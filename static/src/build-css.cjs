#!/usr/bin/env node
// Builds the stylesheets the shop sends: `make assets` and the Dockerfile run it, with the path of
// the installed Oscar package (its Bootstrap 4 stylesheet and templates):
//
//     node static/src/build-css.cjs /path/to/site-packages/oscar
//
// static/build/souk/souk.css      Oscar's Bootstrap cut down to the selectors our templates and
//                                 the Oscar templates the shop renders use (PurgeCSS), without
//                                 Font Awesome, then our own static/src/souk.css; minified.
// static/build/souk/souk.rtl.css  the same with Bootstrap mirrored by rtlcss for Arabic pages (our
//                                 own rules use logical properties and are not mirrored).
// static/build/oscar/css/dashboard.rtl.css  Oscar's dashboard stylesheet mirrored, whole: the
//                                 dashboard keeps its own CSS, icons and JavaScript.
//
// A template that starts using a Bootstrap class needs the stylesheet rebuilt: the Makefile's
// rule depends on every template, so `make run` and `make test` rebuild it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { PurgeCSS } = require("purgecss");
const rtlcss = require("rtlcss");
const csso = require("csso");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "static", "build");
const APPS = ["marketplace", "catalogue", "cooperatives", "cms", "search"];

function walk(dir, keep, skip) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skip(full)) return [];
    if (entry.isDirectory()) return walk(full, keep, skip);
    return keep(full) ? [full] : [];
  });
}

// Everything that may put a class on a shop page: templates (the dashboard's excepted, it has its
// own stylesheet), Python code that sets widget classes, and our scripts that toggle classes.
function contentFiles(oscar) {
  const sep = path.sep;
  const skip = (file) =>
    file.includes(`${sep}dashboard${sep}`) ||
    file.includes(`${sep}migrations${sep}`) ||
    file.includes(`${sep}__pycache__`) ||
    file.includes(`${sep}settings${sep}`) ||
    file.includes(`${sep}locale${sep}`);
  const html = (file) => file.endsWith(".html");
  const python = (file) => file.endsWith(".py");
  return [
    ...APPS.flatMap((app) => walk(path.join(ROOT, app), (f) => html(f) || python(f), skip)),
    ...walk(path.join(ROOT, "static", "souk"), (f) => f.endsWith(".js"), skip),
    ...walk(path.join(oscar, "templates", "oscar"), html, skip),
    ...walk(path.join(oscar, "forms"), python, skip),
    ...walk(path.join(oscar, "templatetags"), python, skip),
    ...walk(path.join(oscar, "apps"), (f) => f.endsWith(`${sep}forms.py`), skip),
  ];
}

// Classes that templates build from variables, which no file spells out whole.
const SAFELIST = {
  standard: [
    /^alert-(success|info|warning|danger|debug)$/, // message tags (alert_messages.html)
    /^(instock|outofstock|available|unavailable|preorder)$/, // Oscar's availability codes
    /^form-(stacked|horizontal|inline)$/, // Oscar's form_{{ style }}
    "show", // dropdowns opened by static/souk/site.js
  ],
};
// No icon webfont: Font Awesome's classes and its @font-face go, whatever templates mention.
const BLOCKLIST = ["fa", "fas", "far", "fab", "fal", "fad", /^fa-/];

async function shopStylesheet(oscar, oscarCss) {
  const files = contentFiles(oscar);
  const [result] = await new PurgeCSS().purge({
    css: [{ raw: oscarCss }],
    content: files.map((file) => ({
      raw: fs.readFileSync(file, "utf8"),
      extension: path.extname(file).slice(1),
    })),
    safelist: SAFELIST,
    blocklist: BLOCKLIST,
    fontFace: true,
    keyframes: true,
    variables: true,
  });
  return { css: result.css, files: files.length };
}

function minified(css) {
  // Without restructuring: rules keep their order, so the cascade is the one Bootstrap wrote.
  return csso.minify(css, { restructure: false, comments: false }).css;
}

function assertSelfContained(name, css) {
  // The only url() left must be data: URIs: whitenoise's manifest storage resolves every other
  // one at collectstatic time and fails on a missing file (the old icon font did).
  const external = [...css.matchAll(/url\(\s*(['"]?)(?!data:)([^'")]+)\1\s*\)/g)].map((m) => m[2]);
  if (external.length) {
    throw new Error(`${name} refers to files: ${external.join(", ")}`);
  }
}

function write(relative, css) {
  const file = path.join(OUT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, css);
  return `${relative} ${(Buffer.byteLength(css) / 1024).toFixed(1)} KB`;
}

async function main() {
  const oscar = process.argv[2];
  if (!oscar || !fs.existsSync(path.join(oscar, "static", "oscar", "css", "styles.css"))) {
    throw new Error("usage: node static/src/build-css.cjs /path/to/site-packages/oscar");
  }
  const css = (name) => fs.readFileSync(path.join(oscar, "static", "oscar", "css", name), "utf8");
  const ours = fs.readFileSync(path.join(ROOT, "static", "src", "souk.css"), "utf8");

  const bootstrap = await shopStylesheet(oscar, css("styles.css"));
  const ltr = minified(`${bootstrap.css}\n${ours}`);
  const rtl = minified(`${rtlcss.process(bootstrap.css)}\n${ours}`);
  assertSelfContained("souk.css", ltr);
  assertSelfContained("souk.rtl.css", rtl);

  console.log(`PurgeCSS read ${bootstrap.files} files`);
  console.log(write(path.join("souk", "souk.css"), ltr));
  console.log(write(path.join("souk", "souk.rtl.css"), rtl));
  console.log(write(path.join("oscar", "css", "dashboard.rtl.css"), rtlcss.process(css("dashboard.css"))));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
