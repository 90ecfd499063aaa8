import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** Console lines that name a policy: Chromium reports blocked loads and Trusted Types this way. */
const policyMessages = (s: Session) => s.console.filter((line) => /Content Security Policy|Trusted Type|TrustedScriptURL|TrustedHTML|Refused to/i.test(line));

/** Opens a page, selects an event on the timeline, opens the table, goes back to the map. */
async function useEverything(s: Session, path: string): Promise<void> {
  const response = await s.page.goto(new URL(path, s.baseUrl).href);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await s.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
  await s.page.locator('cm-timeline [data-event-id="alaska-summit-trump-putin"] .hit').click();
  await expect.poll(() => s.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected)).toBe('alaska-summit-trump-putin');
  await s.page.locator('chrono-map .modes button', { hasText: 'Table' }).click();
  await s.page.locator('cm-table tbody tr').first().waitFor();
  await s.page.locator('chrono-map .modes button', { hasText: 'Timeline and map' }).click();
  // The WebGL map, not its SVG fallback: the worker started under Trusted Types.
  await s.page.waitForFunction(() => {
    const map = document.querySelector('chrono-map')?.shadowRoot?.querySelector('cm-map') as unknown as { mapLibre?: { loaded(): boolean } } | null;
    return !!map?.mapLibre?.loaded();
  }, null, { timeout: 45_000 });
  await s.page.waitForTimeout(300);
}

describe('the strict Content-Security-Policy header with Trusted Types', () => {
  for (const path of ['', 'embed.html']) {
    it(`${path || 'the page'} runs with no violation and no policy message, through selection, table and map`, async () => {
      session = await openPage();
      await useEverything(session, path);
      expect(session.violations).toEqual([]);
      expect(policyMessages(session)).toEqual([]);
      expect(session.errors).toEqual([]);
    });
  }

  it('make.html runs with no violation and no policy message, through a file imported and previewed', async () => {
    session = await openPage();
    await session.page.goto(new URL('make.html', session.baseUrl).href);
    await session.page.locator('cm-maker input[type=file]').setInputFiles(new URL('../fixtures/import/timelinejs-real.json', import.meta.url).pathname);
    await session.page.waitForFunction(() => document.querySelector('cm-maker')?.shadowRoot?.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    await session.page.waitForTimeout(300);
    expect(session.violations).toEqual([]);
    expect(policyMessages(session)).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it("is the header the README tells hosts to send, and every page's own meta policy", () => {
    expect(readFileSync('README.md', 'utf8')).toContain(`\nContent-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    for (const page of ['index.html', 'embed.html', 'make.html']) expect(readFileSync(page, 'utf8')).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
  });

  it('is enforced: a string at a script sink is refused and reported', async () => {
    session = await openPage();
    await session.page.goto(session.baseUrl);
    const refused = await session.page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
    await expect.poll(() => session!.violations.length).toBeGreaterThan(0);
  });
});
