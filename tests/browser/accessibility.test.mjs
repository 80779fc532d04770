// Accessibility of the built book: axe-core 4 (WCAG 2.0 and 2.1, levels A and
// AA) over every page, in the light theme and each dark theme mdBook ships
// (coal, navy, ayu), and over print.html in print media (what `pdf` prints).
//
// A violation of ours (an element inside <main>: the tool's boxes, badges,
// appendix, jury grid and chart, and the pages' text with the tool's CSS)
// fails the test. mdBook's own (its menu bar and sidebar, its page
// navigation, its code highlighting themes) are printed apart, not hidden.
//
//   cd tests/browser && npm ci && npm test
//
// BOOK_DIR is the book (default ../../target/book); A11Y_BOOK_DIRS, a
// colon-separated list, adds books (CI adds one that shows problems boxes).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { bookDir, browserPath, launch, screenshotDir, serve } from './book-server.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'coal', 'navy', 'ayu'];
// mdBook's pages that hold no content of the book.
const NOT_CONTENT = new Set(['404.html', 'print.html', 'toc.html']);

const books = [bookDir, ...(process.env.A11Y_BOOK_DIRS || '').split(':').filter(Boolean).map((d) => resolve(d))];

let browser;

before(async () => {
  for (const dir of books) {
    assert.ok(existsSync(join(dir, 'print.html')), `${dir}/print.html is missing: build the book first`);
  }
  assert.ok(browserPath && existsSync(browserPath), 'Chromium not found: set CHROMIUM=/path/to/chrome');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Every HTML page of a built book, relative to it, sorted. */
function pagesOf(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.filter((p) => !NOT_CONTENT.has(p)).sort();
}

/** axe's violations on the page, each node marked ours or mdBook's. */
async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const mdbooks = (el) =>
      !el?.closest('main') || !!el.closest('.nav-wrapper, .nav-wide-wrapper, pre > .buttons, code.hljs');
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        why: (n.failureSummary || '').split('\n').slice(1).join(' ').trim().slice(0, 240),
        ours: !mdbooks(document.querySelector(n.target[0])),
      })),
    );
  }, TAGS);
}

/** Runs axe on each page in one context (a theme, or print media). */
async function audit(dir, label, pages, setup) {
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const found = [];
  try {
    const page = await context.newPage();
    await setup(context, page);
    for (const path of pages) {
      await page.goto(`${origin}/${path}`);
      await page.evaluate(() => document.fonts.ready);
      for (const v of await violations(page)) found.push({ ...v, page: path, label });
    }
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
  }
  return found;
}

function report(found) {
  return found.map((v) => `  ${v.label} ${v.page}: ${v.rule} at ${v.target}\n    ${v.html}\n    ${v.why}`).join('\n');
}

for (const dir of books) {
  test(`no accessibility violation of ours in ${relative(process.cwd(), dir) || dir}, four themes and print`, async () => {
    const pages = pagesOf(dir);
    assert.ok(pages.length >= 3, `${dir}: only ${pages.length} pages`);
    const found = [];
    for (const theme of THEMES) {
      found.push(
        ...(await audit(dir, theme, pages, (context) =>
          context.addInitScript((t) => localStorage.setItem('mdbook-theme', t), theme),
        )),
      );
    }
    found.push(...(await audit(dir, 'print', ['print.html'], (_, page) => page.emulateMedia({ media: 'print' }))));
    const theirs = found.filter((v) => !v.ours);
    const ours = found.filter((v) => v.ours);
    const byRule = (list) => {
      const counts = new Map();
      for (const v of list) counts.set(v.rule, (counts.get(v.rule) || 0) + 1);
      return [...counts].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'none';
    };
    console.log(
      `axe-core ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'))).version}` +
        ` (${TAGS.join(', ')}): ${pages.length} pages × ${THEMES.length} themes + print.html in print media`,
    );
    console.log(`mdBook's own (its theme and chrome, not the tool's): ${byRule(theirs)}`);
    const seen = new Set();
    for (const v of theirs) {
      const key = `${v.rule} ${v.label}`;
      if (!seen.has(key)) console.log(`  e.g. ${v.label} ${v.page}: ${v.rule} at ${v.target} — ${v.why}`);
      seen.add(key);
    }
    console.log(`ours: ${byRule(ours)}`);
    assert.equal(ours.length, 0, `violations in the tool's pages:\n${report(ours)}`);
  });
}

test('the appendix in a dark theme (screenshot appendix-dark.png)', async () => {
  const server = await serve(bookDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(() => localStorage.setItem('mdbook-theme', 'navy'));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/skill-coverage.html#tf-matrix-b1`);
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('navy')), true);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'appendix-dark.png') });
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
  }
});
