#!/usr/bin/env node
// Figure 4 of issue 8: the web client's initial JavaScript, compressed, per language build.
// "Initial" is what a first visit must load before the app runs: the scripts index.html names (polyfills, main) and
// every chunk they import statically, transitively (the build also lists these as modulepreload); lazy chunks
// (import("./chunk-….js"), the routes) are left out. Not a test: it prints numbers and never fails on them.
//   npx nx build web && node tools/bench/bundle-size.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BROWSER = new URL('../../dist/apps/web/browser/', import.meta.url).pathname;
const TARGET_KB = 200;

/** Static imports of an esbuild ES module: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`. */
function staticImports(source) {
  const found = new Set();
  for (const match of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    found.add(match[1].slice(2));
  }
  for (const match of source.matchAll(/(?:^|[;}\s])export\s*(?:\*|\{[^}]*\})\s*from\s*["'](\.\/[^"']+\.js)["']/g)) {
    found.add(match[1].slice(2));
  }
  return found;
}

function initialFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]);
  const styles = [
    ...new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1])),
  ];
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of staticImports(readFileSync(join(dir, file), 'utf8'))) queue.push(imported);
  }
  const missingPreloads = preloads.filter((file) => !seen.has(file));
  return { scripts: [...seen], styles, missingPreloads };
}

function sizes(dir, files) {
  let raw = 0;
  let gzip6 = 0;
  let gzip9 = 0;
  let brotli = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gzip6 += gzipSync(content, { level: 6 }).length;
    gzip9 += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip6, gzip9, brotli };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const builds = ['de', 'en'].filter((language) => existsSync(join(BROWSER, language, 'index.html')));
if (builds.length === 0) {
  console.error('dist/apps/web/browser/{de,en}/index.html is missing: build first (npx nx build web).');
  process.exit(1);
}
const rows = [];
for (const language of builds) {
  const dir = join(BROWSER, language);
  const { scripts, styles, missingPreloads } = initialFiles(dir);
  if (missingPreloads.length > 0) console.warn(`${language}: modulepreload not reached by imports: ${missingPreloads}`);
  const js = sizes(dir, scripts);
  const css = sizes(dir, styles);
  rows.push([`${language} initial JS (${scripts.length} files)`, js]);
  rows.push([`${language} initial CSS (${styles.length} file${styles.length === 1 ? '' : 's'})`, css]);
}
const header = ['what', 'raw KB', 'gzip-6 KB', 'gzip-9 KB', 'brotli-11 KB', `gzip-6 vs ${TARGET_KB} KB target`];
const lines = rows.map(([label, size]) => [
  label,
  kb(size.raw),
  kb(size.gzip6),
  kb(size.gzip9),
  kb(size.brotli),
  label.includes(' JS ') ? `${((size.gzip6 / 1024 / TARGET_KB) * 100).toFixed(0)} %` : '–',
]);
const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
const format = (cells) =>
  cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ');
console.log(format(header));
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
for (const line of lines) console.log(format(line));
