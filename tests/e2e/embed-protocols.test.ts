/**
 * embed.html inside the host pages newsrooms already run, each on another origin than the embed:
 * Pym.js and @newswire/frames with their real libraries, WordPress and Datawrapper with their
 * documented host side written out here (their hosts cannot run on this machine). The frame must
 * follow its content's height at a phone's and a desktop's width.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { frameHeights, openPage, serveFolder, waitForFrameReady, type Session, type StaticServer } from './browser';

const embedUrl = (query = '') => new URL(`embed.html${query}`, inject('baseUrl')).href;

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>
<body><h1>${title}</h1><p>A story with a graphic in it.</p>${body}<p>The story goes on.</p></body></html>`;

const HOSTS = {
  pym: page(
    'Pym.js host',
    `<div id="graphic"></div>
<script src="pym.v1.min.js"></script>
<script>new pym.Parent('graphic', ${JSON.stringify(embedUrl())}, { title: 'Chronomap' });</script>`,
  ),
  frames: page(
    '@newswire/frames host',
    `<div data-frame-src="${embedUrl()}" data-frame-attribute-title="Chronomap"></div>
<script type="module">import { autoInitFrames } from './frames.modern.js'; autoInitFrames();</script>`,
  ),
  // WordPress' host side (wp-includes/js/wp-embed.js): a secret per frame in its URL hash, a
  // 'ready' message to it, and heights taken from that frame's window only, clamped to 200–1000.
  wordpress: page(
    'WordPress host',
    `<iframe class="wp-embedded-content" src="${embedUrl()}" title="Chronomap" width="100%" height="338" frameborder="0" scrolling="no"></iframe>
<script>
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || typeof d.secret !== 'string' || /[^a-zA-Z0-9]/.test(d.secret)) return;
  for (const frame of document.querySelectorAll('iframe[data-secret="' + d.secret + '"]')) {
    if (e.source !== frame.contentWindow || d.message !== 'height') continue;
    window.reportedHeight = parseInt(d.value, 10);
    frame.height = Math.min(1000, Math.max(200, parseInt(d.value, 10) || 0));
  }
});
addEventListener('DOMContentLoaded', () => {
  for (const frame of document.querySelectorAll('iframe.wp-embedded-content')) {
    let secret = frame.getAttribute('data-secret');
    if (!secret) {
      secret = Math.random().toString(36).slice(2, 12);
      frame.src += '#?secret=' + secret;
      frame.setAttribute('data-secret', secret);
    }
    frame.contentWindow.postMessage({ message: 'ready', secret }, '*');
  }
});
</script>`,
  ),
  // Datawrapper's responsive embed code: heights keyed by chart id, from the sending frame only.
  datawrapper: page(
    'Datawrapper-style host',
    `<iframe src="${embedUrl('?datawrapper-id=chronomap-1')}" title="Chronomap" width="100%" height="400" frameborder="0" scrolling="no"></iframe>
<script>
addEventListener('message', (e) => {
  const heights = e.data && e.data['datawrapper-height'];
  if (!heights) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== e.source) continue;
    for (const id in heights) frame.style.height = heights[id] + 'px';
  }
});
</script>`,
  ),
};

/** What each host does with a height: WordPress caps it, so its test also reads the height it was told. */
const HOST_RANGE: Record<keyof typeof HOSTS, [number, number]> = {
  pym: [0, Infinity],
  frames: [0, Infinity],
  wordpress: [200, 1000],
  datawrapper: [0, Infinity],
};

let folder: string;
let host: StaticServer;
let session: Session | undefined;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'chronomap-hosts-'));
  copyFileSync('node_modules/pym.js/dist/pym.v1.min.js', join(folder, 'pym.v1.min.js'));
  copyFileSync('node_modules/@newswire/frames/dist/frames.modern.js', join(folder, 'frames.modern.js'));
  for (const [name, html] of Object.entries(HOSTS)) writeFileSync(join(folder, `${name}.html`), html);
  host = await serveFolder(folder);
});

afterAll(async () => {
  await host.close();
  rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** Waits until the frame's height is its content's (as the host clamps it), twice in a row. */
async function expectFitted(s: Session, [min, max]: [number, number]): Promise<{ frame: number; content: number }> {
  let last = { frame: 0, content: 0 };
  let fitted = 0;
  await expect
    .poll(
      async () => {
        last = await frameHeights(s.page);
        fitted = Math.abs(last.frame - Math.min(max, Math.max(min, last.content))) <= 2 ? fitted + 1 : 0;
        return fitted;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBeGreaterThanOrEqual(2);
  return last;
}

describe('embed.html sized by its host page', () => {
  for (const name of Object.keys(HOSTS) as (keyof typeof HOSTS)[]) {
    it(`follows its content's height in a ${name} host at 1024 and 320 px wide`, async () => {
      session = await openPage({ viewport: { width: 1024, height: 800 } });
      await session.page.goto(`${host.url}${name}.html`);
      await waitForFrameReady(session.page);
      const told = () => session!.page.evaluate(() => (window as unknown as { reportedHeight?: number }).reportedHeight ?? null);
      const wide = await expectFitted(session, HOST_RANGE[name]);
      if (name === 'wordpress') expect(Math.abs(Number(await told()) - wide.content)).toBeLessThanOrEqual(2);
      await session.page.setViewportSize({ width: 320, height: 640 });
      const narrow = await expectFitted(session, HOST_RANGE[name]);
      if (name === 'wordpress') await expect.poll(async () => Math.abs(Number(await told()) - (await frameHeights(session!.page)).content)).toBeLessThanOrEqual(2);
      // The views stack on a phone: the content really changed, and the frame followed it.
      expect(narrow.content).toBeGreaterThan(wide.content + 100);
      expect(wide.content).toBeGreaterThan(400);
      expect(session.errors).toEqual([]);
    });
  }
});
