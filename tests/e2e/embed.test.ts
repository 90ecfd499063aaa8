/**
 * chronomap-embed.js on a host page of another origin: the iframe it makes, its height, a
 * hostile frame next to it, the postMessage API in both directions, its size; and oembed.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { frameHeights, gotoApp, openPage, serveFolder, waitForFrameReady, type Session, type StaticServer } from './browser';

const baseUrl = inject('baseUrl');
const embedUrl = (query: string) => new URL(`embed.html${query}`, baseUrl).href;

let hosts: StaticServer;
let hostile: StaticServer;
const folders: string[] = [];
let session: Session | undefined;

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'chronomap-embed-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  folders.push(folder);
  return folder;
}

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  // Another origin, posting what a hostile advert frame could: heights in every protocol, a fake
  // report, and commands to every sibling frame.
  hostile = await serveFolder(
    folderWith({
      'hostile.html': page(`<p>Advert</p><script>
setInterval(() => {
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4321 }, '*');
  parent.postMessage('pymxPYMxgraphicxPYMxheightxPYMx4321', '*');
  parent.postMessage({ type: 'chronomap:select', id: 'fake' }, '*');
  for (let i = 0; i < parent.frames.length; i++) {
    if (parent.frames[i] !== window) parent.frames[i].postMessage({ type: 'chronomap:select', id: 'kharkiv-apartment-strike' }, '*');
  }
}, 100);
</script>`),
    }),
  );
  const hostFolder = folderWith({});
  hosts = await serveFolder(hostFolder);
  const origin = new URL(hosts.url).origin;
  const script = `<script src="${new URL('chronomap-embed.js', baseUrl).href}"></script>`;
  const record = `<script>
window.heard = [];
for (const type of ['chronomap:ready', 'chronomap:select', 'chronomap:window-change']) {
  document.addEventListener(type, (e) => heard.push({ embed: e.target.id, type, detail: e.detail }));
}
</script>`;
  writeFileSync(
    join(hostFolder, 'sized.html'),
    page(`<h1>A story</h1>
<div id="graphic" data-chronomap-src="${embedUrl(`?origins=${origin}`)}" data-chronomap-title="Talks and strikes"></div>
<iframe id="advert" src="${hostile.url}hostile.html" title="Advert" width="300" height="100"></iframe>
<div style="width: 300px"><div id="narrow" data-chronomap-src="${embedUrl('?lang=uk')}"></div></div>
${script}`),
  );
  writeFileSync(
    join(hostFolder, 'api.html'),
    page(`${record}
<div id="listed" data-chronomap-src="${embedUrl(`?origins=${origin},https://news.example`)}"></div>
<div id="unlisted" data-chronomap-src="${embedUrl('?origins=https://news.example')}"></div>
<div id="bad" data-chronomap-src="javascript:alert(1)"></div>
${script}`),
  );
  const { html } = (await (await fetch(new URL('oembed.json', baseUrl))).json()) as { html: string };
  writeFileSync(join(hostFolder, 'oembed.html'), page(`<h1>A story</h1>${html}`));
});

afterAll(async () => {
  await hosts.close();
  await hostile.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const stateIn = async (s: Session, selector: string) => {
  const frame = await (await s.page.locator(selector).elementHandle())!.contentFrame();
  return frame!.evaluate(() => {
    const state = (document.querySelector('chrono-map') as unknown as { state: { selected: string | null; window: [number, number] } }).state;
    return { selected: state.selected, window: state.window };
  });
};

describe('embed.html', () => {
  it("opens on its URL's options, without the page's header, and leaves the history alone", async () => {
    session = await openPage();
    expect(await gotoApp(session, 'embed.html?event=alaska-summit-trump-putin&lang=uk&theme=dark&bogus=1&step=zero')).toBe('ready');
    const root = session.page.locator('chrono-map');
    expect(await root.evaluate((el) => (el as unknown as { state: { selected: string } }).state.selected)).toBe('alaska-summit-trump-putin');
    expect(await session.page.locator('chrono-map .root').getAttribute('class')).toContain('dark');
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await session.page.locator('h1, header').count()).toBe(0);
    expect(session.console).toContain('warning: Chronomap embed: ignored invalid URL parameters: step');
    const length = await session.page.evaluate(() => history.length);
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').click();
    await expect.poll(() => root.evaluate((el) => (el as unknown as { state: { selected: string } }).state.selected)).toBe('kharkiv-apartment-strike');
    expect(await session.page.evaluate(() => [history.length, location.hash])).toEqual([length, '']);
  });

  it('has no WCAG 2.1 A or AA violations', async () => {
    session = await openPage();
    expect(await gotoApp(session, 'embed.html?event=white-house-multilateral-european-leaders')).toBe('ready');
    const result = await new AxeBuilder({ page: session.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

describe('chronomap-embed.js', () => {
  it('makes a lazy, titled, full-width iframe with fullscreen allowed and no scroll bar', async () => {
    session = await openPage();
    await session.page.goto(`${hosts.url}sized.html`);
    const iframe = session.page.locator('#graphic iframe');
    expect(await iframe.evaluate((el: HTMLIFrameElement) => ({ title: el.title, loading: el.loading, allow: el.allow, scrolling: el.getAttribute('scrolling'), width: el.getAttribute('width') }))).toEqual({
      title: 'Talks and strikes',
      loading: 'lazy',
      allow: 'fullscreen',
      scrolling: 'no',
      width: '100%',
    });
    expect(await iframe.evaluate((el) => el.getBoundingClientRect().width)).toBe(await session.page.evaluate(() => document.body.getBoundingClientRect().width));
  });

  /** Waits until the frame's height is its content's, three times in a row. */
  async function expectFitted(s: Session, selector: string): Promise<number> {
    let fitted = 0;
    let height = 0;
    await expect
      .poll(
        async () => {
          const { frame, content } = await frameHeights(s.page, selector);
          fitted = Math.abs(frame - content) <= 2 && content > 400 ? fitted + 1 : 0;
          height = frame;
          return fitted;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBeGreaterThanOrEqual(3);
    return height;
  }

  it("follows the content's height at 1024 and 320 px while a hostile frame posts heights and commands", async () => {
    session = await openPage({ viewport: { width: 1024, height: 800 } });
    await session.page.goto(`${hosts.url}sized.html`);
    await waitForFrameReady(session.page, '#graphic iframe');
    for (const width of [1024, 320]) {
      await session.page.setViewportSize({ width, height: 700 });
      await expectFitted(session, '#graphic iframe');
    }
    expect((await stateIn(session, '#graphic iframe')).selected).toBeNull();
    expect(session.errors).toEqual([]);
  });

  it('sizes each of two embeds of the same origin by its own messages only', async () => {
    session = await openPage({ viewport: { width: 1024, height: 800 } });
    await session.page.goto(`${hosts.url}sized.html`);
    await waitForFrameReady(session.page, '#graphic iframe');
    await waitForFrameReady(session.page, '#narrow iframe');
    const wide = await expectFitted(session, '#graphic iframe');
    const narrow = await expectFitted(session, '#narrow iframe');
    expect(Math.abs(wide - narrow)).toBeGreaterThan(100);
  });

  it("obeys a listed origin's commands and reports back, and ignores an unlisted origin's", async () => {
    session = await openPage();
    await session.page.goto(`${hosts.url}api.html`);
    await waitForFrameReady(session.page, '#listed iframe');
    await waitForFrameReady(session.page, '#unlisted iframe');
    const heard = () => session!.page.evaluate(() => (window as unknown as { heard: { embed: string; type: string; detail: unknown }[] }).heard);
    await expect.poll(heard).toContainEqual({ embed: 'listed', type: 'chronomap:ready', detail: {} });

    await session.page.evaluate(() => {
      const host = (window as unknown as { chronomap: { embeds: { element: HTMLElement; select(id: string): void; setWindow(from: string, to: string): void }[] } }).chronomap;
      const listed = host.embeds.find((e) => e.element.id === 'listed')!;
      listed.select('alaska-summit-trump-putin');
      listed.setWindow('2025-08-15', '2025-08-16');
      // The host script sends nothing to an embed that never said it was ready, so post directly.
      document.querySelector<HTMLIFrameElement>('#unlisted iframe')!.contentWindow!.postMessage({ type: 'chronomap:select', id: 'alaska-summit-trump-putin' }, '*');
    });
    await expect.poll(heard).toContainEqual({ embed: 'listed', type: 'chronomap:select', detail: { id: 'alaska-summit-trump-putin' } });
    await expect.poll(heard).toContainEqual({ embed: 'listed', type: 'chronomap:window-change', detail: { from: '2025-08-15T00:00:00.000Z', to: '2025-08-16T00:00:00.000Z' } });
    expect((await stateIn(session, '#listed iframe')).selected).toBe('alaska-summit-trump-putin');

    // The unlisted embed was sent its command before the listed one's reply came back; a moment
    // more, for its frame to have handled it.
    await session.page.waitForTimeout(500);
    expect((await stateIn(session, '#unlisted iframe')).selected).toBeNull();
    // It reports only to its listed origin, so this page heard nothing from it.
    expect((await heard()).filter((h) => h.embed !== 'listed')).toEqual([]);
    // A div whose address is not http(s) gets no frame.
    expect(await session.page.locator('#bad iframe').count()).toBe(0);
  });

  it('is at most 2 kB gzipped, one classic script with no imports', () => {
    const code = readFileSync('dist/chronomap-embed.js');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(2048);
    expect(code.toString()).not.toMatch(/\bimport\b|\bexport\b/);
  });
});

describe('oembed.json', () => {
  it('is a valid oEmbed 1.0 rich answer for the public address, linked from the pages for discovery', async () => {
    const response = await fetch(new URL('oembed.json', baseUrl));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Chronomap', provider_url: baseUrl });
    for (const key of ['html', 'title'] as const) expect(typeof doc[key]).toBe('string');
    for (const key of ['width', 'height'] as const) expect(Number.isInteger(doc[key]) && (doc[key] as number) > 0).toBe(true);
    expect(doc.html).toContain(`src="${baseUrl}embed.html"`);
    for (const path of ['embed.html', '']) {
      const html = await (await fetch(new URL(path, baseUrl))).text();
      expect(html, path || 'index.html').toContain(`<link rel="alternate" type="application/json+oembed" href="${baseUrl}oembed.json"`);
    }
  });

  it("has html that, pasted into another site's page, shows the interactive", async () => {
    session = await openPage();
    await session.page.goto(`${hosts.url}oembed.html`);
    await waitForFrameReady(session.page);
    expect(session.errors).toEqual([]);
  });
});
