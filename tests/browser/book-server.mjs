// What the browser tests share: the built book served over HTTP on
// 127.0.0.1, and Debian's Chromium driven by playwright-core.
//
// BOOK_DIR (default ../../target/book) is the built book, CHROMIUM the
// browser (default /usr/bin/chromium), SCREENSHOT_DIR where the screenshots
// go (default ../../target/browser-test).

import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const bookDir = resolve(process.env.BOOK_DIR || join(here, '../../target/book'));
export const screenshotDir = resolve(process.env.SCREENSHOT_DIR || join(here, '../../target/browser-test'));
export const browserPath =
  process.env.CHROMIUM ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
};

/** A static server for the book on 127.0.0.1 and a free port. */
export function serve(root) {
  return new Promise((resolvePromise, reject) => {
    const s = createServer((req, res) => {
      let path;
      try {
        path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => resolvePromise(s));
  });
}

/** Headless Chromium, without a sandbox (CI runs as root in a container). */
export function launch() {
  return chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}
