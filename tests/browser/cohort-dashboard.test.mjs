// The cohort dashboard (`mdbook-technical-file cohort`) in headless
// Chromium: axe-core 4 (WCAG 2.0 and 2.1, levels A and AA) finds no
// violation on the page in light, dark (prefers-color-scheme) and print
// media; it has no script; screenshots in both themes.
//
// DASHBOARD_DIR is the dashboard's folder (default
// ../../target/cohort-dashboard; the 30-student dashboard of
// tests/it/cohort.rs, which writes it there when
// TECHNICAL_FILE_COHORT_DASHBOARD names the folder). SCREENSHOT_DIR:
// where the screenshots go (`SCREENSHOT_DIR=../../docs` refreshes the
// README's).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const dashboardDir = resolve(process.env.DASHBOARD_DIR || join(here, '../../target/cohort-dashboard'));
const screenshotDir = resolve(process.env.SCREENSHOT_DIR || join(here, '../../target/browser-test'));
const browserPath =
  process.env.CHROMIUM ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser;

before(async () => {
  assert.ok(
    existsSync(join(dashboardDir, 'index.html')),
    `${dashboardDir}/index.html is missing: run TECHNICAL_FILE_COHORT_DASHBOARD=${dashboardDir} cargo test --test it cohort::`,
  );
  assert.ok(browserPath && existsSync(browserPath), 'Chromium not found: set CHROMIUM=/path/to/chrome');
  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  mkdirSync(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
});

async function open(options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  // A static page: every request but the file itself is refused.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(join(dashboardDir, 'index.html')).href);
  return { context, page };
}

async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.html.slice(0, 160)} — ${(n.failureSummary || '').split('\n').slice(1).join(' ').trim()}`),
    );
  }, TAGS);
}

for (const [label, options, media] of [
  ['light', { colorScheme: 'light' }, 'screen'],
  ['dark', { colorScheme: 'dark' }, 'screen'],
  ['print', { colorScheme: 'light' }, 'print'],
]) {
  test(`the dashboard has no accessibility violation (${label})`, async () => {
    const { context, page } = await open(options);
    try {
      await page.emulateMedia({ media });
      const scripts = await page.evaluate(() => document.querySelectorAll('script').length);
      assert.equal(scripts, 0, 'the dashboard has no JavaScript');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (label === 'dark') assert.notEqual(background, 'rgb(255, 255, 255)', 'the dark theme applies');
      const found = await violations(page);
      console.log(`axe-core (${TAGS.join(', ')}), ${label}: ${found.length} violations`);
      assert.deepEqual(found, [], `violations:\n${found.join('\n')}`);
      if (media === 'screen') {
        const suffix = label === 'dark' ? '-dark' : '';
        await page.screenshot({ path: join(screenshotDir, `cohort${suffix}.png`) });
        await page
          .locator('section[aria-labelledby="grid"]')
          .screenshot({ path: join(screenshotDir, `cohort-grid${suffix}.png`) });
      }
    } finally {
      await context.close();
    }
  });
}
