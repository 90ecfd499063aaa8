import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/cm-table';
import type { CmTable } from '../../src/components/cm-table';
import type { PickEvent } from '../../src/components/events';
import { validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

function data() {
  const result = validateValue(
    dataset({
      places: [place(), place({ id: 'lviv', name: 'Lviv', lat: 49.84, lon: 24.03 }), place({ id: 'odesa', name: 'Odesa', lat: 46.48, lon: 30.74 })],
      events: [
        event({ id: 'a', start: '2025-08-18', place: 'odesa' }),
        event({ id: 'b', start: '2025-08-19', place: 'kyiv', kind: 'meeting', status: 'held' }),
        event({ id: 'c', start: '2025-08-20', place: 'lviv' }),
      ],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

let element: CmTable | undefined;
afterEach(() => element?.remove());

async function mount(selected: string | null = null): Promise<CmTable> {
  const d = data();
  element = Object.assign(document.createElement('cm-table'), { data: d, events: d.events, selected });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const rowIds = (el: CmTable) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-event-id'));
const sortBy = async (el: CmTable, label: string) => {
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')].find((b) => b.textContent!.startsWith(label))!.click();
  await el.updateComplete;
};

describe('<cm-table>', () => {
  it('lists the events in time order and marks the selected row', async () => {
    const el = await mount('b');
    expect(rowIds(el)).toEqual(['a', 'b', 'c']);
    expect(el.shadowRoot!.querySelector('tr[aria-selected="true"]')!.getAttribute('data-event-id')).toBe('b');
  });

  it('sorts by place and by kind, and says which column is sorted', async () => {
    const el = await mount();
    await sortBy(el, 'Where');
    expect(rowIds(el)).toEqual(['b', 'c', 'a']);
    expect(el.shadowRoot!.querySelector('th[aria-sort="ascending"]')!.textContent).toContain('Where');
    await sortBy(el, 'Kind');
    expect(rowIds(el)).toEqual(['a', 'c', 'b']);
  });

  it('selects the event whose title is pressed', async () => {
    const el = await mount();
    const picked = new Promise<string | null>((resolve) => el.addEventListener('cm-pick', (e: PickEvent) => resolve(e.id), { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-event-id="c"] button.title')!.click();
    expect(await picked).toBe('c');
  });
});
