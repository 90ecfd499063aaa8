import { AxeBuilder } from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** WCAG 2.1 A and AA rules, run over the page and into every shadow root. */
async function violations(s: Session): Promise<string[]> {
  const result = await new AxeBuilder({ page: s.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it.each([
    ['the default view', '', {}],
    ['an event selected', '#event=white-house-multilateral-european-leaders', {}],
    ['filters applied', '#from=2025-08-14&to=2025-08-22&kinds=attack&status=reported', {}],
    ['the dark theme', '#event=kharkiv-apartment-strike', { colorScheme: 'dark' as const }],
    ['a phone', '#event=alaska-summit-trump-putin', { viewport: { width: 360, height: 640 } }],
    ['Ukrainian', '?lang=uk#event=alaska-summit-trump-putin', {}],
  ])('has no violations in %s', async (_, path, options) => {
    session = await openPage(options);
    expect(await gotoApp(session, path)).toBe('ready');
    expect(await violations(session)).toEqual([]);
  });

  it('has no violations in the table view', async () => {
    session = await openPage();
    await gotoApp(session, '#event=kharkiv-apartment-strike');
    await session.page.locator('chrono-map .modes button', { hasText: 'Table' }).click();
    expect(await violations(session)).toEqual([]);
  });
});
