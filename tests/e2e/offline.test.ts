/**
 * Offline use. The classroom file (`npm run package`) opened from disk with every request to
 * the network refused; and the hosted build, once visited, reloaded with the network off.
 * Firefox (Debian's firefox-esr) is driven by puppeteer-core over WebDriver BiDi, as Playwright
 * drives only its own patched Firefox builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { OFFLINE_FILE, offlinePackageSize } from '../../scripts/package';
import { gotoApp, holdDataset, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const status = (s: Session) => s.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') !== 'loading', null, { timeout: 60_000 }).then(() => s.page.getAttribute('chrono-map', 'status'));
const mapDrawnWith = (s: Session) =>
  s.page.waitForFunction(() => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')?.getAttribute('drawn-with'), null, { timeout: 60_000 }).then((h) => h.jsonValue());

beforeAll(() => {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/package.ts'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stderr}`);
}, 120_000);

describe('the offline classroom file', () => {

  it('is one HTML file of a few megabytes', () => {
    const bytes = offlinePackageSize();
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(8_000_000);
  });

  it('reaches ready from file:// with every request to the network refused, the WebGL map drawn', async () => {
    session = await openPage();
    const refused: string[] = [];
    await session.page.context().route('**', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      refused.push(url);
      return route.abort();
    });
    await session.page.goto(pathToFileURL(OFFLINE_FILE).href);
    expect(await status(session)).toBe('ready');
    expect(await mapDrawnWith(session)).toBe('webgl');
    expect(await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { dataset: { events: unknown[] } } }).state.dataset.events.length)).toBeGreaterThan(50);
    expect(refused).toEqual([]);
    expect(session.requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('draws the SVG map from file:// where WebGL is off', async () => {
    session = await openPage({ flags: ['--disable-webgl', '--disable-3d-apis'] });
    await session.page.goto(pathToFileURL(OFFLINE_FILE).href);
    expect(await status(session)).toBe('ready');
    expect(await mapDrawnWith(session)).toBe('svg');
  });
});

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// CI installs Firefox (.ci/run); elsewhere a machine without it skips this one test, by name.
describe.skipIf(!existsSync(FIREFOX) && !process.env.CI)(`the offline classroom file in Firefox (${FIREFOX})`, () => {
  it('reaches ready from file:// with the network unreachable, with the SVG map where headless Firefox has no WebGL', async () => {
    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Every request that is not a file goes to a proxy that refuses it.
      extraPrefsFirefox: { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9, 'network.proxy.allow_hijacking_localhost': true },
    });
    try {
      const page = await firefox.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(pathToFileURL(OFFLINE_FILE).href);
      await page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') !== 'loading', { timeout: 60_000 });
      expect(await page.evaluate(() => document.querySelector('chrono-map')!.getAttribute('status'))).toBe('ready');
      const drawnWith = await page.waitForFunction(() => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')?.getAttribute('drawn-with'), { timeout: 60_000 });
      const webgl = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
      expect(await drawnWith.jsonValue()).toBe(webgl ? 'webgl' : 'svg');
      expect(await page.evaluate(() => document.querySelector('chrono-map')!.shadowRoot!.querySelectorAll('cm-map').length)).toBe(1);
      expect(await page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { dataset: { events: unknown[] } } }).state.dataset.events.length)).toBeGreaterThan(50);
      expect(requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 120_000);
});

describe('the hosted build', () => {
  it('starts caching itself only once the interactive has drawn, not while its dataset is on its way', async () => {
    session = await openPage({ serviceWorkers: true });
    const release = await holdDataset(session);
    const opened = gotoApp(session);
    // The page has loaded and sits idle, waiting for its data: caching the build would compete with it.
    await expect.poll(() => session!.page.locator('chrono-map .loading').count(), { timeout: 10_000 }).toBe(1);
    await session.page.waitForTimeout(2_500);
    const registered = () => session!.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    expect(await registered()).toBe(false);
    release();
    expect(await opened).toBe('ready');
    await expect.poll(registered, { timeout: 30_000 }).toBe(true);
  });

  it('opens again with the network off once it has been visited', async () => {
    session = await openPage({ serviceWorkers: true });
    expect(await gotoApp(session, '?lang=uk')).toBe('ready');
    // The worker registers once the page is quiet, caches the build, then takes the page over.
    await session.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    const cached = await session.page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await caches.open(k)).keys()))).flat().map((r) => new URL(r.url).pathname));
    for (const part of ['/data/events.json', 'countries-110m', 'countries-50m', 'maplibre-gl-worker', '/index.html']) expect(cached.some((path) => path.includes(part))).toBe(true);
    await session.page.context().setOffline(true);
    await session.page.reload();
    expect(await status(session)).toBe('ready');
    expect(await mapDrawnWith(session)).toBe('webgl');
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('uk');
  });
});
