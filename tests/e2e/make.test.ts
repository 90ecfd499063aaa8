/** Issue 11: the "Make your own" page, in real Chromium. */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { validateJson } from '../../src/model/validate';
import { openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

async function openMake(s: Session): Promise<void> {
  await s.page.goto(new URL('make.html', s.baseUrl).href);
  await s.page.waitForFunction(() => !!customElements.get('cm-maker'));
}

async function choose(s: Session, path: string): Promise<void> {
  await s.page.locator('cm-maker input[type=file]').setInputFiles(path);
  await s.page.waitForFunction(() => document.querySelector('cm-maker')!.shadowRoot!.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
}

describe('the "Make your own" page', () => {
  it('turns a TimelineJS file into a preview that reaches ready, and downloads a dataset that validates', async () => {
    session = await openPage();
    await openMake(session);
    await choose(session, fixture('timelinejs-real.json'));
    expect(await session.page.locator('cm-maker .import-summary').textContent()).toMatch(/TimelineJS \(JSON\): \d+ events at \d+ places/);
    const download = session.page.waitForEvent('download');
    await session.page.locator('cm-maker button.download-dataset').click();
    const file = await (await download).path();
    const result = validateJson(readFileSync(file!, 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(await session.page.locator('cm-maker label', { hasText: 'Embed with the element' }).locator('textarea').inputValue()).toContain('<chrono-map src=');
    expect(session.errors).toEqual([]);
  });

  it('lists errors and warnings apart, and a click on one shows its row in the file', async () => {
    session = await openPage();
    await openMake(session);
    await session.page.locator('cm-maker input[type=file]').setInputFiles(fixture('acled.csv'));
    await session.page.locator('cm-maker .level-warning').waitFor();
    const first = session.page.locator('cm-maker .level-warning .notes button').first();
    await first.click();
    const where = await first.locator('.where').textContent();
    const marked = await session.page.locator('cm-maker pre.source .line.marked').textContent();
    expect(marked).not.toBeNull();
    if (/^row (\d+)/.test(where ?? '')) expect(marked).toMatch(new RegExp(`^${/^row (\d+)/.exec(where!)![1]} `));
  });

  it('applies a title and attribution to the preview, and keeps file and settings across a reload', async () => {
    session = await openPage();
    await openMake(session);
    await choose(session, fixture('chronomap.csv'));
    const title = session.page.locator('cm-maker label', { hasText: 'Title' }).locator('input');
    await title.fill('My classroom timeline');
    await title.dispatchEvent('change');
    const attribution = session.page.locator('cm-maker label', { hasText: 'Attribution' }).locator('input');
    await attribution.fill('Made by class 9B');
    await attribution.dispatchEvent('change');
    await expect.poll(() => session!.page.locator('cm-maker chrono-map .data-attribution').textContent()).toBe('Made by class 9B');
    await session.page.waitForTimeout(300);
    await session.page.reload();
    await session.page.waitForFunction(() => document.querySelector('cm-maker')!.shadowRoot!.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    expect(await session.page.locator('cm-maker label', { hasText: 'Title' }).locator('input').inputValue()).toBe('My classroom timeline');
    await session.page.locator('cm-maker button', { hasText: 'Clear' }).click();
    // Clearing deletes the stored draft asynchronously; the page says so once it is gone.
    await session.page.locator('cm-maker', { hasText: 'Cleared. Nothing is kept in this browser.' }).waitFor();
    await session.page.reload();
    await session.page.waitForTimeout(500);
    expect(await session.page.locator('cm-maker .import-summary').count()).toBe(0);
  });

  it('says why nothing could be used from a broken file, and the page stays usable', async () => {
    session = await openPage();
    await openMake(session);
    await session.page.locator('cm-maker input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"events": [') });
    await expect.poll(() => session!.page.locator('cm-maker .import-summary').textContent()).toContain('Nothing in this file could be shown');
    expect(await session.page.locator('cm-maker .level-error .notes button').count()).toBeGreaterThan(0);
    await choose(session, fixture('timelinejs-real.json'));
  });

  it('works on a phone and has no axe violations', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await openMake(session);
    await choose(session, fixture('timelinejs-real.json'));
    const width = await session.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page: session.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
