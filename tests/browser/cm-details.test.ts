import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/cm-details';
import type { CmDetails } from '../../src/components/cm-details';
import type { PickEvent } from '../../src/components/events';
import { buildDataset, type Dataset } from '../../src/model/dataset';
import { validateValue } from '../../src/model/validate';
import { dataset, event } from '../fixtures/datasets';

function data(): Dataset {
  const result = validateValue(
    dataset({
      languages: ['en', 'uk'],
      events: [
        event({
          id: 'kharkiv',
          title: 'Drone strike on Kharkiv',
          start: '2025-08-18T05:00+03:00',
          precision: 'approximate',
          figures: [
            { label: 'Injured', value: 18, reportedBy: 'Kyiv Independent' },
            { label: 'Injured', value: 23, reportedBy: 'RTÉ, AFP' },
            { label: 'Killed', value: 7, reportedBy: 'local officials' },
            { label: 'Lunch', value: 'cancelled', reportedBy: 'news.mail.ru' },
            { label: 'Lunch', value: 'cancelled', reportedBy: 'a mirror report' },
          ],
          translations: { uk: { title: 'Удар дронів по Харкову' } },
        }),
        event({ id: 'next-day', start: '2025-08-19' }),
      ],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

let element: CmDetails | undefined;
afterEach(() => element?.remove());

async function mount(props: Partial<CmDetails>): Promise<CmDetails> {
  element = Object.assign(document.createElement('cm-details'), { readerZone: 'America/New_York' }, props);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const text = (el: CmDetails) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<cm-details>', () => {
  it('invites a selection when nothing is selected', async () => {
    const el = await mount({ data: data(), selected: null });
    expect(text(el)).toContain('Select an event on the timeline or the map');
  });

  it('shows the time where it happened and in the reader’s zone, with the precision', async () => {
    const el = await mount({ data: data(), selected: 'kharkiv' });
    expect(text(el)).toContain('Mon, 18 Aug 2025, about 05:00 EEST (local time, Europe/Kyiv)');
    expect(text(el)).toContain('Sun, 17 Aug 2025, about 22:00 GMT-4 (your time, America/New_York)');
    expect(text(el)).toContain('Precision: approximate');
  });

  it('puts conflicting figures side by side, each with who reported it', async () => {
    const el = await mount({ data: data(), selected: 'kharkiv' });
    const conflict = el.shadowRoot!.querySelector('.figures dd.conflict')!;
    expect(conflict.textContent!.replace(/\s+/g, ' ')).toMatch(/Sources differ: 18 reported by Kyiv Independent 23 reported by RTÉ, AFP/);
    expect(el.shadowRoot!.querySelectorAll('.figures dd.conflict')).toHaveLength(1);
    const agreeing = [...el.shadowRoot!.querySelectorAll('.figures dt')].find((dt) => dt.textContent === 'Lunch')!.nextElementSibling!;
    expect(agreeing.classList.contains('conflict')).toBe(false);
    expect(agreeing.querySelectorAll('li')).toHaveLength(2);
  });

  it('links sources in a new tab without giving the page away', async () => {
    const el = await mount({ data: data(), selected: 'kharkiv' });
    const link = el.shadowRoot!.querySelector('.sources a')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://example.org/a', '_blank', 'noopener noreferrer']);
  });

  it('lists the events at the same place nearest in time, and says how many more there are', async () => {
    const crowded = validateValue(dataset({ events: Array.from({ length: 25 }, (_, i) => event({ id: `day-${i + 1}`, start: `2025-07-${String(i + 1).padStart(2, '0')}` })) }));
    if (!crowded.ok) throw new Error('fixture invalid');
    const el = await mount({ data: crowded.dataset, selected: 'day-12', order: crowded.dataset.events });
    const links = [...el.shadowRoot!.querySelectorAll('.links button')].map((b) => b.textContent!.replace(/\s+/g, ' '));
    expect(links).toHaveLength(10);
    expect(links[0]).toContain('7 Jul 2025');
    expect(links[9]).toContain('17 Jul 2025');
    expect(text(el)).toContain('… and 14 more.');
  });

  it('never makes a link of a URL that is not http(s), even if handed one', async () => {
    const unsafe = buildDataset({ ...dataset(), events: [event({ id: 'x', sources: [{ publisher: 'P', title: 'T', url: 'javascript:alert(1)', date: '2025', language: 'en' }] })] });
    const el = await mount({ data: unsafe, selected: 'x' });
    expect(el.shadowRoot!.querySelector('.sources a')).toBeNull();
    expect(text(el)).toContain('(link not shown: not a web address)');
  });

  it('shows Ukrainian text where translated and marks English fallback where not', async () => {
    const el = await mount({ data: data(), selected: 'kharkiv', language: 'uk' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).toBe('Удар дронів по Харкову');
    const summary = el.shadowRoot!.querySelector('article > p[lang="en"]')!;
    expect(summary.textContent).toBe('Officials reported drones over the city.');
    expect(text(el)).toContain('Ще не перекладено; показано англійською.');
  });

  it('steps to the next event in the given order', async () => {
    const d = data();
    const el = await mount({ data: d, selected: 'kharkiv', order: d.events });
    const picked = new Promise<string | null>((resolve) => el.addEventListener('cm-pick', (e: PickEvent) => resolve(e.id), { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next event"]')!.click();
    expect(await picked).toBe('next-day');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Previous event"]')!.disabled).toBe(true);
  });
});
