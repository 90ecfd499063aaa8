import { it } from 'vitest';
import '../../src/components/cm-map';
import { validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';
it('debug', async () => {
  const r = validateValue(dataset({ places: [place(), place({ id: 'kh', name: 'Kharkiv', lat: 49.99, lon: 36.23 })], events: [event(), event({ id: 'e2', place: 'kh' })] }));
  if (!r.ok) throw new Error('bad');
  const el = document.createElement('cm-map');
  el.style.cssText = 'width: 400px; height: 300px;';
  Object.assign(el, { data: r.dataset, window: r.dataset.extent });
  const reasons: string[] = [];
  el.addEventListener('cm-map-fallback', (e) => reasons.push((e as unknown as { reason: string }).reason));
  const ready = new Promise((res) => el.addEventListener('cm-view-ready', res, { once: true }));
  document.body.append(el);
  await ready;
  await new Promise((r) => setTimeout(r, 1500));
  console.log('REASONS', reasons, el.getAttribute('drawn-with'), JSON.stringify(el.renderedEventIds()));
});
