/** A page in Debian's headless Chromium, with the console, errors and requests it made recorded. */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../vite.config';

export interface Session {
  browser: Browser;
  page: Page;
  baseUrl: string;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Every console message of the page, its frames and its workers, as `type: text`. */
  console: string[];
  /** Content-Security-Policy and Trusted Types violations in any frame, as `directive: blocked URI (source)`. */
  violations: string[];
}

export interface PageOptions {
  flags?: string[];
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  locale?: string;
  /** A phone: touch events and a coarse pointer. */
  touch?: boolean;
  /**
   * Let the build's service worker run. Off by default: a worker answers the page's requests
   * itself, out of reach of `page.route`, so a test's own dataset would be bypassed.
   */
  serviceWorkers?: boolean;
}

export async function openPage(options: PageOptions = {}): Promise<Session> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(options.flags ?? [])] });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    locale: options.locale ?? 'en-GB',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    timezoneId: 'Europe/London',
    serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const messages: string[] = [];
  const violations: string[] = [];
  page.on('console', (m) => {
    messages.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('worker', (w) => w.on('console', (m) => messages.push(`worker ${m.type()}: ${m.text()}`)));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  // Installed by the browser itself in every frame, so no page policy can block it.
  await context.exposeBinding('__reportViolation', (_source, text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${e.effectiveDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  return { browser, page, baseUrl: inject('baseUrl'), errors, requests, console: messages, violations };
}

export interface StaticServer {
  /** Its address, ending in a slash. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a folder on a free port of 127.0.0.1 (a second origin next to the preview's), with
 * these headers on every answer; a missing file is a 404, not a page.
 */
export async function serveFolder(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    // A normalised absolute path never climbs above the root folder.
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Holds the shipped dataset's response back until the returned function is called. */
export async function holdDataset(session: Session): Promise<() => void> {
  const body = await readFile(new URL('../../data/events.json', import.meta.url), 'utf8');
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await session.page.route('**/data/events.json', async (route) => {
    await held;
    await route.fulfill({ body, contentType: 'application/json' });
  });
  return () => release();
}

/** Opens a page path and waits until <chrono-map> leaves `loading`. */
export async function gotoApp(session: Session, path = ''): Promise<string> {
  await session.page.goto(new URL(path, session.baseUrl).href);
  await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') !== 'loading', null, { timeout: 45_000 });
  return (await session.page.getAttribute('chrono-map', 'status')) ?? '';
}

/** The height of an iframe on the page, and of the document inside it (CSS pixels). */
export async function frameHeights(page: Page, selector = 'iframe'): Promise<{ frame: number; content: number }> {
  const handle = await page.locator(selector).first().elementHandle();
  const inner = await handle?.contentFrame();
  if (!handle || !inner) throw new Error(`no frame at ${selector}`);
  const frame = await handle.evaluate((el) => el.getBoundingClientRect().height);
  const content = await inner.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { frame, content };
}

/**
 * Scrolls the frame at `selector` into view and waits until its <chrono-map> is ready: Chromium
 * does not render a cross-origin frame out of view, so an embed there never finishes drawing.
 */
export async function waitForFrameReady(page: Page, selector = 'iframe'): Promise<void> {
  const frame = page.locator(selector).first();
  await frame.scrollIntoViewIfNeeded();
  const inner = await (await frame.elementHandle())?.contentFrame();
  if (!inner) throw new Error(`no frame at ${selector}`);
  await inner.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
}
