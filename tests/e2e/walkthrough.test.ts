/**
 * Issue 9's "done when": fourteen questions a reader brings to the story, each answered in the
 * page through the story card or the search field, in a few actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session;
beforeAll(async () => {
  session = await openPage();
});
afterAll(async () => {
  await session.browser.close();
});

/** What the details and the story card say. */
const shown = () =>
  session.page.evaluate(() => {
    const r = document.querySelector('chrono-map')!.shadowRoot!;
    return `${r.querySelector('cm-details')?.shadowRoot?.textContent ?? ''} ${r.querySelector('cm-story')?.shadowRoot?.textContent ?? ''}`.replace(/\s+/g, ' ');
  });

async function story(step: number): Promise<void> {
  await session.page.locator('chrono-map .story-button').click();
  for (let i = 1; i < step; i++) await session.page.locator('cm-story button', { hasText: 'Next' }).click();
}

async function search(words: string): Promise<void> {
  await session.page.locator('cm-search input').fill(words);
  await session.page.locator('cm-search input').press('Enter');
}

const QUESTIONS: [string, () => Promise<void>, RegExp][] = [
  ['Where and when did Trump and Putin meet?', () => story(1), /15 Aug 2025.*Joint Base Elmendorf-Richardson/],
  ['How long did the summit talks last, by whose account?', () => story(1), /about 2½ hours.*AP/],
  ['Who came to the White House on 18 August?', () => story(3), /Emmanuel Macron.*Friedrich Merz/],
  ['What became of the Moscow proposal?', () => story(4), /answered 'no'/],
  ['Which cities were struck during the summit nights?', () => story(2), /Sumy.*Kharkiv.*Zaporizhzhia/],
  ['How many were killed in the Kharkiv strike, per whom?', () => search('Kharkiv apartment'), /7, including .* local officials/],
  ['What happened in Zaporizhzhia on 18 August?', () => search('Zaporizhzhia missile'), /Two missiles hit Zaporizhzhia/],
  ['How big was the attack of 18–19 August?', () => story(5), /270 drones and 10 missiles/],
  ['Did Trump rule out US troops?', () => story(6), /no US troops would be deployed/],
  ['What weapons deal did Ukraine offer, paid by whom?', () => story(7), /\$90bn of American weapons, paid for largely by European partners/],
  ['What did the coalition of the willing agree to do?', () => story(8), /planning teams would meet US counterparts/],
  ['What does Kyiv want about the children taken to Russia?', () => story(9), /returned before any peace terms/],
  ['What happened in the Oval Office in February?', () => search('Oval Office'), /public dispute/],
  ['What became of the planned Budapest summit?', () => search('Budapest'), /calls off Budapest summit/],
];

describe('fourteen questions of a reader', () => {
  it.each(QUESTIONS)('%s', async (_, find, answer) => {
    await gotoApp(session, '?');
    await find();
    await expect.poll(shown).toMatch(answer);
  });
});
