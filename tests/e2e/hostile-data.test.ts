/**
 * Issue 14: nothing in the data can run code or become markup. Each dataset fills every text
 * field of the schema with hostile text; the page loads it, every event is selected, the table,
 * the story and the print view are opened, and then: no script ran, no element came from the
 * data, every link is http(s).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateValue } from '../../src/model/validate';
import { HOSTILE, hostileDataset } from '../fixtures/hostile';
import { openPage, type Session } from './browser';

let session: Session;
beforeAll(async () => {
  session = await openPage();
});
afterAll(async () => {
  await session.browser.close();
});

/** Elements the interactive itself never draws, and attributes it never sets. */
function foreignMarkup(): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed', 'video', 'audio', 'image', 'foreignobject'].includes(tag) || (tag === 'script' && root !== document)) found.push(tag);
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      if (tag === 'a') {
        const href = el.getAttribute('href') ?? '';
        if (href && !/^https?:\/\//i.test(href) && !href.startsWith('#') && !href.startsWith('blob:') && !/^[\w./-]+$/.test(href)) found.push(`a[href=${href}]`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  if ((window as unknown as { __pwned?: number }).__pwned) found.push('a script ran');
  return found;
}

async function exercise(data: unknown): Promise<string[]> {
  const body = JSON.stringify(data);
  await session.page.unrouteAll();
  await session.page.route('**/data/events.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await session.page.goto(`${session.baseUrl}?lang=${Math.random() < 0.5 ? 'en' : 'uk'}`);
  await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') !== 'loading', null, { timeout: 45_000 });
  const status = await session.page.getAttribute('chrono-map', 'status');
  if (status === 'ready') {
    await session.page.evaluate(async () => {
      const el = document.querySelector('chrono-map') as unknown as { state: { dataset: { events: { id: string }[] } }; select(id: string): void; goToStep(n: number): void; updateComplete: Promise<unknown> };
      for (const e of el.state.dataset.events) {
        el.select(e.id);
        await el.updateComplete;
      }
      el.goToStep(1);
      await el.updateComplete;
      el.goToStep(2);
      await el.updateComplete;
    });
    await session.page.locator('chrono-map .modes button').nth(1).click();
    await session.page.emulateMedia({ media: 'print' });
    await session.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await session.page.waitForTimeout(300);
    await session.page.emulateMedia({ media: 'screen' });
  }
  return session.page.evaluate(foreignMarkup);
}

describe('hostile data', () => {
  it.each(HOSTILE.map((h, i) => [i, h] as const))('shows hostile string %i as text everywhere: %s', async (_, hostile) => {
    const data = hostileDataset((field, max) => `${hostile} ${field}`.slice(0, max));
    expect(validateValue(structuredClone(data)).ok).toBe(true);
    expect(await exercise(data)).toEqual([]);
  });

  it('refuses 10,000-character strings with a list of problems that is itself inert', async () => {
    const data = hostileDataset(() => `${HOSTILE[0]}${'A'.repeat(10_000)}`);
    expect(await exercise(data)).toEqual([]);
    expect(await session.page.getAttribute('chrono-map', 'status')).toBe('error');
    expect(await session.page.locator('chrono-map .error li').count()).toBeGreaterThan(10);
  });

  it('holds for arbitrary mixes of hostile text (fast-check, fixed seed)', async () => {
    const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('\u202E', '\u200B', '\u2066', '<', '>', '"', "'", '&amp;'));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        let i = 0;
        const data = hostileDataset((field, max) => {
          const text = `${pieces[i++ % pieces.length]}${pieces[i % pieces.length]} ${field}`.trim();
          return text.slice(0, max).trim() || field;
        });
        expect(await exercise(data)).toEqual([]);
      }),
      { seed: 20_261_202, numRuns: 4 },
    );
  });
});
